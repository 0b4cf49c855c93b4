// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// Governance: proposals, votes, delegations, decisions and their count.

import type { ActionHash, AgentPubKey, HcRecord, Micros } from "../zomes/types";
import type { Equation } from "./equations";
import type { CountedContribution, LicenseeCategory } from "./licenses";
import type { UsageRules } from "./resources";

export type CastVoteInput = {
  proposal: ActionHash;
  choice: Choice;
  reason: string;
};

/** What a proposal changes when it passes. */
export type Change =
  | "Motion"
  | { Equation: { equation: Equation } }
  | { Exception: { request: ActionHash, category: LicenseeCategory<CountedContribution>, fee: number, reason: string } }
  | { Project: { purpose: string, parent: ActionHash | null, stewards: Array<AgentPubKey> } }
  | { UsageRules: { resource: ActionHash, rules: UsageRules, replaces: ActionHash | null } };

/** What a voter says of a proposal. */
export type Choice = "Yes" | "No" | "Abstain" | { Block: { reason: string } };

/** What a decision names, and what it states. */
export type Count = {
  /** Each voter's latest vote. */
  votes: Array<ActionHash>;
  /** Each delegator's latest delegation in scope, made before the close. */
  delegations: Array<ActionHash>;
  tally: Tally;
};

export type Decision = {
  proposal: ActionHash;
  /** Each voter's latest vote. */
  votes: Array<ActionHash>;
  /** Each delegator's latest delegation made before the close, in this project or the network. */
  delegations: Array<ActionHash>;
  tally: Tally;
};

export type DelegateInput = {
  /** Who represents the caller; `None` revokes. */
  delegate: AgentPubKey | null;
  /** A project, or `None` for the whole network. */
  scope: ActionHash | null;
};

export type Delegation = {
  /** Who represents the delegator; `None` revokes their earlier delegation in this scope. */
  delegate: AgentPubKey | null;
  /** The project it applies to; `None` for every project. */
  scope: ActionHash | null;
};

/** Who may vote on a proposal. */
export type Electorate = "Stewards" | "Contributors";

/** Why a proposal did not pass. */
export type Failed = "NoQuorum" | "Blocked" | "Objected" | "NotEnoughSupport";

/** How votes decide. Quorums and thresholds are in basis points of the whole. */
export type Method =
  | { Consent: { quorum_bp: number } }
  | { Consensus: { quorum_bp: number } }
  | { Majority: { threshold_bp: number, quorum_bp: number } };

export type OpenProposalInput = {
  project: ActionHash;
  title: string;
  text: string;
  change: Change;
  /** When voting ends (µs since the epoch). */
  closes: Micros;
};

export type Proposal = {
  project: ActionHash;
  title: string;
  text: string;
  change: Change;
  /** When voting ends; the constitution bounds how soon and how late. */
  closes: Micros;
  /**
   * The project's settlements made before it opened: whose counted contributions make the
   * electorate (where contributors vote) and their reputations (where votes are weighed).
   */
  settlements: Array<ActionHash>;
  /**
   * The project's equation in force when it opened, which values those contributions for
   * reputation; `None` for the network's default.
   */
  equation: ActionHash | null;
  /**
   * The project's version in force when it opened: its stewards (the electorate where
   * stewards decide), and what a project change replaces; `None`: the project as created.
   */
  project_version: ActionHash | null;
};

/** A proposal as its voters see it. */
export type ProposalView = {
  proposal: HcRecord;
  /** How it is decided: method, electorate and weighting from the constitution. */
  rule: Rule;
  /** Each member who may vote, with their weight. */
  electorate: Array<[AgentPubKey, number]>;
  closed: boolean;
  /** The votes and delegations that count now, and their tally (the decision's, once closed). */
  count: Count;
  /** Decisions published on it, oldest first. */
  decisions: Array<HcRecord>;
  /**
   * The decision that stands: the one that counted most votes and delegations, then the
   * earliest.
   */
  standing: ActionHash | null;
};

/** Members' reputations at one moment (those with none are not listed). */
export type ReputationAt = {
  at: Micros;
  overall: Array<[AgentPubKey, number]>;
  /** Member, skill, reputation in it (work contributions only). */
  by_skill: Array<[AgentPubKey, string, number]>;
};

/** How one kind of change is decided. */
export type Rule = {
  method: Method;
  electorate: Electorate;
  weighting: Weighting;
};

/** A count: the weights behind each choice, and the outcome. */
export type Tally = {
  yes: number;
  no: number;
  abstain: number;
  block: number;
  /** The electorate's whole weight. */
  electorate: number;
  /** `None` when it passed. */
  failed: Failed | null;
};

export type Vote = {
  proposal: ActionHash;
  choice: Choice;
  /** Why, in the voter's words (a block's reason is its own). */
  reason: string;
  /** The voter's earlier vote on the same proposal that this one replaces. */
  replaces: ActionHash | null;
};

/** What a vote weighs. */
export type Weighting = "Equal" | "Reputation";
