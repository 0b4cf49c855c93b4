// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// Contribution accounting: contributions, endorsements, where a contribution stands.

import type { ActionHash, AgentPubKey, HcRecord, Micros } from "../zomes/types";

export type Contribution = {
  /** Who contributed: always the author. */
  contributor: AgentPubKey;
  project: ActionHash;
  kind: ContributionKind;
  description: string;
  /** URIs or content hashes that show the contribution. */
  evidence: Array<string>;
  /** When it happened. */
  when: Micros;
  /** The earlier contribution of the same contributor and project this one replaces. */
  corrects: ActionHash | null;
};

/**
 * What was contributed. `R` names a resource (an `ActionHash` in the zomes).
 * Durations are whole minutes: exact, and fine-grained enough for logged hours.
 */
export type ContributionKind =
  | { Work: { minutes: number, skill: string } }
  | { Use: { resource: ActionHash, custody: ActionHash, minutes: number } }
  | { Cite: { resource: ActionHash } }
  | { Financial: { amount: number } }
  | { Material: { description: string, value: number } };

export type ContributionState = "Pending" | "Counted" | "Disputed" | "Superseded";

export type ContributionStatus = {
  state: ContributionState;
  /** Distinct endorsers whose latest endorsement confirms. */
  confirmations: number;
  /** Distinct endorsers whose latest endorsement disputes. */
  disputes: number;
  /** K, from the network constitution. */
  required: number;
};

/** A contribution's standing, with the endorsements and corrections it was computed from. */
export type ContributionStatusReport = {
  contribution: ActionHash;
  status: ContributionStatus;
  endorsements: Array<HcRecord>;
  corrected_by: Array<ActionHash>;
};

export type EndorseContributionInput = {
  contribution: ActionHash;
  kind: EndorsementKind;
};

export type Endorsement = {
  contribution: ActionHash;
  /** The endorser's own Profile: proof that the endorser is a member. */
  endorser_profile: ActionHash;
  kind: EndorsementKind;
};

export type EndorsementKind = "Confirm" | { Dispute: { reason: string } };

export type GetContributionsForProjectInput = {
  project: ActionHash;
  /** The month, `YYYY-MM`. */
  period: string;
};

export type LogContributionInput = {
  project: ActionHash;
  kind: ContributionKind;
  description: string;
  evidence: Array<string>;
  /** When it happened; now if not given. */
  when: Micros | null;
  /** The caller's earlier contribution this one corrects. */
  corrects: ActionHash | null;
};

export type Period = {
  year: number;
  /** 1..=12 */
  month: number;
};
