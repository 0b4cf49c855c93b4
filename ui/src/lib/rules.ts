// A resource's usage rules in a form (ovn_domain::UsageRules): its draft, started from rules in
// force, the rules it states (or an error naming the field), and how a page words them.

import { minutes, money, moneyInput, parseOptionalMoney } from "./format";
import type { Permitted, UsageRules } from "./zomes/resources";

export type RulesDraft = {
  who: "Members" | "Anyone" | "MembersWithSkill";
  skills: string;
  maxHours: string;
  feePerHour: string;
  deposit: string;
  reportRequired: boolean;
};

/** The draft of `rules`; with none, the zome's default (members, free, up to a day). */
export function rulesDraft(rules?: UsageRules): RulesDraft {
  if (!rules) return { who: "Members", skills: "", maxHours: "24", feePerHour: "0", deposit: "0", reportRequired: false };
  return {
    who: typeof rules.who === "object" ? "MembersWithSkill" : rules.who,
    skills: typeof rules.who === "object" ? rules.who.MembersWithSkill.skills.join(", ") : "",
    maxHours: String(rules.max_minutes_per_use / 60),
    feePerHour: moneyInput(rules.fee_per_hour),
    deposit: moneyInput(rules.deposit),
    reportRequired: rules.condition_report_required,
  };
}

/** The rules a draft states, or an error naming the field. */
export function rulesFrom(draft: RulesDraft): UsageRules {
  const hours = Number(draft.maxHours);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error("Longest use (hours) must be positive.");
  if (hours > 90 * 24) throw new Error("Longest use (hours) must be at most 2160 (90 days).");
  const skills = draft.skills.split(",").map((s) => s.trim()).filter((s) => s);
  if (draft.who === "MembersWithSkill" && skills.length === 0) throw new Error("Skills must not be empty for members with a skill.");
  const who: Permitted = draft.who === "MembersWithSkill" ? { MembersWithSkill: { skills } } : draft.who;
  return {
    who,
    max_minutes_per_use: Math.round(hours * 60),
    deposit: parseOptionalMoney(draft.deposit, "Deposit"),
    fee_per_hour: parseOptionalMoney(draft.feePerHour, "Fee per hour"),
    condition_report_required: draft.reportRequired,
  };
}

export function describeWho(p: Permitted): string {
  if (typeof p === "object") return `members with ${p.MembersWithSkill.skills.join(" or ")}`;
  return p === "Anyone" ? "anyone" : "members";
}

/** The rules in a sentence: who, how long, the fee and deposit, the report. */
export function describeRules(r: UsageRules): string {
  const fee = r.fee_per_hour ? `${money(r.fee_per_hour)} per hour` : "free";
  const deposit = r.deposit ? `, deposit ${money(r.deposit)}` : "";
  const report = r.condition_report_required ? ", a condition report on return" : "";
  return `${describeWho(r.who)}, up to ${minutes(r.max_minutes_per_use)} per use, ${fee}${deposit}${report}`;
}
