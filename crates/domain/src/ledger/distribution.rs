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
//!    falls when they contribute more. Per agent rather than per contribution because
//!    per-contribution rounding lets an agent lose a unit by contributing more (the property
//!    test found it).
//!    A citation's share is paid to the cited design's maker, a member or a project (its
//!    upstream income): "agent" here means the payee.
//! 4. A pot nobody can claim (no inputs, every debt repaid) stays in what later buckets share;
//!    after the last bucket it is `retained` by the agent who holds the funds.
//!
//! Debt and Once claims belong to the contribution, not to a bucket: [`PaidClaims`] sums what a
//! contribution's Debt and Once claims were paid, over earlier distributions and, as
//! [`distribute`] walks the buckets, over earlier buckets of this one.
//! - A Debt is one obligation. In each bucket it is owed the contribution's value under that
//!   bucket's rules minus everything paid on it so far, so no sequence of incomes and buckets
//!   pays it more than its largest value in any bucket (keying by bucket once let a debt listed
//!   in two buckets be repaid in full by each).
//! - A Once claim takes part once: not again if it took part (even for 0) in an earlier
//!   distribution or an earlier bucket of this one.
//! - [`ClaimPaid`] does not say which claim was paid, so a contribution that is Debt in one
//!   bucket and Once in another shares one record: a Once payment counts against the debt, and
//!   a Debt payment counts as having taken part. Sharing the record only ever pays less.
//! - A correction carries its original's claims: what the original was paid counts as paid on
//!   the correction (a debt corrected from 5.00 to 6.00 after its repayment is owed 1.00). One
//!   level: a correction of a correction adds its direct original's payments only.
//!
//! [`ValuationRules::value_of`]: crate::ledger::value_equation::ValuationRules::value_of
//!
//! # Layout
//! - this file: the inputs and the outcome, and [`distribute`]'s walk over the buckets.
//! - `pot`: one bucket: its pot, the claims on it (steps 1 to 3) and how the pot is shared.

use crate::bounds::check_amount;
use crate::ledger::value_equation::{Claim, ValueEquation};
use crate::{ContributionKind, DomainError};
use pot::{pay_bucket, pot_of};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod pot;

/// Who a contribution's share is paid to: a member, or a project whose design it cites (the
/// share is that project's upstream income, shared by its own equation). `P` names a project.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(concrete(A = crate::ts::AgentPubKey, P = crate::ts::ActionHash))
)]
pub enum Payee<A, P> {
    Agent(A),
    Project(P),
}

impl<A: std::fmt::Display, P: std::fmt::Display> std::fmt::Display for Payee<A, P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Agent(a) => write!(f, "{a}"),
            Self::Project(p) => write!(f, "project {p}"),
        }
    }
}

/// A counted contribution as the distribution sees it. `H` names the contribution (and a
/// project paid upstream).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input<A, R, H> {
    pub id: H,
    /// Who logged it: its value may depend on them (a member's work rate).
    pub contributor: A,
    /// Who its share is paid to: the contributor, or for a citation the cited design's maker
    /// (`crate::accounting::contribution::cite_payee`).
    pub payee: Payee<A, H>,
    pub kind: ContributionKind<R>,
    pub when_micros: i64,
    /// The contribution it corrects: what that one's Debt and Once claims were paid counts as
    /// paid on this one, so a correction does not repay a debt its original was repaid.
    pub corrects: Option<H>,
}

/// What the Debt and Once claims of each contribution were paid, over every bucket of earlier
/// distributions: contribution → total amount. A contribution listed, even with 0, has taken
/// part (what settles a Once claim).
pub type PaidClaims<H> = BTreeMap<H, u64>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(concrete(A = crate::ts::AgentPubKey, H = crate::ts::ActionHash))
)]
pub struct Outcome<A, H> {
    /// Per agent, in agent order; only agents paid something.
    pub payouts: Vec<Payout<A>>,
    /// Per project whose designs were cited, in project order; only projects paid something.
    /// Each is that project's upstream income (`IncomeSource::Upstream`).
    pub upstream: Vec<Payout<H>>,
    /// What no bucket could pay out; it stays with the agent who holds the funds.
    pub retained: u64,
    /// Per bucket, in the equation's order.
    pub buckets: Vec<BucketResult>,
    /// Every share taken: each contribution (or fixed share) → value → bucket → amount.
    pub trace: Vec<TraceLine<A, H>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(A = crate::ts::AgentPubKey)))]
pub struct Payout<A> {
    /// The agent paid, or in `Outcome::upstream` the project.
    pub agent: A,
    pub amount: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BucketResult {
    pub pot: u64,
    pub paid: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(concrete(A = crate::ts::AgentPubKey, H = crate::ts::ActionHash))
)]
pub struct TraceLine<A, H> {
    pub bucket: u16,
    pub payee: Payee<A, H>,
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(A = crate::ts::AgentPubKey)))]
pub struct AgentShare<A> {
    pub agent: A,
    pub bucket: u16,
    /// How many of the agent's contributions took part (0 for a fixed share).
    pub contributions: u32,
    /// Their total value in minor units.
    pub value: u64,
    pub amount: u64,
}

