// The `members` zome: profiles (public, with a private part on the author's chain) and projects.
// Its types (the Profile, PrivateProfile and Project entries, the zome's inputs) are generated
// from the Rust types: ../generated/members.ts (crates/ts).

import { callZome } from "../node.svelte";
import type {
  CreateProfileInput,
  CreateProjectInput,
  PrivateProfile,
  UpdateProfileInput,
} from "../generated/members";
import type { ActionHash, AgentPubKey, HcRecord } from "./types";

export type * from "../generated/members";

const ZOME = "members";

export const createProfile = (input: CreateProfileInput) =>
  callZome<HcRecord>(ZOME, "create_profile", input);

export const updateProfile = (input: UpdateProfileInput) =>
  callZome<HcRecord>(ZOME, "update_profile", input);

export const getProfile = (agent: AgentPubKey) =>
  callZome<HcRecord | null>(ZOME, "get_profile", agent);

export const getMyProfile = () => callZome<HcRecord | null>(ZOME, "get_my_profile", null);

export const getMyPrivateProfile = () =>
  callZome<PrivateProfile | null>(ZOME, "get_my_private_profile", null);

export const createProject = (input: CreateProjectInput) =>
  callZome<HcRecord>(ZOME, "create_project", input);

export const getProject = (hash: ActionHash) => callZome<HcRecord | null>(ZOME, "get_project", hash);

export const getAllProjects = () => callZome<HcRecord[]>(ZOME, "get_all_projects", null);
