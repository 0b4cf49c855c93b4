//! Gathering a distribution's inputs: the income, the equation in force, the project's earlier
//! distributions, and its counted contributions up to the cutoff, settled month by month.
//! Settlements already on the DHT are reused when every contribution they list still counts,
//! so a month settled once is not settled again; only contributions no settlement covers go
//! into new pages of at most `MAX_SETTLED`.

use crate::equations::{equation_in_force, CurrentEquation};
use crate::LedgerError;
use hdk::prelude::*;
use ovn_domain::accounting::endorsement::ContributionState;
use ovn_domain::ledger::distribution::add_paid_claims;
use ovn_domain::ledger::settlement::MAX_SETTLED;
use ovn_domain::{distribute, DomainError, Input, Outcome, PaidClaims, Period};
use ovn_integrity::accounting::contribution::payee_of;
use ovn_integrity::{
    Contribution, Distribution, IncomeEvent, LinkTypes, SettledContribution, Settlement,
    UnitEntryTypes,
};
use ovn_zome_support::index::{contributions_in_period, periods_of_project};
use ovn_zome_support::records::{get_targets, must_read, own_entries, with_own};
use ovn_zome_support::status::status_report;
use std::collections::BTreeSet;

/// Everything a distribution of one income is computed from.
pub struct Plan {
    pub income_hash: ActionHash,
    pub income: IncomeEvent,
    pub equation: CurrentEquation,
    pub cutoff: Timestamp,
    pub settlements: Vec<PlannedSettlement>,
    pub earlier: Vec<(ActionHash, Distribution)>,
}

pub enum PlannedSettlement {
    /// A settlement on the DHT that still holds: reused as is.
    Existing(ActionHash, Settlement),
    /// A page to commit before the distribution.
    New(Settlement),
}

impl PlannedSettlement {
    pub fn settlement(&self) -> &Settlement {
        match self {
            Self::Existing(_, s) | Self::New(s) => s,
        }
    }
}

pub type AgentOutcome = Outcome<AgentPubKey, ActionHash>;

impl Plan {
    pub fn inputs(&self) -> Vec<Input<AgentPubKey, ActionHash, ActionHash>> {
        self.settlements
            .iter()
            .flat_map(|s| s.settlement().items.iter().map(|i| i.input()))
            .collect()
    }

    pub fn paid_before(&self) -> PaidClaims<ActionHash> {
        let mut paid = PaidClaims::new();
        for (_, d) in &self.earlier {
            add_paid_claims(&mut paid, &d.claims);
        }
        paid
    }

    /// The payouts and trace, exactly as validators will recompute them.
    pub fn outcome(&self) -> Result<AgentOutcome, DomainError> {
        distribute(
            &self.equation.equation,
            self.income.amount,
            &self.inputs(),
            &self.paid_before(),
        )
    }
}

/// Plans the distribution of `income_hash` by the caller, counting contributions dated up to
/// `cutoff` (now if not given).
pub fn plan(income_hash: ActionHash, cutoff: Option<Timestamp>) -> ExternResult<Plan> {
    let now = sys_time()?;
    let cutoff = cutoff.unwrap_or(now);
    if cutoff > now {
        return Err(LedgerError::CutoffInTheFuture { cutoff }.into());
    }
    let (record, income) = must_read::<IncomeEvent>(&income_hash)?;
    let holder = record.action().author().clone();
    if holder != agent_info()?.agent_initial_pubkey {
        return Err(LedgerError::NotYourIncome {
            income: income_hash,
            holder,
        }
        .into());
    }
    let earlier = distributions_of(&income.project)?;
    if let Some((distribution, _)) = earlier.iter().find(|(_, d)| d.income == income_hash) {
        return Err(LedgerError::AlreadyDistributed {
            income: income_hash,
            distribution: distribution.clone(),
        }
        .into());
    }
    let equation = equation_in_force(&income.project, cutoff)?;
    let settlements = settle(&income.project, cutoff)?;
    Ok(Plan {
        income_hash,
        income,
        equation,
        cutoff,
        settlements,
        earlier,
    })
}