/// What a Debt or Once claim was paid in one bucket: later distributions sum these per
/// contribution ([`add_paid_claims`]) to know what is still owed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(H = crate::ts::ActionHash)))]
pub struct ClaimPaid<H> {
    pub contribution: H,
    pub bucket: u16,
    pub amount: u64,
}

impl<A: Ord + Clone, H: Clone> Outcome<A, H> {
    /// What it pays out: to agents and to projects upstream (with `retained`, the income).
    pub fn paid_out(&self) -> u64 {
        let agents = self.payouts.iter().map(|p| p.amount);
        agents.chain(self.upstream.iter().map(|p| p.amount)).sum()
    }

    /// The trace lines of Debt and Once claims: what later distributions must know was paid.
    pub fn settled_claims(&self) -> impl Iterator<Item = &TraceLine<A, H>> {
        settled(&self.trace)
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

    /// The trace summed per bucket and agent, in that order (lines paid to a project are in
    /// `upstream`).
    pub fn agent_shares(&self) -> Vec<AgentShare<A>> {
        let mut shares: BTreeMap<(u16, &A), AgentShare<A>> = BTreeMap::new();
        for line in &self.trace {
            let Payee::Agent(agent) = &line.payee else {
                continue;
            };
            let share = shares
                .entry((line.bucket, agent))
                .or_insert_with(|| AgentShare {
                    agent: agent.clone(),
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

/// Adds `claims` to what earlier distributions paid, summed per contribution whatever the
/// bucket.
pub fn add_paid_claims<H: Ord + Clone>(paid: &mut PaidClaims<H>, claims: &[ClaimPaid<H>]) {
    for c in claims {
        add_paid(paid, &c.contribution, c.amount);
    }
}

/// Saturating: a total past `u64` still owes nothing, and no stored entry can make it panic.
fn add_paid<H: Ord + Clone>(paid: &mut PaidClaims<H>, contribution: &H, amount: u64) {
    let total = paid.entry(contribution.clone()).or_default();
    *total = total.saturating_add(amount);
}

/// Shares `income` (minor units) under `equation` among `inputs`, given what earlier
/// distributions paid to Debt and Once claims (per contribution, see the module docs).
///
/// Errors: an income of 0 or above [`MAX_AMOUNT`](crate::bounds::MAX_AMOUNT); two inputs with
/// the same id; a bucket whose values add up past `u64`.
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
    check_amount("income", income)?;
    let sorted = sorted_by_id(inputs)?;
    let mut left = income;
    let mut buckets = Vec::with_capacity(equation.buckets.len());
    let mut trace = Vec::new();
    // Earlier buckets of this distribution count like earlier distributions.
    let mut paid_so_far = paid_before.clone();
    for (index, bucket) in equation.buckets.iter().enumerate() {
        let index = index as u16;
        let pot = pot_of(bucket, income, left);
        let start = trace.len();
        let paid = pay_bucket(bucket, index, pot, &sorted, &paid_so_far, &mut trace)?;
        for line in settled(&trace[start..]) {
            if let Some(contribution) = &line.contribution {
                add_paid(&mut paid_so_far, contribution, line.amount);
            }
        }
        // (A correction's own payments are kept under its own id; lookups add its original's.)
        left -= paid;
        buckets.push(BucketResult { pot, paid });
    }
    let (payouts, upstream) = payouts_of(&trace);
    Ok(Outcome {
        payouts,
        upstream,
        retained: left,
        buckets,
        trace,
    })
}

/// The trace lines of Debt and Once claims.
fn settled<A, H>(trace: &[TraceLine<A, H>]) -> impl Iterator<Item = &TraceLine<A, H>> {
    trace
        .iter()
        .filter(|l| matches!(l.claim, Some(Claim::Debt | Claim::Once)))
}

/// The inputs in id order, or the first id two of them share.
fn sorted_by_id<A, R, H: Ord + std::fmt::Debug>(
    inputs: &[Input<A, R, H>],
) -> Result<Vec<&Input<A, R, H>>, DomainError> {
    let mut sorted: Vec<&Input<A, R, H>> = inputs.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(pair) = sorted.windows(2).find(|p| p[0].id == p[1].id) {
        return Err(DomainError::Duplicate {
            field: "inputs",
            value: format!("{:?}", pair[0].id),
        });
    }
    Ok(sorted)
}

/// Sums the trace per agent and per project paid upstream, leaving out payees paid nothing.
fn payouts_of<A: Ord + Clone, H: Ord + Clone>(
    trace: &[TraceLine<A, H>],
) -> (Vec<Payout<A>>, Vec<Payout<H>>) {
    let mut agents: BTreeMap<&A, u64> = BTreeMap::new();
    let mut projects: BTreeMap<&H, u64> = BTreeMap::new();
    for line in trace {
        match &line.payee {
            Payee::Agent(a) => *agents.entry(a).or_default() += line.amount,
            Payee::Project(p) => *projects.entry(p).or_default() += line.amount,
        }
    }
    (paid(agents), paid(projects))
}

fn paid<K: Clone>(totals: BTreeMap<&K, u64>) -> Vec<Payout<K>> {
    totals
        .into_iter()
        .filter(|(_, amount)| *amount > 0)
        .map(|(agent, amount)| Payout {
            agent: agent.clone(),
            amount,
        })
        .collect()
}

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
