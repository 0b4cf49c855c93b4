// The `contributions` zome: logging contributions, endorsing them, listing them, and where each
// stands. Mirrors zomes/contributions/src/*.rs, the Contribution and Endorsement entries and
// ovn_domain's ContributionKind, EndorsementKind and ContributionStatus.

import { callZome } from "../node.svelte";
import type { ActionHash, AgentPubKey, HcRecord, Micros } from "./types";

const ZOME = "contributions";

/** `ovn_domain::ContributionKind<ActionHash>`: amounts in minor units, durations in minutes. */
export type ContributionKind =
  | { Work: { minutes: number; skill: string } }
  | { Use: { resource: ActionHash; minutes: number } }
  | { Cite: { resource: ActionHash } }
  | { Financial: { amount: number } }
  | { Material: { description: string; value: number } };

export interface Contribution {
  contributor: AgentPubKey;
  project: ActionHash;
  kind: ContributionKind;
  description: string;
  evidence: string[];
  when: Micros;
  corrects: ActionHash | null;
}

export interface LogContributionInput {
  project: ActionHash;
  kind: ContributionKind;
  description: string;
  evidence: string[];
  /** When it happened; now if null. */
  when: Micros | null;
  /** The caller's earlier contribution this one corrects. */
  corrects: ActionHash | null;
}

export interface GetContributionsForProjectInput {
  project: ActionHash;
  /** The month, `YYYY-MM`. */
  period: string;
}

export type EndorsementKind = "Confirm" | { Dispute: { reason: string } };

export interface Endorsement {
  contribution: ActionHash;
  endorser_profile: ActionHash;
  kind: EndorsementKind;
}

export interface EndorseContributionInput {
  contribution: ActionHash;
  kind: EndorsementKind;
}

export type ContributionState = "Pending" | "Counted" | "Disputed" | "Superseded";

export interface ContributionStatus {
  state: ContributionState;
  confirmations: number;
  disputes: number;
  required: number;
}

export interface ContributionStatusReport {
  contribution: ActionHash;
  status: ContributionStatus;
  /** Endorsement records. */
  endorsements: HcRecord[];
  corrected_by: ActionHash[];
}

export const logContribution = (input: LogContributionInput) =>
  callZome<HcRecord>(ZOME, "log_contribution", input);

export const getContributionsForProject = (input: GetContributionsForProjectInput) =>
  callZome<HcRecord[]>(ZOME, "get_contributions_for_project", input);

export const getPeriodsForProject = (project: ActionHash) =>
  callZome<string[]>(ZOME, "get_periods_for_project", project);

export const getContributionsForAgent = (agent: AgentPubKey) =>
  callZome<HcRecord[]>(ZOME, "get_contributions_for_agent", agent);

export const endorseContribution = (input: EndorseContributionInput) =>
  callZome<HcRecord>(ZOME, "endorse_contribution", input);

export const getContributionStatus = (contribution: ActionHash) =>
  callZome<ContributionStatusReport>(ZOME, "get_contribution_status", contribution);
