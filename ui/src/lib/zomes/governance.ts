// The `governance` zome: a project's proposals, votes, delegations and decisions, with the count
// every validator makes, and its own governance rules. Its types (the Proposal, Vote, Delegation,
// Decision and GovernanceRulesVersion entries, ovn_domain::governance, the zome's inputs and
// outputs) are generated from the Rust types: ../generated/governance.ts (crates/ts).

import { callZome } from "../node.svelte";
import type {
  CastVoteInput,
  ChangeGovernanceRulesInput,
  DelegateInput,
  GovernanceInForce,
  OpenProposalInput,
  ProposalView,
  ReputationAt,
} from "../generated/governance";
import type { ActionHash, AgentPubKey, HcRecord } from "./types";

export type * from "../generated/governance";

const ZOME = "governance";

export const openProposal = (input: OpenProposalInput) => callZome<HcRecord>(ZOME, "open_proposal", input);

export const getProposals = (project: ActionHash) => callZome<HcRecord[]>(ZOME, "get_proposals", project);

export const getProposal = (proposal: ActionHash) => callZome<ProposalView>(ZOME, "get_proposal", proposal);

export const castVote = (input: CastVoteInput) => callZome<HcRecord>(ZOME, "cast_vote", input);

export const delegate = (input: DelegateInput) => callZome<HcRecord>(ZOME, "delegate", input);

export const getDelegationsOf = (agent: AgentPubKey) => callZome<HcRecord[]>(ZOME, "get_delegations_of", agent);

export const decide = (proposal: ActionHash) => callZome<HcRecord>(ZOME, "decide", proposal);

export const getReputationHistory = (project: ActionHash) => callZome<ReputationAt[]>(ZOME, "get_reputation_history", project);

/** A project's governance rules as their version in force has them (version 1: the network's). */
export const getGovernanceRulesInForce = (project: ActionHash) =>
  callZome<GovernanceInForce>(ZOME, "get_governance_rules_in_force", project);

/** Changes a project's governance rules as one of its stewards, where decisions do not bind. */
export const changeGovernanceRules = (input: ChangeGovernanceRulesInput) =>
  callZome<HcRecord>(ZOME, "change_governance_rules", input);

/** Carries out a passed decision to change a project's governance rules (any member). */
export const changeDecidedGovernanceRules = (decision: ActionHash) =>
  callZome<HcRecord>(ZOME, "change_decided_governance_rules", decision);
