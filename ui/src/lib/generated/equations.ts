// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// Value equations: buckets, valuation rules, the version in force.

import type { ActionHash, AgentPubKey } from "../zomes/types";

export type Behaviour = "Straight" | "Remaining";

export type Bucket = {
  name: string;
  /** The bucket's share in basis points, of the income or of what is left. */
  share_bp: number;
  behaviour: Behaviour;
  kind: BucketKind;
  /** Only contributions dated inside the window take part (both ends included). */
  window: Window | null;
};

export type BucketKind =
  | { FixedShare: { agent: AgentPubKey } }
  | { Contributions: { rules: ValuationRules } };

/** A citation is valued at a share of the value of the bucket's other (non-cite) inputs. */
export type CiteRule = {
  share_bp: number;
  claim: Claim;
};

/** What a contribution's value entitles it to. */
export type Claim = "Equity" | "Debt" | "Once";

/** The equation a project's income is shared under now. */
export type CurrentEquation = {
  /** The adopted ValueEquation; `None` when the project uses the network's default. */
  adopted: ActionHash | null;
  /** The adopted version; 0 for the network's default. */
  version: number;
  /**
   * Other versions with the same number: the equation's history forked (two adoptions
   * replaced the same version); the first adopted is in force.
   */
  rivals: Array<ActionHash>;
  /** The decision that adopted it; `None` when its stewards did, or for the default. */
  decision: ActionHash | null;
  equation: Equation;
};

export type Equation = {
  buckets: Array<Bucket>;
};

export type MemberRate = {
  member: AgentPubKey;
  /** The skill the override applies to; all of the member's skills if absent. */
  skill: string | null;
  rate: number;
};

export type ResourceRate = {
  resource: ActionHash;
  rate: number;
};

export type SetValueEquationInput = {
  project: ActionHash;
  equation: Equation;
};

export type SkillRate = {
  skill: string;
  rate: number;
};

/** Use of a resource is valued at hours × the resource's rate of use, else the default rate. */
export type UseRule = {
  default_rate: number;
  resource_rates: Array<ResourceRate>;
  claim: Claim;
};

/** How each kind of contribution is valued in a bucket. A kind without a rule takes no part. */
export type ValuationRules = {
  work: WorkRule | null;
  use: UseRule | null;
  cite: CiteRule | null;
  financial: Claim | null;
  material: Claim | null;
};

export type ValueEquation = {
  project: ActionHash;
  /** 1 for a project's first equation, then one more than the version it replaces. */
  version: number;
  replaces: ActionHash | null;
  equation: Equation;
  /**
   * The passed Decision adopting exactly this equation; `None` only where the network lets
   * stewards adopt alone (`decisions_bind: false`).
   */
  decision: ActionHash | null;
  /**
   * Where it is a steward's act, the project's version whose stewards it acts under (the
   * one in force when it is made); `None`: the project as created, or not a steward's act.
   */
  project_version: ActionHash | null;
};

export type Window = {
  from_micros: number;
  until_micros: number;
};

/**
 * Work is valued at hours × rate: a member's own rate for the skill, else the member's rate,
 * else the skill's rate, else the default rate.
 */
export type WorkRule = {
  default_rate: number;
  skill_rates: Array<SkillRate>;
  member_rates: Array<MemberRate>;
  claim: Claim;
};
