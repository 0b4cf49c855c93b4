// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// Members: profiles and projects.

import type { ActionHash, AgentPubKey, Micros } from "../zomes/types";

export type ChangeProjectInput = {
  project: ActionHash;
  purpose: string;
  parent: ActionHash | null;
  stewards: Array<AgentPubKey>;
};

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

/** A project as its version in force has it. */
export type ProjectInForce = {
  name: string;
  level: ProjectLevel;
  /** The ProjectVersion in force; `None` while the project as created is. */
  version: ActionHash | null;
  /** 1 for the project as created, then one more per change. */
  number: number;
  /**
   * Other versions with its number: two changes replaced the same version (the first
   * made is in force).
   */
  rivals: Array<ActionHash>;
  /** The decision that made it; `None` for the project as created or a stewards' change. */
  decision: ActionHash | null;
  purpose: string;
  parent: ActionHash | null;
  stewards: Array<AgentPubKey>;
};

export type ProjectLevel = "Project" | "OpenEnterprise" | "Network";

export type ProjectVersion = {
  project: ActionHash;
  /** 2 for a project's first change, then one more than the version it replaces. */
  version: number;
  /** The ProjectVersion it replaces; `None`: the project as created. */
  replaces: ActionHash | null;
  purpose: string;
  parent: ActionHash | null;
  stewards: Array<AgentPubKey>;
  /**
   * The passed Decision making exactly this change; `None` only where the network lets
   * stewards act alone.
   */
  decision: ActionHash | null;
};

export type UpdateProfileInput = {
  nickname: string;
  skills: Array<string>;
};
