//! One bucket of a distribution: its pot, the claims on it, and how the pot is shared among them.
//! Contributions are weighted by their value (a citation by a share of the others'), Debt
//! claims are capped at what is still owed and Once claims drop out once they took part (both
//! counted per contribution over every earlier bucket and distribution); the pot is then
//! split exactly, first among agents and then over each agent's contributions, with every
//! share taken written to the trace. [`distribute`](super::distribute) runs this per bucket.

use super::{Input, PaidClaims, Payee, TraceLine};
use crate::ledger::apportion::{apportion_capped, largest_remainder, saturate};
use crate::ledger::value_equation::{
    Behaviour, Bucket, BucketKind, Claim, ValuationRules, FULL_SHARE_BP,
};
use crate::{ContributionKind, DomainError};
use std::collections::BTreeMap;

/// The bucket's pot: its share of the income (Straight) or of what earlier buckets did not pay
/// out (Remaining), rounded down.
pub(super) fn pot_of<A, R>(bucket: &Bucket<A, R>, income: u64, left: u64) -> u64 {
    let base = match bucket.behaviour {
        Behaviour::Straight => income,
        Behaviour::Remaining => left,
    };
    // Straight shares total at most 100 % and come first, so the pot never exceeds `left`.
    let pot = (base as u128 * bucket.share_bp as u128 / FULL_SHARE_BP as u128) as u64;
    pot.min(left)
}

/// Pays out the pot of the bucket numbered `index` among `sorted` (inputs in id order), given
/// what each contribution's Debt and Once claims were paid before this bucket, writing each
/// share to `trace`; returns what was paid.
pub(super) fn pay_bucket<A, R, H>(
    bucket: &Bucket<A, R>,
    index: u16,
    pot: u64,
    sorted: &[&Input<A, R, H>],
    paid_so_far: &PaidClaims<H>,
    trace: &mut Vec<TraceLine<A, H>>,
) -> Result<u64, DomainError>
where
    A: Ord + Clone,
    R: Ord + Clone,
    H: Ord + Clone,
{
    match &bucket.kind {
        BucketKind::FixedShare { agent } => {
            trace.push(TraceLine {
                bucket: index,
                payee: Payee::Agent(agent.clone()),
                contribution: None,
                value: 0,
                claim: None,
                amount: pot,
            });
            Ok(pot)
        }
        BucketKind::Contributions { rules } => {
            let in_window = sorted
                .iter()
                .copied()
                .filter(|i| bucket.window.is_none_or(|w| w.contains(i.when_micros)));
            let claims = claims_in_bucket(rules, in_window, paid_so_far)?;
            share_pot(pot, index, claims, trace)
        }
    }
}

/// Contribution weights are in 1/10,000 of a minor unit, so a citation's share of the other
/// inputs is exact: rounding inside the weights would let one agent's new contribution raise
/// another agent's share.
const WEIGHT_SCALE: u128 = FULL_SHARE_BP as u128;

/// One contribution's claim on a bucket.
struct BucketClaim<'a, A, H> {
    payee: &'a Payee<A, H>,
    contribution: &'a H,
    weight: u128,
    claim: Claim,
    /// What a Debt claim is still owed: this bucket's value less all paid on it so far.
    cap: Option<u64>,
}

impl<A, H> BucketClaim<'_, A, H> {
    /// The value in whole minor units, as the trace shows it.
    fn value(&self) -> u64 {
        (self.weight / WEIGHT_SCALE) as u64
    }
}

/// An input with its weight (in 1/[`WEIGHT_SCALE`] minor units) and claim under a bucket's rules.
type Weighted<'a, A, R, H> = (&'a Input<A, R, H>, u128, Claim);

/// The claims `inputs` hold on a bucket valued by `rules`: a Debt is owed its value here less
/// what `paid_so_far` says it got in any bucket; a Once claim listed there took part already.
fn claims_in_bucket<'a, A, R, H>(
    rules: &ValuationRules<A, R>,
    inputs: impl Iterator<Item = &'a Input<A, R, H>>,
    paid_so_far: &PaidClaims<H>,
) -> Result<Vec<BucketClaim<'a, A, H>>, DomainError>
where
    A: Ord + Clone + 'a,
    R: Ord + Clone + 'a,
    H: Ord + Clone + 'a,
{
    let valued = weighted(rules, inputs);
    let mut claims = Vec::with_capacity(valued.len());
    for (input, weight, claim) in valued {
        let before = paid_on(paid_so_far, input);
        let value = (weight / WEIGHT_SCALE) as u64;
        let cap = match claim {
            Claim::Equity => None,
            Claim::Once if before.is_some() => continue,
            Claim::Once => None,
            Claim::Debt => match value.saturating_sub(before.unwrap_or(0)) {
                0 => continue,
                owed => Some(owed),
            },
        };
        if weight == 0 {
            continue;
        }
        claims.push(BucketClaim {
            payee: &input.payee,
            contribution: &input.id,
            weight,
            claim,
            cap,
        });
    }
    Ok(claims)
}

