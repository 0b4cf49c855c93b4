//! Reputation: the weight a member's vote carries where a project's rules weigh votes.
//!
//! **What it weighs.** The value at which a project's settlements recognised a member's counted
//! contributions, in minor units: what peers confirmed (K confirmations, no standing dispute, not
//! superseded) and a settlement fixed under the project's own equation. So reputation is earned
//! only by work others confirmed, in the proportions the project itself chose to value work,
//! use, citations, money and materials; a fresh key, or one that logs much nobody confirms,
//! weighs nothing. Per skill too (work of a skill), for rules that weigh a skill.
//!
//! **Decay.** Each credit weighs `value × 2^(−age / half_life)` at the moment the weights are
//! fixed (when a proposal opens): recent work weighs more, as Colony's reputation does. Computed
//! in exact integer arithmetic, never `f64`, so every validator gets the same weights: whole
//! half-lives are shifts; the fraction of a half-life reads a table of 2^(−k/64) in Q32 fixed
//! point, linearly interpolated between entries and rounded down. The result is exactly
//! `value >> n` at `n` half-lives, and never rises with age.

use crate::ledger::value_equation::{BucketKind, ValueEquation};
use crate::{ContributionKind, DomainError};
use std::collections::BTreeMap;

/// One in Q32 fixed point.
const ONE: u64 = 1 << 32;

/// `round(2^(−k/64) × 2^32)` for k = 0..=64: from one down to one half.
const FRACTION: [u64; 65] = [
    4294967296, 4248701965, 4202935003, 4157661043, 4112874773, 4068570940, 4024744348, 3981389855,
    3938502376, 3896076880, 3854108391, 3812591987, 3771522796, 3730896002, 3690706840, 3650950594,
    3611622603, 3572718252, 3534232978, 3496162267, 3458501653, 3421246719, 3384393094, 3347936457,
    3311872529, 3276197082, 3240905930, 3205994934, 3171459999, 3137297074, 3103502151, 3070071267,
    3037000500, 3004285971, 2971923842, 2939910317, 2908241642, 2876914102, 2845924021, 2815267765,
    2784941738, 2754942382, 2725266179, 2695909648, 2666869345, 2638141863, 2609723834, 2581611923,
    2553802834, 2526293303, 2499080105, 2472160047, 2445529972, 2419186755, 2393127307, 2367348571,
    2341847524, 2316621173, 2291666561, 2266980759, 2242560872, 2218404036, 2194507417, 2170868212,
    2147483648,
];

/// `value` decayed by `age` (µs) with a half-life of `half_life` (µs, positive): rounded down,
/// exactly `value >> n` at `n` half-lives, non-increasing in `age`, 0 from 64 half-lives on.
/// A negative age (a credit after the moment weighed) is the caller's to leave out; it weighs
/// `value` here.
pub fn decayed(value: u64, age: i64, half_life: u64) -> u64 {
    if age <= 0 || half_life == 0 {
        return value;
    }
    let age = age as u64;
    let halvings = age / half_life;
    if halvings >= 64 {
        return 0;
    }
    // The fraction of a half-life left, in 64ths (k) and what is left of a 64th (t / half_life).
    let rest = (age % half_life) as u128 * 64;
    let k = (rest / half_life as u128) as usize;
    let t = rest % half_life as u128;
    let step = (FRACTION[k] - FRACTION[k + 1]) as u128;
    let factor = FRACTION[k] as u128 - step * t / half_life as u128;
    ((value as u128 * factor / ONE as u128) >> halvings) as u64
}

/// One settled, counted contribution as reputation weighs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit<A> {
    pub member: A,
    /// The skill of a work contribution; `None` for other kinds.
    pub skill: Option<String>,
    /// Its value in its settlement, in minor units.
    pub value: u64,
    /// When it was done (µs since the epoch).
    pub when: i64,
}

/// Members' reputations at one moment: overall, and per skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reputation<A: Ord> {
    pub overall: BTreeMap<A, u64>,
    pub by_skill: BTreeMap<(A, String), u64>,
}

/// The reputation `credits` earn as of `at` (µs) with `half_life` (µs): credits dated after
/// `at` do not weigh (weights are fixed when a proposal opens); members with nothing weigh 0
/// and are not listed.
pub fn reputation<A: Ord + Clone>(
    credits: &[Credit<A>],
    at: i64,
    half_life: u64,
) -> Result<Reputation<A>, DomainError> {
    if half_life == 0 {
        return Err(DomainError::NotPositive {
            field: "reputation half-life",
        });
    }
    let mut out = Reputation {
        overall: BTreeMap::new(),
        by_skill: BTreeMap::new(),
    };
    let overflow = DomainError::Overflow {
        what: "a reputation",
    };
    for credit in credits.iter().filter(|c| c.when <= at) {
        let weight = decayed(credit.value, at - credit.when, half_life);
        if weight == 0 {
            continue;
        }
        let total = out.overall.entry(credit.member.clone()).or_insert(0);
        *total = total.checked_add(weight).ok_or(overflow.clone())?;
        if let Some(skill) = &credit.skill {
            let key = (credit.member.clone(), skill.clone());
            let total = out.by_skill.entry(key).or_insert(0);
            *total = total.checked_add(weight).ok_or(overflow.clone())?;
        }
    }
    Ok(out)
}

/// The credits settled contributions (contributor, kind, when) earn under `equation`, the
/// project's equation in force when the weights are fixed: each valued by the first bucket of
/// contributions that values its kind (work and use at their rates, money and materials at face
/// value). A citation credits nobody here: its share goes to the design's makers, whose own
/// contributions to it are their credit.
pub fn credits<A, R>(
    equation: &ValueEquation<A, R>,
    settled: impl IntoIterator<Item = (A, ContributionKind<R>, i64)>,
) -> Vec<Credit<A>>
where
    A: Ord + Clone,
    R: PartialEq,
{
    settled
        .into_iter()
        .filter_map(|(member, kind, when)| {
            let value = equation.buckets.iter().find_map(|b| match &b.kind {
                BucketKind::Contributions { rules } => rules.value_of(&member, &kind),
                BucketKind::FixedShare { .. } => None,
            })?;
            let skill = match &kind {
                ContributionKind::Work { skill, .. } => Some(skill.clone()),
                _ => None,
            };
            Some(Credit {
                member,
                skill,
                value: value.0,
                when,
            })
        })
        .collect()
}

/// The moments a reputation chart shows, from the first credit at `first` to `now` (µs): the
/// start of each month after `first`'s (UTC), the latest `max - 1` of them, then `now`.
pub fn history_points(first: i64, now: i64, max: usize) -> Vec<i64> {
    let mut points = Vec::new();
    let mut month = crate::Period::of_micros(first).next();
    while month.start_micros() < now {
        points.push(month.start_micros());
        month = month.next();
    }
    let keep = max.saturating_sub(1);
    let mut points = points.split_off(points.len().saturating_sub(keep));
    points.push(now);
    points
}
