// The `contributions` zome: logging contributions, endorsing them, listing them, and where each
// stands. Its types (the Contribution and Endorsement entries, ovn_domain's ContributionKind,
// EndorsementKind and ContributionStatus, the zome's inputs and outputs) are generated from the
// Rust types: ../generated/contributions.ts (crates/ts).

import { callZome } from "../node.svelte";
import type {
  ContributionStatusReport,
  EndorseContributionInput,
  GetContributionsForProjectInput,
  LogContributionInput,
} from "../generated/contributions";
import type { ActionHash, AgentPubKey, HcRecord } from "./types";

export type * from "../generated/contributions";

const ZOME = "contributions";

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
