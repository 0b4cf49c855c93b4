// Sentences for the typed values zomes return.

import { money, minutes, percent } from "./format";
import type { ContributionKind, ContributionStatus } from "./zomes/contributions";
import type { CategoryTag, FeeSchedule, LicenseeCategory, LicenseKind } from "./zomes/licenses";
import type { Rights } from "./zomes/resources";
import { variantName } from "./zomes/types";

export function describeKind(kind: ContributionKind): string {
  if ("Work" in kind) return `Work: ${minutes(kind.Work.minutes)} (${kind.Work.skill})`;
  if ("Use" in kind) return `Use of a resource: ${minutes(kind.Use.minutes)}`;
  if ("Cite" in kind) return "Citation of a design";
  if ("Financial" in kind) return `Money: ${money(kind.Financial.amount)}`;
  return `Material: ${kind.Material.description}, ${money(kind.Material.value)}`;
}

/** "Counted", or "Pending: 0 of 1 confirmations". */
export function describeStatus(status: ContributionStatus): string {
  const { state, confirmations, required, disputes } = status;
  if (state === "Pending") return `Pending: ${confirmations} of ${required} confirmation${required === 1 ? "" : "s"}`;
  if (state === "Counted") return `Counted (${confirmations} confirmation${confirmations === 1 ? "" : "s"})`;
  if (state === "Disputed") return `Disputed (${disputes} dispute${disputes === 1 ? "" : "s"})`;
  return "Superseded by a correction";
}

export function describeRights(rights: Rights): string {
  return rights === "Custody" ? "custody" : `ownership, price ${money(rights.Ownership.price)}`;
}

export function describeFee(fee: FeeSchedule | null): string {
  if (!fee) return "no fee";
  if ("Flat" in fee) return `${money(fee.Flat.amount)} flat`;
  if ("PerUnit" in fee) return `${money(fee.PerUnit.amount)} per unit`;
  return `${percent(fee.RevenueShare.share_bp)} of revenue`;
}

export function describeLicenseKind(kind: LicenseKind): string {
  if (typeof kind !== "string") return "Custom";
  return (
    {
      CommonsBasedReciprocity: "Commons-based reciprocity",
      PeerProduction: "Peer production",
      CcBySa: "CC BY-SA",
      Gpl: "GPL",
    } as Record<string, string>
  )[kind];
}

export function describeCategory(category: LicenseeCategory<unknown> | CategoryTag): string {
  if (typeof category === "object" && "WorkerCooperative" in category) {
    return `Worker cooperative (${category.WorkerCooperative.workers} workers)`;
  }
  if (typeof category === "object" && "ContributingForProfit" in category) {
    return `Contributing for-profit (${category.ContributingForProfit.contributions.length} contributions)`;
  }
  return CATEGORY_NAMES[variantName(category)] ?? variantName(category);
}

const CATEGORY_NAMES: Record<string, string> = {
  CommonGood: "Common good",
  NonProfit: "Non-profit",
  NonCommercialUse: "Non-commercial use",
  WorkerCooperative: "Worker cooperative",
  ContributingForProfit: "Contributing for-profit",
  ForProfit: "For-profit",
};