/// A project's distributions, oldest first: those on the DHT and the caller's own, which
/// the DHT may not show yet.
pub fn distributions_of(project: &ActionHash) -> ExternResult<Vec<(ActionHash, Distribution)>> {
    let links = get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToDistributions)?,
        GetStrategy::default(),
    )?;
    let mine = own_entries(UnitEntryTypes::Distribution.try_into()?)?;
    Ok(with_own(get_targets(links)?, mine, |d: &Distribution| {
        &d.project == project
    }))
}

/// The settlements covering every counted contribution of `project` dated up to `cutoff`.
pub fn settle(project: &ActionHash, cutoff: Timestamp) -> ExternResult<Vec<PlannedSettlement>> {
    let last = Period::of_micros(cutoff.as_micros());
    let mut planned = Vec::new();
    for period in periods_of_project(project.clone())?
        .into_iter()
        .filter(|p| *p <= last)
    {
        let counted = counted_in_period(project, period, cutoff)?;
        if counted.is_empty() {
            continue;
        }
        let wanted: BTreeSet<&ActionHash> = counted.iter().map(|i| &i.contribution).collect();
        let mut covered: BTreeSet<ActionHash> = BTreeSet::new();
        for (hash, existing) in settlements_of(project, period)? {
            let listed: BTreeSet<&ActionHash> =
                existing.items.iter().map(|i| &i.contribution).collect();
            if listed.is_subset(&wanted) && listed.iter().all(|c| !covered.contains(*c)) {
                covered.extend(listed.into_iter().cloned());
                planned.push(PlannedSettlement::Existing(hash, existing));
            }
        }
        let rest: Vec<SettledContribution> = counted
            .into_iter()
            .filter(|i| !covered.contains(&i.contribution))
            .collect();
        for page in rest.chunks(MAX_SETTLED) {
            planned.push(PlannedSettlement::New(Settlement {
                project: project.clone(),
                period,
                items: page.to_vec(),
            }));
        }
    }
    Ok(planned)
}

/// The contributions of one month dated up to `cutoff` that count, with their confirmations,
/// in hash order.
fn counted_in_period(
    project: &ActionHash,
    period: Period,
    cutoff: Timestamp,
) -> ExternResult<Vec<SettledContribution>> {
    let mut counted = Vec::new();
    for record in contributions_in_period(project, period)? {
        let Ok(Some(c)) = record.entry().to_app_option::<Contribution>() else {
            continue;
        };
        if c.when > cutoff {
            continue;
        }
        let hash = record.action_address().clone();
        let report = status_report(hash.clone(), &c)?;
        if report.status.state != ContributionState::Counted {
            continue;
        }
        // Validation named the payee when it accepted the contribution (rule 9).
        let payee = payee_of(&c)?.map_err(LedgerError::Unsettleable)?;
        counted.push(SettledContribution {
            confirmations: report.standing_confirmations(),
            contribution: hash,
            payee,
            contributor: c.contributor,
            kind: c.kind,
            when: c.when,
            corrects: c.corrects,
        });
    }
    counted.sort_by(|a, b| a.contribution.cmp(&b.contribution));
    Ok(counted)
}

/// A project's settlements of one month, oldest first, the caller's own included.
fn settlements_of(
    project: &ActionHash,
    period: Period,
) -> ExternResult<Vec<(ActionHash, Settlement)>> {
    let query = LinkQuery::try_new(project.clone(), LinkTypes::ProjectToSettlements)?
        .tag_prefix(LinkTag::new(period.to_string()));
    let from_dht = get_targets(get_links(query, GetStrategy::default())?)?;
    let mine = own_entries(UnitEntryTypes::Settlement.try_into()?)?;
    Ok(with_own(from_dht, mine, |s: &Settlement| {
        &s.project == project && s.period == period
    }))
}
