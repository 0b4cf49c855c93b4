//! [`distribute`]: how one income is shared under a value equation. Pure and integer-only: the
//! coordinator previews with it, every validator recomputes a Distribution with it, the auditor
//! replays it. Payouts and what is retained always add up exactly to the income.
//!
//! Per bucket, in order:
//! 1. Its pot is `share_bp` of the income (Straight) or of what earlier buckets did not pay out
//!    (Remaining), rounded down.
//! 2. A FixedShare pot goes whole to its agent.
//! 3. A Contributions pot is shared by the counted contributions dated inside the bucket's
//!    window, in proportion to their value (see [`ValuationRules::value_of`]). Debt claims are
//!    capped at what is still owed: a claim that would reach its cap is paid exactly the cap and
//!    the rest is shared among the others (water-filling). What is left is split among agents
//!    by largest remainder (ties to the smaller agent), then each agent's part over their
//!    contributions the same way, so the bucket pays out its pot exactly and no agent's payout
//!    falls when they contribute more.
//! 4. A pot nobody can claim (no inputs, every debt repaid) stays in what later buckets share;
//!    after the last bucket it is `retained` by the agent who holds the funds.

use crate::apportion::{apportion_capped, largest_remainder, saturate};
use crate::contribution::MAX_AMOUNT;
use crate::value_equation::{
    Behaviour, BucketKind, Claim, ValuationRules, ValueEquation, FULL_SHARE_BP,
};
use crate::{ContributionKind, DomainError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A counted contribution as the distribution sees it. `H` names the contribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input<A, R, H> {
    pub id: H,
    pub contributor: A,
    pub kind: ContributionKind<R>,
    pub when_micros: i64,
}

/// What earlier distributions paid each Debt or Once claim: (contribution, bucket) → amount.
pub type PaidClaims<H> = BTreeMap<(H, u16), u64>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome<A, H> {
    /// Per agent, in agent order; only agents paid something.
    pub payouts: Vec<Payout<A>>,
    /// What no bucket could pay out; it stays with the agent who holds the funds.
    pub retained: u64,
    /// Per bucket, in the equation's order.
    pub buckets: Vec<BucketResult>,
    /// Every share taken: each contribution (or fixed share) → value → bucket → amount.
    pub trace: Vec<TraceLine<A, H>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payout<A> {
    pub agent: A,
    pub amount: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketResult {
    pub pot: u64,
    pub paid: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceLine<A, H> {
    pub bucket: u16,
    pub agent: A,
    /// `None` for a fixed share.
    pub contribution: Option<H>,
    /// The contribution's value under the bucket's rules, in minor units (0 for a fixed share).
    pub value: u64,
    /// `None` for a fixed share.
    pub claim: Option<Claim>,
    pub amount: u64,
}

/// One agent's part of one bucket: the trace summed per agent, small enough to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentShare<A> {
    pub agent: A,
    pub bucket: u16,
    /// How many of the agent's contributions took part (0 for a fixed share).
    pub contributions: u32,
    /// Their total value in minor units.
    pub value: u64,
    pub amount: u64,
}

/// What a Debt or Once claim was paid: later distributions read it to know what is still owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimPaid<H> {
    pub contribution: H,
    pub bucket: u16,
    pub amount: u64,
}

impl<A: Ord + Clone, H: Clone> Outcome<A, H> {
    /// The trace lines of Debt and Once claims: what later distributions must know was paid.
    pub fn settled_claims(&self) -> impl Iterator<Item = &TraceLine<A, H>> {
        self.trace
            .iter()
            .filter(|l| matches!(l.claim, Some(Claim::Debt | Claim::Once)))
    }

    /// The Debt and Once claims this outcome paid (Once claims even when paid 0: taking part
    /// once is what settles them).
    pub fn claims_paid(&self) -> Vec<ClaimPaid<H>> {
        self.settled_claims()
            .filter_map(|l| {
                Some(ClaimPaid {
                    contribution: l.contribution.clone()?,
                    bucket: l.bucket,
                    amount: l.amount,
                })
            })
            .collect()
    }

    /// The trace summed per bucket and agent, in that order.
    pub fn agent_shares(&self) -> Vec<AgentShare<A>> {
        let mut shares: BTreeMap<(u16, &A), AgentShare<A>> = BTreeMap::new();
        for line in &self.trace {
            let share = shares
                .entry((line.bucket, &line.agent))
                .or_insert_with(|| AgentShare {
                    agent: line.agent.clone(),
                    bucket: line.bucket,
                    contributions: 0,
                    value: 0,
                    amount: 0,
                });
            share.contributions += u32::from(line.contribution.is_some());
            share.value = share.value.saturating_add(line.value);
            share.amount += line.amount;
        }
        shares.into_values().collect()
    }
}

/// Adds `claims` to what earlier distributions paid.
pub fn add_paid_claims<H: Ord + Clone>(paid: &mut PaidClaims<H>, claims: &[ClaimPaid<H>]) {
    for c in claims {
        *paid.entry((c.contribution.clone(), c.bucket)).or_default() += c.amount;
    }
}

/// Shares `income` (minor units) under `equation` among `inputs`, given what earlier
/// distributions paid to Debt and Once claims.
///
/// Errors: an income of 0 or above [`MAX_AMOUNT`]; two inputs with the same id; a bucket whose
/// values add up past `u64`.
pub fn distribute<A, R, H>(
    equation: &ValueEquation<A, R>,
    income: u64,
    inputs: &[Input<A, R, H>],
    paid_before: &PaidClaims<H>,
) -> Result<Outcome<A, H>, DomainError>
where
    A: Ord + Clone,
    R: Ord + Clone,
    H: Ord + Clone + std::fmt::Debug,
{
    if income == 0 {
        return Err(DomainError::NotPositive { field: "income" });
    }
    if income > MAX_AMOUNT {
        return Err(DomainError::OutOfBounds {
            field: "income",
            value: income,
            max: MAX_AMOUNT,
        });
    }
    let mut sorted: Vec<&Input<A, R, H>> = inputs.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(pair) = sorted.windows(2).find(|p| p[0].id == p[1].id) {
        return Err(DomainError::Duplicate {
            field: "inputs",
            value: format!("{:?}", pair[0].id),
        });
    }
    let mut left = income;
    let mut buckets = Vec::with_capacity(equation.buckets.len());
    let mut trace = Vec::new();
    for (index, bucket) in equation.buckets.iter().enumerate() {
        let index = index as u16;
        let base = match bucket.behaviour {
            Behaviour::Straight => income,
            Behaviour::Remaining => left,
        };
        // Straight shares total at most 100 % and come first, so the pot never exceeds `left`.
        let pot = (base as u128 * bucket.share_bp as u128 / FULL_SHARE_BP as u128) as u64;
        let pot = pot.min(left);
        let paid = match &bucket.kind {
            BucketKind::FixedShare { agent } => {
                trace.push(TraceLine {
                    bucket: index,
                    agent: agent.clone(),
                    contribution: None,
                    value: 0,
                    claim: None,
                    amount: pot,
                });
                pot
            }
            BucketKind::Contributions { rules } => {
                let in_window = sorted
                    .iter()
                    .copied()
                    .filter(|i| bucket.window.is_none_or(|w| w.contains(i.when_micros)));
                let claims = claims_in_bucket(rules, index, in_window, paid_before)?;
                share_pot(pot, index, claims, &mut trace)?
            }
        };
        left -= paid;
        buckets.push(BucketResult { pot, paid });
    }
    Ok(Outcome {
        payouts: payouts_of(&trace),
        retained: left,
        buckets,
        trace,
    })
}

/// Contribution weights are in 1/10,000 of a minor unit, so a citation's share of the other
/// inputs is exact: rounding inside the weights would let one agent's new contribution raise
/// another agent's share.
const WEIGHT_SCALE: u128 = FULL_SHARE_BP as u128;

/// One contribution's claim on a bucket.
struct BucketClaim<'a, A, H> {
    agent: &'a A,
    contribution: &'a H,
    weight: u128,
    claim: Claim,
    /// What a Debt claim is still owed.
    cap: Option<u64>,
}

impl<A, H> BucketClaim<'_, A, H> {
    /// The value in whole minor units, as the trace shows it.
    fn value(&self) -> u64 {
        (self.weight / WEIGHT_SCALE) as u64
    }
}

