// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// The common ledger: income, value equations, settlements, distributions, receipts.

import type { ActionHash, AgentPubKey, Micros } from "../zomes/types";
import type { ContributionKind, Period } from "./contributions";
import type { Claim } from "./equations";

/** One agent's part of one bucket: the trace summed per agent, small enough to store. */
export type AgentShare = {
  agent: AgentPubKey;
  bucket: number;
  /** How many of the agent's contributions took part (0 for a fixed share). */
  contributions: number;
  /** Their total value in minor units. */
  value: number;
  amount: number;
};

export type BucketResult = {
  pot: number;
  paid: number;
};

/**
 * What a Debt or Once claim was paid in one bucket: later distributions sum these per
 * contribution ([`add_paid_claims`]) to know what is still owed.
 */
export type ClaimPaid = {
  contribution: ActionHash;
  bucket: number;
  amount: number;
};

export type DistributeInput = {
  income: ActionHash;
  /** Contributions dated after this do not take part; now if not given. */
  cutoff: Micros | null;
};

export type Distribution = {
  project: ActionHash;
  income: ActionHash;
  /** The project's adopted ValueEquation; `None` for the network's default. */
  equation: ActionHash | null;
  /** No contribution dated after this takes part. */
  cutoff: Micros;
  settlements: Array<ActionHash>;
  /** Earlier distributions of the project whose Debt and Once claims this one accounts for. */
  earlier: Array<ActionHash>;
  payouts: Array<Payout>;
  /**
   * What goes to each project whose design a settled contribution cites: its upstream income,
   * which that project's first steward records (`IncomeSource::Upstream`).
   */
  upstream: Array<Payout>;
  /** What no bucket could pay out; it stays with the author, who holds the funds. */
  retained: number;
  buckets: Array<BucketResult>;
  /**
   * The trace summed per bucket and agent (the per-contribution trace is recomputed from the
   * same inputs by `explain_payout`).
   */
  shares: Array<AgentShare>;
  /** What each Debt or Once claim was paid here. */
  claims: Array<ClaimPaid>;
};

export type DistributionExport = {
  json: string;
  csv: string;
};

/** What a distribution would pay, computed exactly as `distribute` would commit it. */
export type DistributionPreview = {
  income: ActionHash;
  amount: number;
  /** The equation version used; 0 for the network's default. */
  equation_version: number;
  bucket_names: Array<string>;
  cutoff: Micros;
  /** Counted contributions taking part. */
  contributions: number;
  settlements_reused: number;
  settlements_new: number;
  outcome: Outcome;
};

export type ExplainPayoutInput = {
  distribution: ActionHash;
  agent: AgentPubKey;
};

export type IncomeEvent = {
  project: ActionHash;
  /** In the network currency's minor units. */
  amount: number;
  source: IncomeSource;
  description: string;
  /** URIs or content hashes of invoices, receipts, bank statements. */
  evidence: Array<string>;
  /** When the money arrived. */
  received: Micros;
};

/** Where an income came from. */
export type IncomeSource =
  | "Sale"
  | "Service"
  | { LicenseFee: { grant: ActionHash } }
  | "Grant"
  | "Donation"
  | { UseFee: { resource_use: ActionHash } }
  | { Upstream: { distribution: ActionHash } };

export type Outcome = {
  /** Per agent, in agent order; only agents paid something. */
  payouts: Array<Payout>;
  /**
   * Per project whose designs were cited, in project order; only projects paid something.
   * Each is that project's upstream income (`IncomeSource::Upstream`).
   */
  upstream: Array<Payout>;
  /** What no bucket could pay out; it stays with the agent who holds the funds. */
  retained: number;
  /** Per bucket, in the equation's order. */
  buckets: Array<BucketResult>;
  /** Every share taken: each contribution (or fixed share) → value → bucket → amount. */
  trace: Array<TraceLine>;
};

/**
 * Who a contribution's share is paid to: a member, or a project whose design it cites (the
 * share is that project's upstream income, shared by its own equation). `P` names a project.
 */
export type Payee = { Agent: AgentPubKey } | { Project: ActionHash };

export type PaymentReceipt = {
  distribution: ActionHash;
  /** What arrived, in minor units. */
  amount: number;
};

export type Payout = {
  /** The agent paid, or in `Outcome::upstream` the project. */
  agent: AgentPubKey;
  amount: number;
};

/** One agent's payout, contribution by contribution, recomputed from the distribution's inputs. */
export type PayoutExplanation = {
  distribution: ActionHash;
  agent: AgentPubKey;
  amount: number;
  bucket_names: Array<string>;
  lines: Array<TraceLine>;
};

export type PieChart = {
  format: string;
  resource: string;
  name: string;
  project: string;
  /** The resource's LicenseAttachment, if it carries a license. */
  license: string | null;
  /** The project's value equation version (0: the network's default). */
  equation_version: number;
  contributors: Array<Slice>;
};

/** The JSON text of the pie chart, and the same data typed. */
export type PieChartExport = {
  json: string;
  chart: PieChart;
};

export type RecordIncomeInput = {
  project: ActionHash;
  /** In the network currency's minor units. */
  amount: number;
  source: IncomeSource;
  description: string;
  evidence: Array<string>;
  /** When the money arrived; now if not given. */
  received: Micros | null;
};

/**
 * A counted contribution as copied into a settlement, so that distributions value it without
 * fetching it again.
 */
export type SettledContribution = {
  contribution: ActionHash;
  contributor: AgentPubKey;
  /** Who its share is paid to: the contributor, or for a Cite the cited design's maker. */
  payee: Payee;
  kind: ContributionKind;
  when: Micros;
  /**
   * The contribution it corrects, copied too: a distribution checks across all its
   * settlements that no original is paid beside its correction.
   */
  corrects: ActionHash | null;
  /** Confirm endorsements of it, by at least K distinct members. */
  confirmations: Array<ActionHash>;
};

export type Settlement = {
  project: ActionHash;
  period: Period;
  items: Array<SettledContribution>;
};

export type Slice = {
  /**
   * The agent's public key in Holochain's text form, or `project <hash>` for a project
   * whose cited design earns it a share (its upstream income).
   */
  agent: string;
  /** Their nickname when they joined, if their profile is found; a project's name. */
  nickname: string | null;
  /** Percent, two decimals; all slices sum to exactly 100. */
  share: number;
  share_bp: number;
  /**
   * What they are credited for: `work: <skill>`, `use`, `cite`, `financial`, `material`,
   * `fixed share: <bucket>`, or for a project `upstream: cited design`.
   */
  roles: Array<string>;
};

export type TraceLine = {
  bucket: number;
  payee: Payee;
  /** `None` for a fixed share. */
  contribution: ActionHash | null;
  /** The contribution's value under the bucket's rules, in minor units (0 for a fixed share). */
  value: number;
  /** `None` for a fixed share. */
  claim: Claim | null;
  amount: number;
};
