// How the Governance view words a rule and a tally (ovn_domain::governance).

import { describeCategory } from "./describe";
import { b64, localInputNow, money, parseHash, percent } from "./format";
import { briefRule, describeWindows, KINDS } from "./governanceRules";
import { app } from "./node.svelte";
import { describeRules } from "./rules";
import type { Change, Failed, Method, Rule, Tally } from "./zomes/governance";
import type { ProjectInForce } from "./zomes/members";
import type { ActionHash, AgentPubKey } from "./zomes/types";

/** What a proposal changes, in a sentence. */
export function describeChange(change: Change): string {
  if (change === "Motion") return "A motion: recorded, no effect.";
  if ("Equation" in change) return `Adopts a value equation of ${change.Equation.equation.buckets.length} bucket(s).`;
  if ("Project" in change) {
    const p = change.Project;
    return `Changes the project: ${p.stewards.length} steward(s), ${p.parent ? "part of another project" : "part of none"}, purpose “${p.purpose}”.`;
  }
  if ("UsageRules" in change) return `Changes a resource's usage rules to: ${describeRules(change.UsageRules.rules)}.`;
  if ("Rules" in change) {
    // Every kind, so that voters see all it changes, not only what the proposer points at.
    const r = change.Rules.rules;
    const kinds = KINDS.map(({ kind, label }) => `${label} is decided by ${briefRule(r[kind])}`).join("; ");
    return `Changes the project's governance rules: proposals stay open ${describeWindows(r)}; reputation halves every ${r.half_life_days} day(s); ${kinds}.`;
  }
  const e = change.Exception;
  return `Decides a license exception for one request: treated as ${describeCategory(e.category)}, paying ${money(e.fee)}.`;
}

export function describeMethod(method: Method): string {
  if ("Consent" in method) return `consent: passes unless someone blocks, with ${percent(method.Consent.quorum_bp)} taking part`;
  if ("Consensus" in method) return `consensus: passes when nobody objects or blocks, with ${percent(method.Consensus.quorum_bp)} taking part`;
  const m = method.Majority;
  return `majority: yes above ${percent(m.threshold_bp)} of yes and no, with ${percent(m.quorum_bp)} taking part`;
}

export function describeRule(rule: Rule): string {
  const who = rule.electorate === "Stewards" ? "the project's stewards" : "members whose work the project settled before it opened";
  const weight = rule.weighting === "Equal" ? "one vote each" : "votes weighed by reputation (settled work, halving every few months)";
  return `Decided by ${who}, ${weight}; ${describeMethod(rule.method)}.`;
}

const WHY: Record<Failed, string> = {
  NoQuorum: "too few took part",
  Blocked: "somebody blocked it",
  Objected: "somebody objected",
  NotEnoughSupport: "not enough support",
};

export function describeOutcome(tally: Tally): string {
  return tally.failed === null ? "passes" : `does not pass: ${WHY[tally.failed]}`;
}

/** A proposal form's default close: the shortest window the rules in force allow (the network's by default), and ten minutes to fill the form. */
export function defaultClose(minWindowSecs: number = app.network.minWindowSecs): string {
  return localInputNow(minWindowSecs / 60 + 10);
}

/** A change-of-project form's fields, started from the version in force. */
export function projectDraft(now: ProjectInForce): { purpose: string; stewards: string; parent: string } {
  return { purpose: now.purpose, stewards: now.stewards.map(b64).join("\n"), parent: now.parent ? b64(now.parent) : "" };
}

/** The change a project form's fields make, or an error naming the field. */
export function projectChange(draft: { purpose: string; stewards: string; parent: string }): {
  purpose: string;
  parent: ActionHash | null;
  stewards: AgentPubKey[];
} {
  const stewards = draft.stewards
    .split(/[\s,]+/)
    .filter((s) => s)
    .map((s, i) => parseHash(s, "agent", `Steward #${i + 1}`));
  if (stewards.length === 0) throw new Error("Stewards: a project keeps at least one steward.");
  const parent = draft.parent ? parseHash(draft.parent, "action", "Part of") : null;
  return { purpose: draft.purpose.trim(), parent, stewards };
}
