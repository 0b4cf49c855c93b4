//! [`Settlement`]: a page of a project's common ledger: up to 2,000 counted contributions of one
//! month, each copied with the confirmations that make it count. Distributions name settlements,
//! never single contributions, so no entry grows with a project's history (see
//! `ovn_domain::ledger::settlement`). Anyone may settle; validity only depends on what it lists.

use crate::accounting::contribution::{payee_of, Contribution};
use crate::accounting::endorsement::Endorsement;
use crate::constitution::network_constitution;
use crate::members::project::Project;
use crate::verdict::{invalid, must_get_app_entry, valid, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::ledger::settlement::{check_settlement, Settled};
use ovn_domain::{ContributionKind, EndorsementKind, Input, Payee, Period};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settlement {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    pub period: Period,
    pub items: Vec<SettledContribution>,
}

/// A counted contribution as copied into a settlement, so that distributions value it without
/// fetching it again.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SettledContribution {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub contribution: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub contributor: AgentPubKey,
    /// Who its share is paid to: the contributor, or for a Cite the cited design's maker.
    #[cfg_attr(
        feature = "ts",
        ts(as = "Payee<ovn_domain::ts::AgentPubKey, ovn_domain::ts::ActionHash>")
    )]
    pub payee: Payee<AgentPubKey, ActionHash>,
    #[cfg_attr(
        feature = "ts",
        ts(as = "ContributionKind<ovn_domain::ts::ActionHash>")
    )]
    pub kind: ContributionKind<ActionHash>,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub when: Timestamp,
    /// The contribution it corrects, copied too: a distribution checks across all its
    /// settlements that no original is paid beside its correction.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub corrects: Option<ActionHash>,
    /// Confirm endorsements of it, by at least K distinct members.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub confirmations: Vec<ActionHash>,
}

impl SettledContribution {
    /// The contribution as `ovn_domain::distribute` takes it.
    pub fn input(&self) -> Input<AgentPubKey, ActionHash, ActionHash> {
        Input {
            id: self.contribution.clone(),
            contributor: self.contributor.clone(),
            payee: self.payee.clone(),
            kind: self.kind.clone(),
            when_micros: self.when.as_micros(),
            corrects: self.corrects.clone(),
        }
    }
}

/// Rules:
/// 1. The project is a Project.
/// 2. Each item copies a Contribution exactly (contributor, kind, date, what it corrects) to
///    this project, dated in this settlement's month, with the payee validation names for it
///    (`crate::accounting::contribution::payee_of`: a citation pays the design's maker).
/// 3. Each listed confirmation is a Confirm Endorsement of that item's contribution.
/// 4. The rules of `ovn_domain::ledger::settlement::check_settlement`: 1..=2,000 distinct items, K
///    distinct confirmations each (K from the constitution), no item beside its correction.
pub fn validate_create_settlement(settlement: &Settlement) -> ExternResult<ValidateCallbackResult> {
    check!(must_get_app_entry::<Project>(
        &settlement.project,
        UnitEntryTypes::Project
    )?);
    let mut fetched = Vec::with_capacity(settlement.items.len());
    for item in &settlement.items {
        let contribution = check!(must_get_app_entry::<Contribution>(
            &item.contribution,
            UnitEntryTypes::Contribution
        )?);
        let c = &contribution.entry;
        if c.project != settlement.project
            || c.contributor != item.contributor
            || c.kind != item.kind
            || c.when != item.when
            || c.corrects != item.corrects
        {
            return invalid(format!(
                "{} is not copied as signed, or belongs to another project",
                item.contribution
            ));
        }
        let payee = check!(payee_of(c)?);
        if payee != item.payee {
            return invalid(format!(
                "{} is paid to {payee}, not to {}: a citation pays the cited design's maker",
                item.contribution, item.payee
            ));
        }
        if c.period() != settlement.period {
            return invalid(format!(
                "{} is dated in {}, not in {}",
                item.contribution,
                c.period(),
                settlement.period
            ));
        }
        fetched.push(Fetched {
            contribution: &item.contribution,
            contributor: &item.contributor,
            corrects: item.corrects.clone(),
            endorsers: confirmers_of(&item.contribution, &item.confirmations)?,
        });
    }
    let fetched = check!(fetched
        .into_iter()
        .map(Fetched::decided)
        .collect::<Result<Vec<_>, String>>());
    check!(check_counted(&fetched)?);
    valid()
}

/// A listed contribution with what validation read for it: what it corrects and the authors of
/// the confirmations listed for it (`E`: still a [`Verdict`] until every one is read).
pub struct Fetched<'a, E = Vec<AgentPubKey>> {
    pub contribution: &'a ActionHash,
    pub contributor: &'a AgentPubKey,
    pub corrects: Option<ActionHash>,
    pub endorsers: E,
}

impl<'a> Fetched<'a, Result<Vec<AgentPubKey>, String>> {
    /// The item, once its confirmations are known to be confirmations of it.
    pub fn decided(self) -> Result<Fetched<'a>, String> {
        Ok(Fetched {
            contribution: self.contribution,
            contributor: self.contributor,
            corrects: self.corrects,
            endorsers: self.endorsers?,
        })
    }
}

/// The rules of [`check_settlement`] over fetched items, with K from the constitution: the one
/// adapter every validator that lists counted contributions (a settlement, a contributing
/// for-profit's license request) goes through.
pub fn check_counted(items: &[Fetched<'_>]) -> ExternResult<Result<(), ovn_domain::DomainError>> {
    let settled: Vec<Settled<'_, AgentPubKey, ActionHash>> = items
        .iter()
        .map(|f| Settled {
            contribution: f.contribution,
            contributor: f.contributor,
            endorsers: f.endorsers.iter().collect(),
            corrects: f.corrects.as_ref(),
        })
        .collect();
    Ok(check_settlement(
        &settled,
        network_constitution()?.endorsements_required,
    ))
}

/// The authors of `confirmations`; `Err` names one that is not a Confirm of `contribution`.
pub fn confirmers_of(
    contribution: &ActionHash,
    confirmations: &[ActionHash],
) -> Verdict<Vec<AgentPubKey>> {
    let mut authors = Vec::with_capacity(confirmations.len());
    for hash in confirmations {
        let e = match must_get_app_entry::<Endorsement>(hash, UnitEntryTypes::Endorsement)? {
            Ok(e) => e,
            Err(reason) => return Ok(Err(reason)),
        };
        if &e.entry.contribution != contribution || e.entry.kind != EndorsementKind::Confirm {
            return Ok(Err(format!(
                "{hash} is not a confirmation of {contribution}"
            )));
        }
        authors.push(e.author().clone());
    }
    Ok(Ok(authors))
}

/// Rules:
/// 1. Settlements are never updated: settle again; distributions name the settlements they used.
pub fn validate_update_settlement() -> ExternResult<ValidateCallbackResult> {
    invalid("settlements cannot be updated: create a new settlement")
}
