//! The value equation: how a project's income is shared. Typed data, never a formula string:
//! ordered buckets, each a share of the income (Straight) or of what earlier buckets left
//! (Remaining), paying either one agent (a fixed share such as a network fee) or the counted
//! contributions, valued by per-kind rules. Every rate is integer minor units per hour; every
//! share is basis points (1/100 of a percent).
//!
//! `A` names an agent, `R` a resource (an `AgentPubKey` and an `ActionHash` in the zomes).

use crate::text::{check_text, MAX_NAME};
use crate::{ContributionKind, DomainError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

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
pub struct ValueEquation<A, R> {
    pub buckets: Vec<Bucket<A, R>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
pub enum Behaviour {
    /// A share of the whole income.
    Straight,
    /// A share of what the earlier buckets did not pay out.
    Remaining,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BucketKind<A, R> {
    /// The whole bucket goes to one agent, e.g. the network's fee.
    FixedShare { agent: A },
    /// The bucket is shared among counted contributions in proportion to their value.
    Contributions { rules: ValuationRules<A, R> },
}

/// How each kind of contribution is valued in a bucket. A kind without a rule takes no part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
pub struct SkillRate {
    pub skill: String,
    pub rate: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
pub struct UseRule<R> {
    pub default_rate: u64,
    #[serde(default)]
    pub resource_rates: Vec<ResourceRate<R>>,
    pub claim: Claim,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceRate<R> {
    pub resource: R,
    pub rate: u64,
}

/// A citation is valued at a share of the value of the bucket's other (non-cite) inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CiteRule {
    pub share_bp: u32,
    pub claim: Claim,
}

/// What a contribution's value entitles it to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
pub struct Window {
    pub from_micros: i64,
    pub until_micros: i64,
}

impl Window {
    pub fn contains(&self, when_micros: i64) -> bool {
        (self.from_micros..=self.until_micros).contains(&when_micros)
    }
}

impl<A: Ord + Clone + std::fmt::Debug, R: Ord + Clone + std::fmt::Debug> ValueEquation<A, R> {
    /// Rules:
    /// 1. One to [`MAX_BUCKETS`] buckets, with distinct, non-empty, bounded names.
    /// 2. Each share is 1..=10,000 basis points.
    /// 3. Straight buckets come before Remaining ones and their shares total at most 100 %, so
    ///    no bucket is ever promised more than is left.
    /// 4. A Contributions bucket values at least one kind; rates are 1..=[`MAX_RATE`] per hour,
    ///    a cite share is 1..=10,000 bp; a skill, member (and skill) or resource is listed once.
    /// 5. A window does not end before it starts.
    pub fn check(&self) -> Result<(), DomainError> {
        if self.buckets.is_empty() || self.buckets.len() > MAX_BUCKETS {
            return Err(DomainError::OutOfBounds {
                field: "buckets",
                value: self.buckets.len() as u64,
                max: MAX_BUCKETS as u64,
            });
        }
        let mut names = BTreeSet::new();
        let mut straight_total = 0u32;
        let mut seen_remaining = false;
        for bucket in &self.buckets {
            check_text("bucket name", &bucket.name, MAX_NAME)?;
            if !names.insert(bucket.name.as_str()) {
                return Err(DomainError::Duplicate {
                    field: "bucket name",
                    value: bucket.name.clone(),
                });
            }
            check_share("bucket share_bp", bucket.share_bp)?;
            match bucket.behaviour {
                Behaviour::Remaining => seen_remaining = true,
                Behaviour::Straight if seen_remaining => {
                    return Err(DomainError::BadEquation(format!(
                        "Straight bucket {:?} comes after a Remaining one; list Straight buckets first",
                        bucket.name
                    )))
                }
                Behaviour::Straight => straight_total += bucket.share_bp,
            }
            if let Some(w) = bucket.window {
                if w.until_micros < w.from_micros {
                    return Err(DomainError::BadEquation(format!(
                        "bucket {:?}'s window ends before it starts",
                        bucket.name
                    )));
                }
            }
            if let BucketKind::Contributions { rules } = &bucket.kind {
                rules.check(&bucket.name)?;
            }
        }
        if straight_total > FULL_SHARE_BP {
            return Err(DomainError::BadEquation(format!(
                "Straight buckets share {straight_total} bp of the income; at most 10000 can be shared"
            )));
        }
        Ok(())
    }
}

impl<A: Ord + Clone + std::fmt::Debug, R: Ord + Clone + std::fmt::Debug> ValuationRules<A, R> {
    fn check(&self, bucket: &str) -> Result<(), DomainError> {
        let any = self.work.is_some()
            || self.use_of_resources.is_some()
            || self.cite.is_some()
            || self.financial.is_some()
            || self.material.is_some();
        if !any {
            return Err(DomainError::BadEquation(format!(
                "bucket {bucket:?} values no kind of contribution"
            )));
        }
        if let Some(work) = &self.work {
            check_rate(work.default_rate)?;
            check_listed_once(
                "skill_rates",
                work.skill_rates.iter().map(|s| (s.skill.clone(), s.rate)),
            )?;
            check_listed_once(
                "member_rates",
                work.member_rates
                    .iter()
                    .map(|m| ((m.member.clone(), m.skill.clone()), m.rate)),
            )?;
        }
        if let Some(use_rule) = &self.use_of_resources {
            check_rate(use_rule.default_rate)?;
            check_listed_once(
                "resource_rates",
                use_rule
                    .resource_rates
                    .iter()
                    .map(|r| (r.resource.clone(), r.rate)),
            )?;
        }
        if let Some(cite) = &self.cite {
            check_share("cite share_bp", cite.share_bp)?;
        }
        Ok(())
    }
}

impl<A: PartialEq, R: PartialEq> ValuationRules<A, R> {
    /// The value of one contribution under these rules, in minor units (rounded down), or
    /// `None` when its kind takes no part. A Cite is valued later, from the other inputs.
    pub fn value_of(&self, contributor: &A, kind: &ContributionKind<R>) -> Option<(u64, Claim)> {
        match kind {
            ContributionKind::Work { minutes, skill } => {
                let rule = self.work.as_ref()?;
                let rate = work_rate(rule, contributor, skill);
                Some((per_hour(rate, *minutes), rule.claim))
            }
            ContributionKind::Use { resource, minutes } => {
                let rule = self.use_of_resources.as_ref()?;
                let rate = rule
                    .resource_rates
                    .iter()
                    .find(|r| &r.resource == resource)
                    .map_or(rule.default_rate, |r| r.rate);
                Some((per_hour(rate, *minutes), rule.claim))
            }
            ContributionKind::Financial { amount } => Some((*amount, self.financial?)),
            ContributionKind::Material { value, .. } => Some((*value, self.material?)),
            ContributionKind::Cite { .. } => None,
        }
    }
}

fn work_rate<A: PartialEq>(rule: &WorkRule<A>, member: &A, skill: &str) -> u64 {
    let own = |s: Option<&str>| {
        rule.member_rates
            .iter()
            .find(|m| &m.member == member && m.skill.as_deref() == s)
            .map(|m| m.rate)
    };
    own(Some(skill))
        .or_else(|| own(None))
        .or_else(|| {
            rule.skill_rates
                .iter()
                .find(|s| s.skill == skill)
                .map(|s| s.rate)
        })
        .unwrap_or(rule.default_rate)
}

/// `rate` per hour for `minutes`, rounded down. Cannot overflow: rate ≤ 10^12, minutes ≤ 1440.
fn per_hour(rate: u64, minutes: u32) -> u64 {
    ((rate as u128 * minutes as u128) / 60) as u64
}

fn check_share(field: &'static str, bp: u32) -> Result<(), DomainError> {
    if bp == 0 {
        return Err(DomainError::NotPositive { field });
    }
    if bp > FULL_SHARE_BP {
        return Err(DomainError::OutOfBounds {
            field,
            value: bp.into(),
            max: FULL_SHARE_BP.into(),
        });
    }
    Ok(())
}

fn check_rate(rate: u64) -> Result<(), DomainError> {
    if rate == 0 {
        return Err(DomainError::NotPositive { field: "rate" });
    }
    if rate > MAX_RATE {
        return Err(DomainError::OutOfBounds {
            field: "rate",
            value: rate,
            max: MAX_RATE,
        });
    }
    Ok(())
}

fn check_listed_once<K: Ord + std::fmt::Debug>(
    field: &'static str,
    items: impl Iterator<Item = (K, u64)>,
) -> Result<(), DomainError> {
    let mut seen = BTreeSet::new();
    for (count, (key, rate)) in items.enumerate() {
        if count >= MAX_RATES {
            return Err(DomainError::TooManyItems {
                field,
                count: count + 1,
                max: MAX_RATES,
            });
        }
        check_rate(rate)?;
        let shown = format!("{key:?}");
        if !seen.insert(key) {
            return Err(DomainError::Duplicate {
                field,
                value: shown,
            });
        }
    }
    Ok(())
}

impl<A, R> ValueEquation<A, R> {
    /// The same equation with agents and resources named another way (e.g. the text keys of
    /// the DNA properties turned into hashes). Fails with the first name `agent` or `resource`
    /// cannot convert.
    pub fn try_map<B, S, E>(
        self,
        agent: impl Fn(A) -> Result<B, E>,
        resource: impl Fn(R) -> Result<S, E>,
    ) -> Result<ValueEquation<B, S>, E> {
        let mut buckets = Vec::with_capacity(self.buckets.len());
        for b in self.buckets {
            let kind = match b.kind {
                BucketKind::FixedShare { agent: a } => BucketKind::FixedShare { agent: agent(a)? },
                BucketKind::Contributions { rules } => BucketKind::Contributions {
                    rules: rules.try_map(&agent, &resource)?,
                },
            };
            buckets.push(Bucket {
                name: b.name,
                share_bp: b.share_bp,
                behaviour: b.behaviour,
                kind,
                window: b.window,
            });
        }
        Ok(ValueEquation { buckets })
    }
}

impl<A, R> ValuationRules<A, R> {
    fn try_map<B, S, E>(
        self,
        agent: &impl Fn(A) -> Result<B, E>,
        resource: &impl Fn(R) -> Result<S, E>,
    ) -> Result<ValuationRules<B, S>, E> {
        let work = match self.work {
            None => None,
            Some(w) => Some(WorkRule {
                default_rate: w.default_rate,
                skill_rates: w.skill_rates,
                member_rates: w
                    .member_rates
                    .into_iter()
                    .map(|m| {
                        Ok(MemberRate {
                            member: agent(m.member)?,
                            skill: m.skill,
                            rate: m.rate,
                        })
                    })
                    .collect::<Result<_, E>>()?,
                claim: w.claim,
            }),
        };
        let use_of_resources = match self.use_of_resources {
            None => None,
            Some(u) => Some(UseRule {
                default_rate: u.default_rate,
                resource_rates: u
                    .resource_rates
                    .into_iter()
                    .map(|r| {
                        Ok(ResourceRate {
                            resource: resource(r.resource)?,
                            rate: r.rate,
                        })
                    })
                    .collect::<Result<_, E>>()?,
                claim: u.claim,
            }),
        };
        Ok(ValuationRules {
            work,
            use_of_resources,
            cite: self.cite,
            financial: self.financial,
            material: self.material,
        })
    }
}

impl<A, R> Default for ValueEquation<A, R> {
    /// The network default when neither the DNA properties nor the project name one: all income
    /// to counted contributions, work at 25.00 an hour (in a 2-decimal currency), use of a
    /// resource at 5.00 an hour, money and materials at face value, a citation at 10 % of the
    /// other inputs, every claim Equity.
    fn default() -> Self {
        Self {
            buckets: vec![Bucket {
                name: "contributors".into(),
                share_bp: FULL_SHARE_BP,
                behaviour: Behaviour::Straight,
                kind: BucketKind::Contributions {
                    rules: ValuationRules {
                        work: Some(WorkRule {
                            default_rate: 2_500,
                            skill_rates: vec![],
                            member_rates: vec![],
                            claim: Claim::Equity,
                        }),
                        use_of_resources: Some(UseRule {
                            default_rate: 500,
                            resource_rates: vec![],
                            claim: Claim::Equity,
                        }),
                        cite: Some(CiteRule {
                            share_bp: 1_000,
                            claim: Claim::Equity,
                        }),
                        financial: Some(Claim::Equity),
                        material: Some(Claim::Equity),
                    },
                },
                window: None,
            }],
        }
    }
}

#[cfg(test)]
mod tests;
