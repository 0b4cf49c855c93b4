//! Previewing and making distributions, reading them back, explaining one agent's payout and
//! confirming that a payout arrived.

use crate::plan::{plan, AgentOutcome, PlannedSettlement};
use crate::LedgerError;
use hdk::prelude::*;
use ovn_domain::{Payee, TraceLine};
use ovn_integrity::ledger::distribution::fetch_inputs;
use ovn_integrity::{Distribution, EntryTypes, LinkTypes, PaymentReceipt, Project};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::{committed, get_targets, listed, must_read};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DistributeInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub income: ActionHash,
    /// Contributions dated after this do not take part; now if not given.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::Timestamp>"))]
    pub cutoff: Option<Timestamp>,
}

/// What a distribution would pay, computed exactly as `distribute` would commit it.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DistributionPreview {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub income: ActionHash,
    pub amount: u64,
    /// The equation version used; 0 for the network's default.
    pub equation_version: u32,
    pub bucket_names: Vec<String>,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub cutoff: Timestamp,
    /// Counted contributions taking part.
    pub contributions: u32,
    pub settlements_reused: u32,
    pub settlements_new: u32,
    #[cfg_attr(
        feature = "ts",
        ts(as = "ovn_domain::Outcome<ovn_domain::ts::AgentPubKey, ovn_domain::ts::ActionHash>")
    )]
    pub outcome: AgentOutcome,
}

/// How much the income would pay each agent, with the full trace. Writes nothing.
#[hdk_extern]
pub fn preview_distribution(input: Input) -> ExternResult<DistributionPreview> {
    let input: DistributeInput = input.decode()?;
    let plan = plan(input.income, input.cutoff)?;
    let outcome = plan.outcome().map_err(LedgerError::from)?;
    let new = plan
        .settlements
        .iter()
        .filter(|s| matches!(s, PlannedSettlement::New(_)))
        .count() as u32;
    Ok(DistributionPreview {
        income: plan.income_hash.clone(),
        amount: plan.income.amount,
        equation_version: plan.equation.version,
        bucket_names: plan
            .equation
            .equation
            .buckets
            .iter()
            .map(|b| b.name.clone())
            .collect(),
        cutoff: plan.cutoff,
        contributions: plan.inputs().len() as u32,
        settlements_reused: plan.settlements.len() as u32 - new,
        settlements_new: new,
        outcome,
    })
}

/// Distributes an income the caller holds: settles the counted contributions not yet settled,
/// then commits the Distribution every peer will recompute. Refused when it would pay nobody.
#[hdk_extern]
pub fn distribute(input: Input) -> ExternResult<Record> {
    let input: DistributeInput = input.decode()?;
    let plan = plan(input.income, input.cutoff)?;
    let outcome = plan.outcome().map_err(LedgerError::from)?;
    // A distribution that pays nobody would still use the income up.
    if outcome.payouts.is_empty() && outcome.upstream.is_empty() {
        return Err(LedgerError::NothingToPay(plan.income_hash).into());
    }
    let project = plan.income.project.clone();
    let mut settlements = Vec::with_capacity(plan.settlements.len());
    for planned in &plan.settlements {
        settlements.push(match planned {
            PlannedSettlement::Existing(hash, _) => hash.clone(),
            PlannedSettlement::New(s) => {
                let hash = create_entry(EntryTypes::Settlement(s.clone()))?;
                create_link(
                    project.clone(),
                    hash.clone(),
                    LinkTypes::ProjectToSettlements,
                    LinkTag::new(s.period.to_string()),
                )?;
                hash
            }
        });
    }
    let distribution = Distribution {
        project: project.clone(),
        income: plan.income_hash.clone(),
        equation: plan.equation.adopted.clone(),
        cutoff: plan.cutoff,
        settlements,
        earlier: plan.earlier.iter().map(|(h, _)| h.clone()).collect(),
        payouts: outcome.payouts.clone(),
        upstream: outcome.upstream.clone(),
        retained: outcome.retained,
        buckets: outcome.buckets.clone(),
        shares: outcome.agent_shares(),
        claims: outcome.claims_paid(),
    };
    let hash = create_entry(EntryTypes::Distribution(distribution))?;
    create_link(project, hash.clone(), LinkTypes::ProjectToDistributions, ())?;
    committed(hash)
}

