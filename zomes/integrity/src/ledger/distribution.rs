//! [`Distribution`]: one income shared under a value equation. It names every input (the
//! income, the equation, the settlements of counted contributions, the earlier distributions
//! whose Debt and Once claims it accounts for) and states the result; every validator
//! recomputes the result with `ovn_domain::distribute` and rejects any difference.
//!
//! It stores the payouts, the bucket results, the trace summed per agent and bucket, and what
//! each Debt or Once claim was paid (later distributions read those); the per-contribution trace
//! is recomputed on demand (`explain_payout`, `export_distribution`) with the same function
//! validators run.
//!
//! Validation proves the result is right *given the inputs*. Besides any difference, validators
//! reject an input from another project or dated after the cutoff, a settled contribution
//! without K listed confirmations or listed beside its correction, and a second distribution of
//! the same income on the author's chain. What a distribution *left out* they cannot see: a
//! counted contribution no settlement lists, an earlier distribution it does not name (a Debt
//! would be paid again), a later dispute of a listed confirmation, a newer equation version.
//! Those are questions for the audit, from the project's public indexes: it reports each of them
//! (`zomes/audit/src/completeness.rs`: a counted contribution or earlier distribution left out,
//! a contribution paid while disputed or superseded, a superseded equation).

use crate::ledger::income_event::IncomeEvent;
use crate::ledger::settlement::Settlement;
use crate::ledger::value_equation::{network_default_equation, Equation, ValueEquation};
use crate::verdict::{actions_since, entries_created, invalid, must_get_app_entry, valid, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::ledger::distribution::add_paid_claims;
use ovn_domain::ledger::settlement::check_not_beside_correction;
use ovn_domain::{
    distribute, AgentShare, BucketResult, ClaimPaid, Input, Outcome, PaidClaims, Payout,
};
use std::collections::BTreeSet;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Distribution {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub income: ActionHash,
    /// The project's adopted ValueEquation; `None` for the network's default.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub equation: Option<ActionHash>,
    /// No contribution dated after this takes part.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub cutoff: Timestamp,
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub settlements: Vec<ActionHash>,
    /// Earlier distributions of the project whose Debt and Once claims this one accounts for.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub earlier: Vec<ActionHash>,
    #[cfg_attr(feature = "ts", ts(as = "Vec<Payout<ovn_domain::ts::AgentPubKey>>"))]
    pub payouts: Vec<Payout<AgentPubKey>>,
    /// What goes to each project whose design a settled contribution cites: its upstream income,
    /// which that project's first steward records (`IncomeSource::Upstream`).
    #[cfg_attr(feature = "ts", ts(as = "Vec<Payout<ovn_domain::ts::ActionHash>>"))]
    pub upstream: Vec<Payout<ActionHash>>,
    /// What no bucket could pay out; it stays with the author, who holds the funds.
    pub retained: u64,
    pub buckets: Vec<BucketResult>,
    /// The trace summed per bucket and agent (the per-contribution trace is recomputed from the
    /// same inputs by `explain_payout`).
    #[cfg_attr(
        feature = "ts",
        ts(as = "Vec<AgentShare<ovn_domain::ts::AgentPubKey>>")
    )]
    pub shares: Vec<AgentShare<AgentPubKey>>,
    /// What each Debt or Once claim was paid here.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ClaimPaid<ovn_domain::ts::ActionHash>>"))]
    pub claims: Vec<ClaimPaid<ActionHash>>,
}

/// The inputs a distribution names, fetched and checked against its project and cutoff.
pub struct Inputs {
    pub income: IncomeEvent,
    pub income_author: AgentPubKey,
    pub equation: Equation,
    pub contributions: Vec<Input<AgentPubKey, ActionHash, ActionHash>>,
    pub paid_before: PaidClaims<ActionHash>,
}

/// Rules:
/// 1. The income is an IncomeEvent of the project, recorded by the author (who holds the funds).
/// 2. The equation is a ValueEquation of the project adopted at or before the cutoff, or absent
///    for the network default. (Whether it is the version in force then, see
///    `ovn_domain::ledger::value_equation::in_force`, needs the project's whole index: the
///    audit's question.)
/// 3. The cutoff is not after the distribution was made; no settled contribution is dated after it.
/// 4. Settlements are distinct Settlements of the project (each valid: counted contributions),
///    and no contribution they list is corrected by another they list, whichever month each
///    was settled in (`ovn_domain::ledger::settlement::check_not_beside_correction`).
/// 5. Earlier distributions are distinct Distributions of the project.
/// 6. Payouts, upstream shares, retained amount, bucket results, shares and claims equal
///    exactly what `ovn_domain::distribute` computes from those inputs (so payouts, upstream
///    shares and retained sum to the income).
/// 7. The author has not distributed this income before.
pub fn validate_create_distribution(
    header: &ActionHeader,
    distribution: &Distribution,
) -> ExternResult<ValidateCallbackResult> {
    if distribution.cutoff > header.timestamp {
        return invalid("the cutoff is after the distribution was made");
    }
    let inputs = check!(fetch_inputs(distribution)?);
    if inputs.income.project != distribution.project {
        return invalid(format!(
            "{} is another project's income",
            distribution.income
        ));
    }
    if inputs.income_author != header.author {
        return invalid(format!(
            "only the agent who recorded income {} distributes it",
            distribution.income
        ));
    }
    let outcome = check!(distribute(
        &inputs.equation,
        inputs.income.amount,
        &inputs.contributions,
        &inputs.paid_before
    ));
    if let Some(difference) = first_difference(&outcome, distribution) {
        return invalid(format!(
            "the stated result differs from the recomputed one: {difference}"
        ));
    }
    if already_distributed(header, &distribution.income)? {
        return invalid(format!(
            "income {} was already distributed",
            distribution.income
        ));
    }
    valid()
}

