//! Who votes on a proposal, and with what weight, fixed when it opens (Aragon's voting power):
//! the project's stewards, or the members whose contributions the project's settlements counted
//! before it opened; one each, or their reputation then ([`super::reputation`]). Every validator
//! of a proposal, a vote and a decision computes it from the same named records.

use super::reputation::{credits, reputation, Reputation};
use super::rules::{Electorate, Rule, Weighting};
use crate::{ContributionKind, DomainError, ValueEquation};
use std::collections::{BTreeMap, BTreeSet};

/// A contribution a settlement counted, as the electorate reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted<A, H, R> {
    pub contribution: H,
    pub contributor: A,
    pub kind: ContributionKind<R>,
    /// When it was done (µs).
    pub when: i64,
    /// The contribution it corrects: the original then earns nothing (its correction does).
    pub corrects: Option<H>,
}

/// Member → weight for a proposal decided by `rule`, opened at `opened` (µs): `stewards` or
/// the contributors of `counted`; weighted by one each, or by reputation under `equation` (the
/// project's equation in force) with `half_life` (µs). A member whose reputation has decayed to
/// nothing stays in the electorate with no weight. Refuses an empty electorate: nobody could
/// decide.
pub fn electorate<A, H, R>(
    rule: &Rule,
    stewards: &[A],
    counted: &[Counted<A, H, R>],
    equation: &ValueEquation<A, R>,
    opened: i64,
    half_life: u64,
) -> Result<BTreeMap<A, u64>, DomainError>
where
    A: Ord + Clone,
    H: Ord,
    R: PartialEq + Clone,
{
    let standing = standing(counted, opened);
    let members: BTreeSet<A> = match rule.electorate {
        Electorate::Stewards => stewards.iter().cloned().collect(),
        Electorate::Contributors => standing.iter().map(|c| c.contributor.clone()).collect(),
    };
    if members.is_empty() {
        return Err(DomainError::BadGovernance(match rule.electorate {
            Electorate::Stewards => "the project has no stewards to decide".into(),
            Electorate::Contributors => {
                "nobody can vote: no contribution to the project was settled before the \
                 proposal opened (name its settlements)"
                    .into()
            }
        }));
    }
    let weights = match rule.weighting {
        Weighting::Equal => return Ok(members.into_iter().map(|m| (m, 1)).collect()),
        Weighting::Reputation => counted_reputation(counted, equation, opened, half_life)?.overall,
    };
    Ok(members
        .into_iter()
        .map(|m| {
            let weight = weights.get(&m).copied().unwrap_or(0);
            (m, weight)
        })
        .collect())
}

/// What `counted` weighs at `at`: contributions done by then, each correction in place of the
/// original it corrects.
fn standing<A, H: Ord, R>(counted: &[Counted<A, H, R>], at: i64) -> Vec<&Counted<A, H, R>> {
    let corrected: BTreeSet<&H> = counted.iter().filter_map(|c| c.corrects.as_ref()).collect();
    counted
        .iter()
        .filter(|c| c.when <= at && !corrected.contains(&c.contribution))
        .collect()
}

/// The reputations `counted` (a project's settled contributions) earn at `at` under
/// `equation` with `half_life` (µs): exactly the weights of a proposal opened then, per skill
/// too. The reputation chart's one rule.
pub fn counted_reputation<A, H, R>(
    counted: &[Counted<A, H, R>],
    equation: &ValueEquation<A, R>,
    at: i64,
    half_life: u64,
) -> Result<Reputation<A>, DomainError>
where
    A: Ord + Clone,
    H: Ord,
    R: PartialEq + Clone,
{
    let settled = standing(counted, at)
        .into_iter()
        .map(|c| (c.contributor.clone(), c.kind.clone(), c.when));
    reputation(&credits(equation, settled), at, half_life)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::governance::tally::Method;

    const DAY: i64 = 86_400_000_000;

    fn rule(electorate: Electorate, weighting: Weighting) -> Rule {
        Rule {
            method: Method::Consent { quorum_bp: 0 },
            electorate,
            weighting,
        }
    }

    fn work(
        id: u32,
        who: u8,
        hours: u32,
        when: i64,
        corrects: Option<u32>,
    ) -> Counted<u8, u32, u32> {
        Counted {
            contribution: id,
            contributor: who,
            kind: ContributionKind::Work {
                minutes: hours * 60,
                skill: "design".into(),
            },
            when,
            corrects,
        }
    }

    #[test]
    fn contributors_settled_before_the_opening_vote_weighed_by_reputation_or_one_each() {
        let equation = ValueEquation::<u8, u32>::default();
        // 1 worked 10 h then corrected it to 4 h; 2 worked 2 h; 3 only after the opening.
        let counted = [
            work(1, 1, 10, 0, None),
            work(2, 1, 4, 0, Some(1)),
            work(3, 2, 2, 0, None),
            work(4, 3, 50, 20 * DAY, None),
        ];
        let opened = 10 * DAY;
        let equal = electorate(
            &rule(Electorate::Contributors, Weighting::Equal),
            &[9],
            &counted,
            &equation,
            opened,
            (opened as u64) * 100,
        )
        .unwrap();
        assert_eq!(equal, [(1, 1), (2, 1)].into());
        let weighed = electorate(
            &rule(Electorate::Contributors, Weighting::Reputation),
            &[9],
            &counted,
            &equation,
            opened,
            opened as u64,
        )
        .unwrap();
        // One half-life later, half of 4 h and 2 h at the default 25.00 an hour.
        assert_eq!(weighed, [(1, 5_000), (2, 2_500)].into());
        let stewards = electorate(
            &rule(Electorate::Stewards, Weighting::Reputation),
            &[1, 9],
            &counted,
            &equation,
            opened,
            opened as u64,
        )
        .unwrap();
        assert_eq!(stewards, [(1, 5_000), (9, 0)].into());
    }

    #[test]
    fn an_electorate_of_nobody_is_refused() {
        let nobody = electorate::<u8, u32, u32>(
            &rule(Electorate::Contributors, Weighting::Equal),
            &[1],
            &[],
            &ValueEquation::default(),
            DAY,
            DAY as u64,
        );
        assert!(matches!(nobody, Err(DomainError::BadGovernance(_))));
    }
}
