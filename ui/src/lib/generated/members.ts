// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// Members: profiles and projects.

import type { ActionHash, AgentPubKey, Micros } from "../zomes/types";

export type CreateProfileInput = {
  nickname: string;
  skills: Array<string>;
  /** Contact and payout details, kept on the author's chain only. */
  private: PrivateProfile | null;
};

export type CreateProjectInput = {
  name: string;
  purpose: string;
  level: ProjectLevel;
  parent: ActionHash | null;
  /** Stewards besides the creator, who is always the first. */
  co_stewards: Array<AgentPubKey>;
};

/** One distributor the caller shares their payout details with. */
export type PayoutShare = {
  with: AgentPubKey;
  /** The grant's action: revoking deletes it. */
  grant: ActionHash;
  since: Micros;
};

export type PrivateProfile = {
  contact: string;
  payout_details: string;
};

export type Profile = {
  nickname: string;
  skills: Array<string>;
};

export type Project = {
  name: string;
  purpose: string;
  level: ProjectLevel;
  /** The project this one belongs to (an open enterprise's network, say). */
  parent: ActionHash | null;
  stewards: Array<AgentPubKey>;
};

export type ProjectLevel = "Project" | "OpenEnterprise" | "Network";

export type UpdateProfileInput = {
  nickname: string;
  skills: Array<string>;
};
