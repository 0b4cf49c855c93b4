// The `members` zome: profiles (public, with a private part on the author's chain) and projects.
// Its types (the Profile, PrivateProfile and Project entries, the zome's inputs) are generated
// from the Rust types: ../generated/members.ts (crates/ts).

import { callZome } from "../node.svelte";
import type {
  ChangeProjectInput,
  CreateProfileInput,
  CreateProjectInput,
  PayoutShare,
  PrivateProfile,
  ProjectInForce,
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

export const setMyPrivateProfile = (profile: PrivateProfile) =>
  callZome<PrivateProfile>(ZOME, "set_my_private_profile", profile);

/** Lets `agent` (who distributes an income I am paid from) read my payout details, until revoked. */
export const sharePayoutDetails = (agent: AgentPubKey) =>
  callZome<PayoutShare>(ZOME, "share_payout_details", agent);

export const revokePayoutAccess = (agent: AgentPubKey) =>
  callZome<number>(ZOME, "revoke_payout_access", agent);

export const getPayoutShares = () => callZome<PayoutShare[]>(ZOME, "get_payout_shares", null);

/** A payee's payout details, asked of their node with the access they shared. */
export const fetchPayoutDetails = (payee: AgentPubKey) =>
  callZome<string>(ZOME, "fetch_payout_details", payee);

/**
 * As the progenitor of an invite-only network: an invitation for `agent`, the text their node
 * starts with (`ovn-node --invitation TEXT`).
 */
export const invite = (agent: AgentPubKey) => callZome<string>(ZOME, "invite", agent);

export const createProject = (input: CreateProjectInput) =>
  callZome<HcRecord>(ZOME, "create_project", input);

export const getProject = (hash: ActionHash) => callZome<HcRecord | null>(ZOME, "get_project", hash);

export const getAllProjects = () => callZome<HcRecord[]>(ZOME, "get_all_projects", null);

/** The project as its version in force has it (its stewards, purpose and parent may have changed). */
export const getProjectInForce = (project: ActionHash) =>
  callZome<ProjectInForce>(ZOME, "get_project_in_force", project);

/** Changes a project as one of its stewards: only where the network's decisions do not bind. */
export const changeProject = (input: ChangeProjectInput) => callZome<HcRecord>(ZOME, "change_project", input);

/** Carries out a passed decision to change a project. */
export const changeDecidedProject = (decision: ActionHash) =>
  callZome<HcRecord>(ZOME, "change_decided_project", decision);
