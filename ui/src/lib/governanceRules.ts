// A project's governance rules in a form (ovn_domain::GovernanceRules): its draft, started from
// the rules in force, the rules it states or an error naming the field, and how a page words
// them.

import { parsePercent, percent } from "./format";
import type { Electorate, GovernanceRules, Method, Rule, Weighting } from "./zomes/governance";

/** The kinds of change, each decided by its own rule. */
export type Kind = "equation" | "project" | "exception" | "usage_rules" | "budget" | "motion" | "rules";

/** Each kind as a page names it (`label`), as an error names its fields (`field`), and in test ids. */
export const KINDS: { kind: Kind; label: string; field: string; testid: string }[] = [
  { kind: "equation", label: "a value equation", field: "value equation", testid: "equation" },
  { kind: "project", label: "a change of the project", field: "project change", testid: "project" },
  { kind: "exception", label: "a license exception", field: "license exception", testid: "exception" },
  { kind: "usage_rules", label: "a resource's usage rules", field: "usage rules", testid: "usage-rules" },
  { kind: "budget", label: "a participatory budget", field: "budget", testid: "budget" },
  { kind: "motion", label: "a motion", field: "motion", testid: "motion" },
  { kind: "rules", label: "these governance rules", field: "governance rules", testid: "rules" },
];

export type RuleDraft = {
  method: "Consent" | "Consensus" | "Majority";
  /** Percent, as typed. */
  quorum: string;
  /** Percent, as typed; only a majority's counts. */
  threshold: string;
  electorate: Electorate;
  weighting: Weighting;
};

export type GovernanceDraft = {
  halfLifeDays: string;
  minWindowSecs: string;
  maxWindowDays: string;
  rules: Record<Kind, RuleDraft>;
};

/** A method's quorum, in basis points. */
export function quorumOf(method: Method): number {
  if ("Consent" in method) return method.Consent.quorum_bp;
  if ("Consensus" in method) return method.Consensus.quorum_bp;
  return method.Majority.quorum_bp;
}

/** Basis points as a form shows them, in percent: 6666 → "66.66". */
const percentInput = (bp: number) => String(bp / 100);

function ruleDraft(rule: Rule): RuleDraft {
  const m = rule.method;
  return {
    method: "Consent" in m ? "Consent" : "Consensus" in m ? "Consensus" : "Majority",
    quorum: percentInput(quorumOf(m)),
    // A rule turned into a majority starts at more than half.
    threshold: percentInput("Majority" in m ? m.Majority.threshold_bp : 5000),
    electorate: rule.electorate,
    weighting: rule.weighting,
  };
}

/** The draft of `rules` (those in force). */
export function governanceDraft(rules: GovernanceRules): GovernanceDraft {
  return {
    halfLifeDays: String(rules.half_life_days),
    minWindowSecs: String(rules.min_window_secs),
    maxWindowDays: String(rules.max_window_days),
    rules: Object.fromEntries(KINDS.map(({ kind }) => [kind, ruleDraft(rules[kind])])) as Record<Kind, RuleDraft>,
  };
}

/** "motion" → "Motion": a field's name at the start of an error. */
const capital = (field: string) => field[0].toUpperCase() + field.slice(1);

/** A whole number typed in a form, from `min` to `max`, or an error naming the field. */
function whole(text: string, field: string, min: number, max: number): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || value < min || value > max) throw new Error(`${field} must be a whole number from ${min} to ${max}.`);
  return value;
}

/** The rule a kind's row states (ovn_domain's Method::check), or an error naming the field. */
function ruleFrom(draft: RuleDraft, field: string): Rule {
  const name = capital(field);
  const quorum_bp = parsePercent(draft.quorum, `${name} quorum (%)`);
  if (quorum_bp > 10_000) throw new Error(`${name} quorum (%) must be from 0 to 100.`);
  let method: Method;
  if (draft.method === "Majority") {
    const threshold_bp = parsePercent(draft.threshold, `${name} threshold (%)`);
    if (threshold_bp < 5000 || threshold_bp > 9999) throw new Error(`${name} threshold (%) must be from 50 to 99.99.`);
    method = { Majority: { threshold_bp, quorum_bp } };
  } else {
    method = draft.method === "Consent" ? { Consent: { quorum_bp } } : { Consensus: { quorum_bp } };
  }
  return { method, electorate: draft.electorate, weighting: draft.weighting };
}

/**
 * The rules a draft states, or an error naming a field that is no number in range; whether
 * decisions bind is the network's (`network`), never a project's to choose. Whether they stay
 * within the network's is the zome's to say (GovernanceRules::check_within, one rule), when
 * they are proposed or changed.
 */
export function governanceRulesFrom(draft: GovernanceDraft, network: GovernanceRules): GovernanceRules {
  const half_life_days = whole(draft.halfLifeDays, "Half-life (days)", 1, 3650);
  const min_window_secs = whole(draft.minWindowSecs, "Shortest window (seconds)", 1, 365 * 86_400);
  const max_window_days = whole(draft.maxWindowDays, "Longest window (days)", 1, 365);
  if (min_window_secs > max_window_days * 86_400) throw new Error("Shortest window (seconds) must be at most the longest window.");
  const kinds = Object.fromEntries(KINDS.map(({ kind, field }) => [kind, ruleFrom(draft.rules[kind], field)])) as Record<Kind, Rule>;
  return { half_life_days, min_window_secs, max_window_days, ...kinds, decisions_bind: network.decisions_bind };
}

/** A rule in a phrase: "contributors, majority above 50 % with a 30 % quorum, weighted by reputation". */
export function briefRule(rule: Rule): string {
  const who = rule.electorate === "Stewards" ? "stewards" : "contributors";
  const m = rule.method;
  const method = "Majority" in m ? `majority above ${percent(m.Majority.threshold_bp)}` : "Consent" in m ? "consent" : "consensus";
  const weight = rule.weighting === "Equal" ? "one member one vote" : "weighted by reputation";
  return `${who}, ${method} with a ${percent(quorumOf(m))} quorum, ${weight}`;
}

/** Seconds in their largest whole unit: 259200 → "3 day(s)", 30 → "30 s". */
export function windowText(secs: number): string {
  if (secs % 86_400 === 0) return `${secs / 86_400} day(s)`;
  if (secs % 3_600 === 0) return `${secs / 3_600} h`;
  if (secs % 60 === 0) return `${secs / 60} min`;
  return `${secs} s`;
}

/** How long proposals stay open, in a phrase: "from 30 s to 60 day(s)". */
export function describeWindows(rules: GovernanceRules): string {
  return `from ${windowText(rules.min_window_secs)} to ${rules.max_window_days} day(s)`;
}
