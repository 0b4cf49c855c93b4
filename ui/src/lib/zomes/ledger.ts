// The `ledger` zome: value equations, income, previews and distributions, payout explanations,
// payment receipts, exports and a resource's pie chart. Amounts are integer minor units of the
// network currency; shares are basis points (10000 = 100 %). Its types (the IncomeEvent,
// ValueEquation, Settlement, Distribution and PaymentReceipt entries, ovn_domain's value
// equation and distribution types, the zome's inputs and outputs) are generated from the Rust
// types: ../generated/ledger.ts and, for the equations, ../generated/equations.ts (crates/ts).

import { callZome } from "../node.svelte";
import type { CurrentEquation, SetValueEquationInput } from "../generated/equations";
import type {
  DistributeInput,
  DistributionExport,
  DistributionPreview,
  ExplainPayoutInput,
  PayoutExplanation,
  PieChartExport,
  RecordIncomeInput,
} from "../generated/ledger";
import type { ActionHash, HcRecord } from "./types";

export type * from "../generated/equations";
export type * from "../generated/ledger";

const ZOME = "ledger";

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

/** Carries out a passed decision to adopt a value equation (any member may). */
export const adoptDecidedEquation = (decision: ActionHash) =>
  callZome<HcRecord>(ZOME, "adopt_decided_equation", decision);

export const getValueEquation = (project: ActionHash) =>
  callZome<CurrentEquation>(ZOME, "get_value_equation", project);

/** The version of its project's equation a decision adopted, if it was carried out (it may since have been replaced). */
export const getVersionAdoptedBy = (decision: ActionHash) =>
  callZome<number | null>(ZOME, "get_version_adopted_by", decision);

export const exportDistribution = (distribution: ActionHash) =>
  callZome<DistributionExport>(ZOME, "export_distribution", distribution);

export const recordIncome = (input: RecordIncomeInput) =>
  callZome<HcRecord>(ZOME, "record_income", input);

export const getIncomesForProject = (project: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_incomes_for_project", project);

export const exportPieChart = (resource: ActionHash) =>
  callZome<PieChartExport>(ZOME, "export_pie_chart", resource);