fn claims_in_bucket<'a, A, R, H>(
    rules: &ValuationRules<A, R>,
    bucket: u16,
    inputs: impl Iterator<Item = &'a Input<A, R, H>>,
    paid_before: &PaidClaims<H>,
) -> Result<Vec<BucketClaim<'a, A, H>>, DomainError>
where
    A: Ord + Clone + 'a,
    R: Ord + Clone + 'a,
    H: Ord + Clone + 'a,
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
    let mut claims = Vec::with_capacity(valued.len());
    for (input, weight, claim) in valued {
        let before = paid_before.get(&(input.id.clone(), bucket));
        let value = (weight / WEIGHT_SCALE) as u64;
        let cap = match claim {
            Claim::Equity => None,
            Claim::Once if before.is_some() => continue,
            Claim::Once => None,
            Claim::Debt => match value.saturating_sub(before.copied().unwrap_or(0)) {
                0 => continue,
                owed => Some(owed),
            },
        };
        if weight == 0 {
            continue;
        }
        claims.push(BucketClaim {
            agent: &input.contributor,
            contribution: &input.id,
            weight,
            claim,
            cap,
        });
    }
    Ok(claims)
}

/// Shares `pot` among `claims`, capping debts; returns what was paid out. Rounding is by
/// largest remainder per agent (ties to the smaller agent), then each agent's amount is split
/// over their contributions, so one agent's payout never falls when they contribute more.
fn share_pot<A: Ord + Clone, H: Clone>(
    pot: u64,
    bucket: u16,
    claims: Vec<BucketClaim<'_, A, H>>,
    trace: &mut Vec<TraceLine<A, H>>,
) -> Result<u64, DomainError> {
    let weights: Vec<u128> = claims.iter().map(|c| c.weight).collect();
    let caps: Vec<Option<u64>> = claims.iter().map(|c| c.cap).collect();
    let saturated = saturate(pot, &weights, &caps)?;
    let mut amounts = saturated.amounts;
    let mut by_agent: BTreeMap<&A, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims
        .iter()
        .enumerate()
        .filter(|(i, _)| saturated.active[*i])
    {
        by_agent.entry(c.agent).or_default().push(i);
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
    let mut paid = 0;
    for (c, amount) in claims.into_iter().zip(amounts) {
        paid += amount;
        trace.push(TraceLine {
            bucket,
            agent: c.agent.clone(),
            contribution: Some(c.contribution.clone()),
            value: c.value(),
            claim: Some(c.claim),
            amount,
        });
    }
    Ok(paid)
}

/// Sums the trace per agent, leaving out agents paid nothing.
fn payouts_of<A: Ord + Clone, H>(trace: &[TraceLine<A, H>]) -> Vec<Payout<A>> {
    let mut by_agent: BTreeMap<&A, u64> = BTreeMap::new();
    for line in trace {
        *by_agent.entry(&line.agent).or_default() += line.amount;
    }
    by_agent
        .into_iter()
        .filter(|(_, amount)| *amount > 0)
        .map(|(agent, amount)| Payout {
            agent: agent.clone(),
            amount,
        })
        .collect()
}

#[cfg(test)]
mod tests;
