// The `members` zome: profiles (public, with a private part on the author's chain) and projects.
// Mirrors zomes/members/src/{profiles,projects}.rs and the Profile, PrivateProfile and Project
// entries (zomes/integrity/src).

import { callZome } from "../node.svelte";
import type { ActionHash, AgentPubKey, HcRecord } from "./types";

const ZOME = "members";

export interface Profile {
  nickname: string;
  skills: string[];
}

export interface PrivateProfile {
  contact: string;
  payout_details: string;
}

export interface CreateProfileInput {
  nickname: string;
  skills: string[];
  /** Contact and payout details, kept on the author's chain only. */
  private: PrivateProfile | null;
}

export interface UpdateProfileInput {
  nickname: string;
  skills: string[];
}

/** `ovn_domain::ProjectLevel`. */
export type ProjectLevel = "Project" | "OpenEnterprise" | "Network";

export interface Project {
  name: string;
  purpose: string;
  level: ProjectLevel;
  parent: ActionHash | null;
  stewards: AgentPubKey[];
}

export interface CreateProjectInput {
  name: string;
  purpose: string;
  level: ProjectLevel;
  parent: ActionHash | null;
  /** Stewards besides the creator, who is always the first. */
  co_stewards: AgentPubKey[];
}

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