/// Fetches and checks every input a distribution names (rules 1-5 but the author's).
pub fn fetch_inputs(d: &Distribution) -> Verdict<Inputs> {
    let (income, income_author) =
        match must_get_app_entry::<IncomeEvent>(&d.income, UnitEntryTypes::IncomeEvent)? {
            Ok(i) => (i.entry.clone(), i.author().clone()),
            Err(e) => return Ok(Err(e)),
        };
    let equation = match &d.equation {
        None => match network_default_equation()? {
            Ok(e) => e,
            Err(e) => return Ok(Err(e)),
        },
        Some(hash) => {
            match must_get_app_entry::<ValueEquation>(hash, UnitEntryTypes::ValueEquation)? {
                Ok(e) if e.entry.project != d.project => {
                    return Ok(Err(format!("{hash} is another project's equation")))
                }
                Ok(e) if e.record.action().timestamp() > d.cutoff => {
                    return Ok(Err(format!(
                        "equation {hash} was adopted after the cutoff: a distribution uses the \
                         version in force at its cutoff"
                    )))
                }
                Ok(e) => e.entry.equation,
                Err(e) => return Ok(Err(e)),
            }
        }
    };
    if let Some(dup) = first_duplicate(&d.settlements).or_else(|| first_duplicate(&d.earlier)) {
        return Ok(Err(format!("{dup} is named twice")));
    }
    let mut contributions = Vec::new();
    let mut corrections = Vec::new();
    for hash in &d.settlements {
        let s = match must_get_app_entry::<Settlement>(hash, UnitEntryTypes::Settlement)? {
            Ok(s) => s.entry,
            Err(e) => return Ok(Err(e)),
        };
        if s.project != d.project {
            return Ok(Err(format!("settlement {hash} is another project's")));
        }
        if let Some(late) = s.items.iter().find(|i| i.when > d.cutoff) {
            return Ok(Err(format!(
                "{} is dated after the cutoff",
                late.contribution
            )));
        }
        contributions.extend(s.items.iter().map(|i| i.input()));
        corrections.extend(s.items.into_iter().map(|i| (i.contribution, i.corrects)));
    }
    if let Err(e) = check_not_beside_correction(corrections.iter().map(|(c, by)| (c, by.as_ref())))
    {
        return Ok(Err(e.to_string()));
    }
    let mut paid_before = PaidClaims::new();
    for hash in &d.earlier {
        match must_get_app_entry::<Distribution>(hash, UnitEntryTypes::Distribution)? {
            Ok(e) if e.entry.project == d.project => {
                add_paid_claims(&mut paid_before, &e.entry.claims)
            }
            Ok(_) => return Ok(Err(format!("{hash} is another project's distribution"))),
            Err(e) => return Ok(Err(e)),
        }
    }
    Ok(Ok(Inputs {
        income,
        income_author,
        equation,
        contributions,
        paid_before,
    }))
}

/// The first place where the stated result differs from the recomputed `outcome`, named.
fn first_difference(
    outcome: &Outcome<AgentPubKey, ActionHash>,
    stated: &Distribution,
) -> Option<String> {
    if outcome.payouts.len() != stated.payouts.len() {
        return Some(format!(
            "{} payees stated, {} recomputed",
            stated.payouts.len(),
            outcome.payouts.len()
        ));
    }
    let mut payouts = outcome.payouts.iter().zip(&stated.payouts);
    if let Some((right, wrong)) = payouts.find(|(r, s)| r != s) {
        if right.agent != wrong.agent {
            return Some(format!(
                "{} is stated as a payee where {} is recomputed",
                wrong.agent, right.agent
            ));
        }
        return Some(format!(
            "the payout to {} is stated {}, recomputed {}",
            wrong.agent, wrong.amount, right.amount
        ));
    }
    if outcome.upstream != stated.upstream {
        let right = |p: &Payout<ActionHash>| format!("project {} {}", p.agent, p.amount);
        let list = |ps: &[Payout<ActionHash>]| ps.iter().map(right).collect::<Vec<_>>().join(", ");
        return Some(format!(
            "the upstream shares are stated [{}], recomputed [{}]",
            list(&stated.upstream),
            list(&outcome.upstream)
        ));
    }
    if outcome.retained != stated.retained {
        return Some(format!(
            "retained is stated {}, recomputed {}",
            stated.retained, outcome.retained
        ));
    }
    if outcome.buckets != stated.buckets {
        return Some("the bucket results differ".into());
    }
    if outcome.agent_shares() != stated.shares {
        return Some("the shares per agent and bucket differ".into());
    }
    if outcome.claims_paid() != stated.claims {
        return Some("the Debt and Once claims paid differ".into());
    }
    None
}

fn first_duplicate(hashes: &[ActionHash]) -> Option<&ActionHash> {
    let mut seen = BTreeSet::new();
    hashes.iter().find(|h| !seen.insert(*h))
}

/// Whether the author's chain holds a Distribution of `income`. The author recorded the income
/// (rule 1), so only the actions since it are read.
fn already_distributed(header: &ActionHeader, income: &ActionHash) -> ExternResult<bool> {
    let earlier: Vec<Distribution> = entries_created(
        &actions_since(header, income)?,
        UnitEntryTypes::Distribution,
    )?;
    Ok(earlier.iter().any(|d| &d.income == income))
}

/// Rules:
/// 1. Distributions are never updated: what was paid was paid.
pub fn validate_update_distribution() -> ExternResult<ValidateCallbackResult> {
    invalid("distributions cannot be updated")
}