/// What `input`'s Debt and Once claims were paid so far, its original's included when it is a
/// correction; `None` when neither took part yet.
fn paid_on<A, R, H: Ord>(paid: &PaidClaims<H>, input: &Input<A, R, H>) -> Option<u64> {
    let own = paid.get(&input.id).copied();
    let original = input.corrects.as_ref().and_then(|c| paid.get(c)).copied();
    match (own, original) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0).saturating_add(b.unwrap_or(0))),
    }
}

/// The inputs `rules` value, weighted, in id order. A citation weighs its share of the total
/// value of the other inputs.
fn weighted<'a, A, R, H>(
    rules: &ValuationRules<A, R>,
    inputs: impl Iterator<Item = &'a Input<A, R, H>>,
) -> Vec<Weighted<'a, A, R, H>>
where
    A: PartialEq + 'a,
    R: PartialEq + 'a,
    H: Ord + 'a,
{
    let mut valued = Vec::new();
    let mut cites = Vec::new();
    let mut others_total: u128 = 0;
    for input in inputs {
        if let ContributionKind::Cite { .. } = input.kind {
            if let Some(rule) = &rules.cite {
                cites.push((input, rule.share_bp, rule.claim));
            }
        } else if let Some((value, claim)) = rules.value_of(&input.contributor, &input.kind) {
            others_total += value as u128;
            valued.push((input, value as u128 * WEIGHT_SCALE, claim));
        }
    }
    for (input, share_bp, claim) in cites {
        valued.push((input, others_total * share_bp as u128, claim));
    }
    // Back in id order, so rounding ties never depend on the input's kind.
    valued.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    valued
}

/// Shares `pot` among `claims`, capping debts; returns what was paid out. Rounding is by
/// largest remainder per agent (ties to the smaller agent), then each agent's amount is split
/// over their contributions, so one agent's payout never falls when they contribute more.
fn share_pot<A: Ord + Clone, H: Ord + Clone>(
    pot: u64,
    bucket: u16,
    claims: Vec<BucketClaim<'_, A, H>>,
    trace: &mut Vec<TraceLine<A, H>>,
) -> Result<u64, DomainError> {
    let amounts = amounts(pot, &claims)?;
    let mut paid = 0;
    for (c, amount) in claims.into_iter().zip(amounts) {
        paid += amount;
        trace.push(TraceLine {
            bucket,
            payee: c.payee.clone(),
            contribution: Some(c.contribution.clone()),
            value: c.value(),
            claim: Some(c.claim),
            amount,
        });
    }
    Ok(paid)
}

/// Each claim's amount of `pot`: debts that reach their cap are paid it (water-filling), what
/// is left goes to the other claims' agents by largest remainder, then over each agent's
/// contributions.
fn amounts<A: Ord, H: Ord>(
    pot: u64,
    claims: &[BucketClaim<'_, A, H>],
) -> Result<Vec<u64>, DomainError> {
    let weights: Vec<u128> = claims.iter().map(|c| c.weight).collect();
    let caps: Vec<Option<u64>> = claims.iter().map(|c| c.cap).collect();
    let saturated = saturate(pot, &weights, &caps)?;
    let mut amounts = saturated.amounts;
    let mut by_agent: BTreeMap<&Payee<A, H>, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims
        .iter()
        .enumerate()
        .filter(|(i, _)| saturated.active[*i])
    {
        by_agent.entry(c.payee).or_default().push(i);
    }
    let agent_weights: Vec<u128> = by_agent
        .values()
        .map(|ix| ix.iter().map(|&i| weights[i]).sum())
        .collect();
    let agent_amounts = largest_remainder(saturated.left, &agent_weights)?;
    for (ix, amount) in by_agent.values().zip(agent_amounts) {
        let w: Vec<u128> = ix.iter().map(|&i| weights[i]).collect();
        let c: Vec<Option<u64>> = ix.iter().map(|&i| caps[i]).collect();
        for (&i, share) in ix.iter().zip(apportion_capped(amount, &w, &c)?) {
            amounts[i] = share;
        }
    }
    Ok(amounts)
}
