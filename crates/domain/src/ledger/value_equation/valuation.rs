//! One contribution's value under a bucket's valuation rules, [`ValuationRules::value_of`]: work
//! and use of a resource at hours × the rate that applies (a member's own rate, a skill's, a
//! resource's, else the default), money and materials at face value. Everything is integer
//! minor units, rounded down; a citation is valued later, by the distribution, from the rest.

use super::{Claim, ValuationRules, WorkRule};
use crate::ContributionKind;

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
            ContributionKind::Use {
                resource, minutes, ..
            } => {
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

/// A member's own rate for the skill, else the member's rate, else the skill's, else the default.
pub(super) fn work_rate<A: PartialEq>(rule: &WorkRule<A>, member: &A, skill: &str) -> u64 {
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
