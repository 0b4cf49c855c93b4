// The `ledger` zome: value equations, income, previews and distributions, payout explanations,
// payment receipts, exports and a resource's pie chart. Mirrors zomes/ledger/src/*.rs, the
// IncomeEvent, ValueEquation, Distribution and PaymentReceipt entries, and ovn_domain's
// value_equation and distribution types. Amounts are integer minor units of the network
// currency; shares are basis points (10000 = 100 %).

import { callZome } from "../node.svelte";
import type { ActionHash, AgentPubKey, HcRecord, Micros } from "./types";

const ZOME = "ledger";

/** `ovn_domain::IncomeSource<ActionHash>`. */
export type IncomeSource =
  | "Sale"
  | "Service"
  | { LicenseFee: { grant: ActionHash } }
  | "Grant"
  | "Donation"
  | { UseFee: { resource_use: ActionHash } };

export interface IncomeEvent {
  project: ActionHash;
  amount: number;
  source: IncomeSource;
  description: string;
  evidence: string[];
  received: Micros;
}

export interface RecordIncomeInput {
  project: ActionHash;
  amount: number;
  source: IncomeSource;
  description: string;
  evidence: string[];
  /** When the money arrived; now if null. */
  received: Micros | null;
}

export type Claim = "Equity" | "Debt" | "Once";
export type Behaviour = "Straight" | "Remaining";

export interface SkillRate {
  skill: string;
  rate: number;
}

export interface MemberRate {
  member: AgentPubKey;
  skill: string | null;
  rate: number;
}

export interface WorkRule {
  default_rate: number;
  skill_rates: SkillRate[];
  member_rates: MemberRate[];
  claim: Claim;
}

export interface ResourceRate {
  resource: ActionHash;
  rate: number;
}

export interface UseRule {
  default_rate: number;
  resource_rates: ResourceRate[];
  claim: Claim;
}

export interface CiteRule {
  share_bp: number;
  claim: Claim;
}

export interface ValuationRules {
  work: WorkRule | null;
  use: UseRule | null;
  cite: CiteRule | null;
  financial: Claim | null;
  material: Claim | null;
}

export type BucketKind =
  | { FixedShare: { agent: AgentPubKey } }
  | { Contributions: { rules: ValuationRules } };

export interface Window {
  from_micros: Micros;
  until_micros: Micros;
}

export interface Bucket {
  name: string;
  share_bp: number;
  behaviour: Behaviour;
  kind: BucketKind;
  window: Window | null;
}

/** `ovn_domain::ValueEquation<AgentPubKey, ActionHash>`. */
export interface Equation {
  buckets: Bucket[];
}

export interface SetValueEquationInput {
  project: ActionHash;
  equation: Equation;
}

export interface CurrentEquation {
  /** The adopted ValueEquation; null when the project uses the network's default. */
  adopted: ActionHash | null;
  /** 0 for the network's default. */
  version: number;
  equation: Equation;
}

export interface DistributeInput {
  income: ActionHash;
  /** Contributions dated after this do not take part; now if null. */
  cutoff: Micros | null;
}

export interface Payout {
  agent: AgentPubKey;
  amount: number;
}

export interface BucketResult {
  pot: number;
  paid: number;
}

export interface TraceLine {
  bucket: number;
  agent: AgentPubKey;
  /** null for a fixed share. */
  contribution: ActionHash | null;
  value: number;
  claim: Claim | null;
  amount: number;
}

export interface Outcome {
  payouts: Payout[];
  retained: number;
  buckets: BucketResult[];
  trace: TraceLine[];
}

export interface DistributionPreview {
  income: ActionHash;
  amount: number;
  equation_version: number;
  bucket_names: string[];
  cutoff: Micros;
  contributions: number;
  settlements_reused: number;
  settlements_new: number;
  outcome: Outcome;
}

export interface AgentShare {
  agent: AgentPubKey;
  bucket: number;
  contributions: number;
  value: number;
  amount: number;
}

export interface ClaimPaid {
  contribution: ActionHash;
  bucket: number;
  amount: number;
}

export interface Distribution {
  project: ActionHash;
  income: ActionHash;
  equation: ActionHash | null;
  cutoff: Micros;
  settlements: ActionHash[];
  earlier: ActionHash[];
  payouts: Payout[];
  retained: number;
  buckets: BucketResult[];
  shares: AgentShare[];
  claims: ClaimPaid[];
}

export interface ExplainPayoutInput {
  distribution: ActionHash;
  agent: AgentPubKey;
}

export interface PayoutExplanation {
  distribution: ActionHash;
  agent: AgentPubKey;
  amount: number;
  bucket_names: string[];
  lines: TraceLine[];
}

export interface PaymentReceipt {
  distribution: ActionHash;
  amount: number;
}

/** `ovn-distribution/1` JSON and one CSV row per trace line. */
export interface DistributionExport {
  json: string;
  csv: string;
}

export interface PieSlice {
  agent: string;
  nickname: string | null;
  share: number;
  share_bp: number;
  roles: string[];
}

export interface PieChart {
  format: string;
  resource: string;
  name: string;
  project: string;
  license: string | null;
  equation_version: number;
  contributors: PieSlice[];
}

export interface PieChartExport {
  json: string;
  chart: PieChart;
}

export const previewDistribution = (input: DistributeInput) =>
  callZome<DistributionPreview>(ZOME, "preview_distribution", input);

export const distribute = (input: DistributeInput) => callZome<HcRecord>(ZOME, "distribute", input);

export const getDistributionsForProject = (project: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_distributions_for_project", project);

export const explainPayout = (input: ExplainPayoutInput) =>
  callZome<PayoutExplanation>(ZOME, "explain_payout", input);

export const confirmPayment = (distribution: ActionHash) =>
  callZome<HcRecord>(ZOME, "confirm_payment", distribution);

export const getPaymentReceipts = (distribution: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_payment_receipts", distribution);

export const setValueEquation = (input: SetValueEquationInput) =>
  callZome<HcRecord>(ZOME, "set_value_equation", input);

export const getValueEquation = (project: ActionHash) =>
  callZome<CurrentEquation>(ZOME, "get_value_equation", project);

export const exportDistribution = (distribution: ActionHash) =>
  callZome<DistributionExport>(ZOME, "export_distribution", distribution);

export const recordIncome = (input: RecordIncomeInput) =>
  callZome<HcRecord>(ZOME, "record_income", input);

export const getIncomesForProject = (project: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_incomes_for_project", project);

export const exportPieChart = (resource: ActionHash) =>
  callZome<PieChartExport>(ZOME, "export_pie_chart", resource);