/// A project's distributions, oldest first.
#[hdk_extern]
pub fn get_distributions_for_project(project: Input) -> ExternResult<Vec<Record>> {
    let project: ActionHash = project.decode()?;
    let found = get_targets(get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToDistributions)?,
        GetStrategy::default(),
    )?)?;
    listed::<Project, _>(&project, found)
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExplainPayoutInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub distribution: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub agent: AgentPubKey,
}

/// One agent's payout, contribution by contribution, recomputed from the distribution's inputs.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PayoutExplanation {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub distribution: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub agent: AgentPubKey,
    pub amount: u64,
    pub bucket_names: Vec<String>,
    #[cfg_attr(
        feature = "ts",
        ts(as = "Vec<TraceLine<ovn_domain::ts::AgentPubKey, ovn_domain::ts::ActionHash>>")
    )]
    pub lines: Vec<TraceLine<AgentPubKey, ActionHash>>,
}

#[hdk_extern]
pub fn explain_payout(input: Input) -> ExternResult<PayoutExplanation> {
    let input: ExplainPayoutInput = input.decode()?;
    let (_, outcome, bucket_names) = recompute(&input.distribution)?;
    let lines: Vec<_> = outcome
        .trace
        .into_iter()
        .filter(|l| matches!(&l.payee, Payee::Agent(a) if a == &input.agent))
        .collect();
    Ok(PayoutExplanation {
        distribution: input.distribution,
        agent: input.agent,
        amount: lines.iter().map(|l| l.amount).sum(),
        bucket_names,
        lines,
    })
}

/// A distribution, and its full outcome recomputed from the inputs it names, with the names
/// of the equation's buckets.
pub fn recompute(hash: &ActionHash) -> ExternResult<(Distribution, AgentOutcome, Vec<String>)> {
    let (_, distribution) = must_read::<Distribution>(hash)?;
    let unreadable = |reason: String| LedgerError::UnreadableInputs {
        distribution: hash.clone(),
        reason,
    };
    let inputs = fetch_inputs(&distribution)?.map_err(unreadable)?;
    let outcome = ovn_domain::distribute(
        &inputs.equation,
        inputs.income.amount,
        &inputs.contributions,
        &inputs.paid_before,
    )
    .map_err(|e| unreadable(e.to_string()))?;
    let names = inputs
        .equation
        .buckets
        .iter()
        .map(|b| b.name.clone())
        .collect();
    Ok((distribution, outcome, names))
}

/// The caller confirms that their payout from a distribution arrived.
#[hdk_extern]
pub fn confirm_payment(distribution: Input) -> ExternResult<Record> {
    let distribution: ActionHash = distribution.decode()?;
    let (_, d) = must_read::<Distribution>(&distribution)?;
    let me = agent_info()?.agent_initial_pubkey;
    let Some(payout) = d.payouts.iter().find(|p| p.agent == me) else {
        return Err(LedgerError::NotAPayee {
            distribution,
            agent: me,
        }
        .into());
    };
    let receipt = PaymentReceipt {
        distribution: distribution.clone(),
        amount: payout.amount,
    };
    let hash = create_entry(EntryTypes::PaymentReceipt(receipt))?;
    create_link(
        distribution,
        hash.clone(),
        LinkTypes::DistributionToPaymentReceipts,
        (),
    )?;
    committed(hash)
}

/// The receipts payees confirmed for a distribution.
#[hdk_extern]
pub fn get_payment_receipts(distribution: Input) -> ExternResult<Vec<Record>> {
    let distribution: ActionHash = distribution.decode()?;
    let found = get_targets(get_links(
        LinkQuery::try_new(
            distribution.clone(),
            LinkTypes::DistributionToPaymentReceipts,
        )?,
        GetStrategy::default(),
    )?)?;
    listed::<Distribution, _>(&distribution, found)
}
