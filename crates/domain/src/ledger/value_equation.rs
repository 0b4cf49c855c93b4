//! The value equation: how a project's income is shared. Typed data, never a formula string:
//! ordered buckets, each a share of the income (Straight) or of what earlier buckets left
//! (Remaining), paying either one agent (a fixed share such as a network fee) or the counted
//! contributions, valued by per-kind rules. Every rate is integer minor units per hour; every
//! share is basis points (1/100 of a percent).
//!
//! Work is valued at minutes × rate / 60, the rate being the member's own for the skill, else
//! the member's, else the skill's, else the default; use of a resource at minutes × its rate /
//! 60; money and materials at face value; a citation at `share_bp` of its bucket's other inputs,
//! exactly (the distribution keeps weights in 1/10,000 of a minor unit). Each rule names a
//! [`Claim`]: `Equity` shares every income, `Debt` until it is paid back, `Once` the first
//! distribution it takes part in.
//!
//! `A` names an agent, `R` a resource (an `AgentPubKey` and an `ActionHash` in the zomes).
//!
//! # Layout
//! - this file: the equation's types and bounds.
//! - `check`: [`ValueEquation::check`], the rules on a well-formed equation.
//! - `valuation`: [`ValuationRules::value_of`], one contribution's value under a bucket's rules.
//! - `rename`: [`ValueEquation::try_map`], the same equation with agents and resources named
//!   another way.
//! - `default`: the network's default equation.
//! - [`in_force`]: which adopted version is in force at a time, forks of the history included.

use serde::{Deserialize, Serialize};

mod check;
mod default;
pub mod in_force;
mod rename;
mod valuation;

/// 100 %, in basis points.
pub const FULL_SHARE_BP: u32 = 10_000;
/// The most buckets an equation may have.
pub const MAX_BUCKETS: usize = 32;
/// The highest rate, in minor units per hour (10^10 units of a 2-decimal currency).
pub const MAX_RATE: u64 = 1_000_000_000_000;
/// The most per-skill, per-member or per-resource rates one rule may list.
pub const MAX_RATES: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "Equation", concrete(A = crate::ts::AgentPubKey, R = crate::ts::ActionHash))
)]
pub struct ValueEquation<A, R> {
    pub buckets: Vec<Bucket<A, R>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(concrete(A = crate::ts::AgentPubKey, R = crate::ts::ActionHash))
)]
pub struct Bucket<A, R> {
    pub name: String,
    /// The bucket's share in basis points, of the income or of what is left.
    pub share_bp: u32,
    pub behaviour: Behaviour,
    pub kind: BucketKind<A, R>,
    /// Only contributions dated inside the window take part (both ends included).
    pub window: Option<Window>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Behaviour {
    /// A share of the whole income.
    Straight,
    /// A share of what the earlier buckets did not pay out.
    Remaining,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(concrete(A = crate::ts::AgentPubKey, R = crate::ts::ActionHash))
)]
pub enum BucketKind<A, R> {
    /// The whole bucket goes to one agent, e.g. the network's fee.
    FixedShare { agent: A },
    /// The bucket is shared among counted contributions in proportion to their value.
    Contributions { rules: ValuationRules<A, R> },
}

/// How each kind of contribution is valued in a bucket. A kind without a rule takes no part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(concrete(A = crate::ts::AgentPubKey, R = crate::ts::ActionHash))
)]
pub struct ValuationRules<A, R> {
    pub work: Option<WorkRule<A>>,
    #[serde(rename = "use")]
    pub use_of_resources: Option<UseRule<R>>,
    pub cite: Option<CiteRule>,
    pub financial: Option<Claim>,
    pub material: Option<Claim>,
}

/// Work is valued at hours × rate: a member's own rate for the skill, else the member's rate,
/// else the skill's rate, else the default rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "A: Deserialize<'de>"))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(A = crate::ts::AgentPubKey)))]
pub struct WorkRule<A> {
    pub default_rate: u64,
    #[serde(default)]
    pub skill_rates: Vec<SkillRate>,
    #[serde(default)]
    pub member_rates: Vec<MemberRate<A>>,
    pub claim: Claim,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SkillRate {
    pub skill: String,
    pub rate: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(A = crate::ts::AgentPubKey)))]
pub struct MemberRate<A> {
    pub member: A,
    /// The skill the override applies to; all of the member's skills if absent.
    #[serde(default)]
    pub skill: Option<String>,
    pub rate: u64,
}

/// Use of a resource is valued at hours × the resource's rate of use, else the default rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "R: Deserialize<'de>"))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(R = crate::ts::ActionHash)))]
pub struct UseRule<R> {
    pub default_rate: u64,
    #[serde(default)]
    pub resource_rates: Vec<ResourceRate<R>>,
    pub claim: Claim,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(R = crate::ts::ActionHash)))]
pub struct ResourceRate<R> {
    pub resource: R,
    pub rate: u64,
}

/// A citation is valued at a share of the value of the bucket's other (non-cite) inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CiteRule {
    pub share_bp: u32,
    pub claim: Claim,
}

/// What a contribution's value entitles it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Claim {
    /// A share of every income.
    Equity,
    /// Shares until the contribution's value has been paid back, then nothing.
    Debt,
    /// A share of the first income it takes part in, then nothing.
    Once,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Window {
    pub from_micros: i64,
    pub until_micros: i64,
}

impl Window {
    pub fn contains(&self, when_micros: i64) -> bool {
        (self.from_micros..=self.until_micros).contains(&when_micros)
    }
}

#[cfg(test)]
mod tests;
