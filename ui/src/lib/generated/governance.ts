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
  | { UsageRules: { resource: ActionHash, rules: UsageRules, replaces: ActionHash | null } }
  | { Rules: { rules: GovernanceRules, replaces: ActionHash | null } };

export type ChangeGovernanceRulesInput = {
  project: ActionHash;
  rules: GovernanceRules;
};

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

/** A project's governance rules as its version in force has them. */
export type GovernanceInForce = {
  /** The GovernanceRulesVersion in force; `None` while the network's rules are. */
  version: ActionHash | null;
  /** 1 for the network's rules, then one more per change. */
  number: number;
  /** Other versions with its number (the first made is in force). */
  rivals: Array<ActionHash>;
  /** The decision that made it; `None` for the network's rules or a stewards' change. */
  decision: ActionHash | null;
  rules: GovernanceRules;
  /** The network's rules, which a project's stay within. */
  network: GovernanceRules;
};

/**
 * A network's (or a project's) governance rules. A project's stay within its network's
 * ([`GovernanceRules::check_within`]).
 */
export type GovernanceRules = {
  /** Reputation halves every this many days (Colony's is about 3.5 months). */
  half_life_days: number;
  /**
   * A proposal stays open at least this many seconds, so every member can see it in time
   * (a test network may choose seconds; a community, days).
   */
  min_window_secs: number;
  /** And at most this long. */
  max_window_days: number;
  equation: Rule;
  project: Rule;
  exception: Rule;
  usage_rules: Rule;
  /** Its method's quorum applies; items are funded by approval ([`super::budget`]). */
  budget: Rule;
  motion: Rule;
  /** How a project changes these rules of its own. */
  rules: Rule;
  /**
   * Whether a change these rules put to a vote takes effect only by a passed decision that
   * names it ([`super::binding`]); `false` lets a project's stewards act alone. A new
   * network's default: they bind.
   */
  decisions_bind: boolean;
};

export type GovernanceRulesVersion = {
  project: ActionHash;
  /** 2 for a project's first rules of its own, then one more than the version it replaces. */
  version: number;
  /** The GovernanceRulesVersion it replaces; `None`: the network's rules. */
  replaces: ActionHash | null;
  rules: GovernanceRules;
  /**
   * The passed Decision making exactly this change; `None` only where the network lets
   * stewards act alone.
   */
  decision: ActionHash | null;
  /** Where stewards act alone, the project's version whose stewards they act under. */
  project_version: ActionHash | null;
};

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
  /** When voting ends; the governance rules it names bound how soon and how late. */
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
  /**
   * The project's governance rules in force when it opened, which decide it (method,
   * electorate, weighting, window, half-life); `None`: the network's.
   */
  governance_rules: ActionHash | null;
};

/** A proposal as its voters see it. */
export type ProposalView = {
  proposal: HcRecord;
  /** How it is decided: method, electorate and weighting from the governance rules it names. */
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
