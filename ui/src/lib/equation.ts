// A value equation as its form edits it (text fields, as typed) and back. Reading the form
// checks only what the form itself can get wrong (a number that is not one, a key that is not
// a key) and names the bucket and the field; the equation's rules (names, shares, rates,
// windows: ovn_domain's ValueEquation::check) are validation's, whose refusal the banner shows.

import { b64, moneyInput, parseHash, parseMoney, parsePercent, utcDay } from "./format";
import type { Bucket, Claim, Equation, ValuationRules, Window } from "./zomes/ledger";

export const CLAIMS: Claim[] = ["Equity", "Debt", "Once"];

export interface RateDraft {
  /** A skill's name, a member's key or a resource's hash, as typed or chosen. */
  key: string;
  /** A member rate's skill ("" for all the member's skills). */
  skill: string;
  rate: string;
}

export interface BucketDraft {
  name: string;
  /** Percent, e.g. "12.5". */
  share: string;
  behaviour: "Straight" | "Remaining";
  kind: "Contributions" | "FixedShare";
  /** The fixed share's agent key (uhCAk…). */
  agent: string;
  /** Window dates (`YYYY-MM-DD`, UTC days, both included); both empty for none. */
  from: string;
  until: string;
  /** The window as adopted: a day left as it was keeps its exact bound. */
  adopted: Window | null;
  work: { on: boolean; rate: string; claim: Claim; skills: RateDraft[]; members: RateDraft[] };
  use: { on: boolean; rate: string; claim: Claim; resources: RateDraft[] };
  cite: { on: boolean; share: string; claim: Claim };
  /** "" when money or materials take no part. */
  financial: Claim | "";
  material: Claim | "";
}

const DAY_MICROS = 86_400_000_000;

export function newBucket(agent: string): BucketDraft {
  return {
    name: "",
    share: "100",
    behaviour: "Straight",
    kind: "Contributions",
    agent,
    from: "",
    until: "",
    adopted: null,
    work: { on: true, rate: "25.00", claim: "Equity", skills: [], members: [] },
    use: { on: false, rate: "5.00", claim: "Equity", resources: [] },
    cite: { on: false, share: "10", claim: "Equity" },
    financial: "",
    material: "",
  };
}

/** The form's draft of `equation`. */
export function toDraft(equation: Equation, me: string): BucketDraft[] {
  return equation.buckets.map((bucket) => {
    const draft = newBucket(me);
    draft.name = bucket.name;
    draft.share = (bucket.share_bp / 100).toString();
    draft.behaviour = bucket.behaviour;
    if (bucket.window) {
      draft.from = utcDay(bucket.window.from_micros);
      draft.until = utcDay(bucket.window.until_micros);
      draft.adopted = bucket.window;
    }
    if ("FixedShare" in bucket.kind) {
      draft.kind = "FixedShare";
      draft.agent = b64(bucket.kind.FixedShare.agent);
      draft.work.on = false;
      return draft;
    }
    const rules = bucket.kind.Contributions.rules;
    draft.work.on = rules.work !== null;
    if (rules.work) {
      draft.work.rate = moneyInput(rules.work.default_rate);
      draft.work.claim = rules.work.claim;
      draft.work.skills = rules.work.skill_rates.map((r) => ({ key: r.skill, skill: "", rate: moneyInput(r.rate) }));
      draft.work.members = rules.work.member_rates.map((r) => ({
        key: b64(r.member),
        skill: r.skill ?? "",
        rate: moneyInput(r.rate),
      }));
    }
    draft.use.on = rules.use !== null;
    if (rules.use) {
      draft.use.rate = moneyInput(rules.use.default_rate);
      draft.use.claim = rules.use.claim;
      draft.use.resources = rules.use.resource_rates.map((r) => ({ key: b64(r.resource), skill: "", rate: moneyInput(r.rate) }));
    }
    draft.cite.on = rules.cite !== null;
    if (rules.cite) {
      draft.cite.share = String(rules.cite.share_bp / 100);
      draft.cite.claim = rules.cite.claim;
    }
    draft.financial = rules.financial ?? "";
    draft.material = rules.material ?? "";
    return draft;
  });
}

/** A `YYYY-MM-DD` day → microseconds at its start (`end`: its last microsecond), UTC. */
function dayMicros(text: string, field: string, end: boolean): number {
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(ms)) throw new Error(`${field} is not a date`);
  return ms * 1000 + (end ? DAY_MICROS - 1 : 0);
}

/** The equation the draft describes, or an error naming the bucket and the field. */
export function fromDraft(drafts: BucketDraft[]): Equation {
  if (drafts.length === 0) throw new Error("The equation needs at least one bucket.");
  return { buckets: drafts.map((d, i) => bucketOf(d, `Bucket ${i + 1}${d.name.trim() ? ` (${d.name.trim()})` : ""}`)) };
}

function bucketOf(d: BucketDraft, at: string): Bucket {
  const name = d.name.trim();
  let window = null;
  if (d.from || d.until) {
    if (!d.from || !d.until) throw new Error(`${at}: a window needs both its first and its last day`);
    const kept = d.adopted;
    window = {
      from_micros: kept && utcDay(kept.from_micros) === d.from ? kept.from_micros : dayMicros(d.from, `${at}: first day`, false),
      until_micros: kept && utcDay(kept.until_micros) === d.until ? kept.until_micros : dayMicros(d.until, `${at}: last day`, true),
    };
  }
  const bucket = { name, share_bp: parsePercent(d.share, `${at}: share`), behaviour: d.behaviour, window };
  if (d.kind === "FixedShare") {
    return { ...bucket, kind: { FixedShare: { agent: parseHash(d.agent, "agent", `${at}: member`) } } };
  }
  return { ...bucket, kind: { Contributions: { rules: rulesOf(d, at) } } };
}

function rulesOf(d: BucketDraft, at: string): ValuationRules {
  const rules: ValuationRules = {
    work: null,
    use: null,
    cite: null,
    financial: d.financial || null,
    material: d.material || null,
  };
  if (d.work.on) {
    rules.work = {
      default_rate: parseMoney(d.work.rate, `${at}: work rate`),
      claim: d.work.claim,
      skill_rates: d.work.skills.map((r, j) => {
        const field = `${at}: skill rate ${j + 1}`;
        return { skill: r.key.trim(), rate: parseMoney(r.rate, `${field}: rate`) };
      }),
      member_rates: d.work.members.map((r, j) => {
        const field = `${at}: member rate ${j + 1}`;
        return {
          member: parseHash(r.key, "agent", `${field}: member`),
          skill: r.skill.trim() || null,
          rate: parseMoney(r.rate, `${field}: rate`),
        };
      }),
    };
  }
  if (d.use.on) {
    rules.use = {
      default_rate: parseMoney(d.use.rate, `${at}: use rate`),
      claim: d.use.claim,
      resource_rates: d.use.resources.map((r, j) => {
        const field = `${at}: resource rate ${j + 1}`;
        return { resource: parseHash(r.key, "action", `${field}: resource`), rate: parseMoney(r.rate, `${field}: rate`) };
      }),
    };
  }
  if (d.cite.on) rules.cite = { share_bp: parsePercent(d.cite.share, `${at}: citation share`), claim: d.cite.claim };
  return rules;
}
