//! [`Settlement`]: a page of a project's common ledger: up to 2,000 counted contributions of one
//! month, each copied with the confirmations that make it count. Distributions name settlements,
//! never single contributions, so no entry grows with a project's history (see
//! `ovn_domain::settlement`). Anyone may settle; validity only depends on what it lists.

use crate::constitution::network_constitution;
use crate::contribution::Contribution;
use crate::endorsement::Endorsement;
use crate::project::Project;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::settlement::{check_settlement, Settled};
use ovn_domain::{ContributionKind, EndorsementKind, Input, Period};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
pub struct Settlement {
    pub project: ActionHash,
    pub period: Period,
    pub items: Vec<SettledContribution>,
}

/// A counted contribution as copied into a settlement, so that distributions value it without
/// fetching it again.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SettledContribution {
    pub contribution: ActionHash,
    pub contributor: AgentPubKey,
    pub kind: ContributionKind<ActionHash>,
    pub when: Timestamp,
    /// Confirm endorsements of it, by at least K distinct members.
    pub confirmations: Vec<ActionHash>,
}

impl SettledContribution {
    /// The contribution as `ovn_domain::distribute` takes it.
    pub fn input(&self) -> Input<AgentPubKey, ActionHash, ActionHash> {
        Input {
            id: self.contribution.clone(),
            contributor: self.contributor.clone(),
            kind: self.kind.clone(),
            when_micros: self.when.as_micros(),
        }
    }
}

/// Rules:
/// 1. The project is a Project.
/// 2. Each item copies a Contribution exactly (contributor, kind, date) to this project, dated
///    in this settlement's month.
/// 3. Each listed confirmation is a Confirm Endorsement of that item's contribution.
/// 4. The rules of `ovn_domain::settlement::check_settlement`: 1..=2,000 distinct items, K
///    distinct confirmations each (K from the constitution), no item beside its correction.
pub fn validate_create_settlement(settlement: &Settlement) -> ExternResult<ValidateCallbackResult> {
    check!(must_get_app_entry::<Project>(
        &settlement.project,
        UnitEntryTypes::Project
    )?);
    let mut endorsers = Vec::with_capacity(settlement.items.len());
    let mut corrects = Vec::with_capacity(settlement.items.len());
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
        {
            return invalid(format!(
                "{} is not copied as signed, or belongs to another project",
                item.contribution
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
        corrects.push(c.corrects.clone());
        endorsers.push(confirmers(item)?);
    }
    let endorsers = check!(endorsers.into_iter().collect::<Result<Vec<_>, String>>());
    let settled: Vec<Settled<'_, AgentPubKey, ActionHash>> = settlement
        .items
        .iter()
        .zip(&endorsers)
        .zip(&corrects)
        .map(|((item, endorsers), corrects)| Settled {
            contribution: &item.contribution,
            contributor: &item.contributor,
            endorsers: endorsers.iter().collect(),
            corrects: corrects.as_ref(),
        })
        .collect();
    check!(check_settlement(
        &settled,
        network_constitution()?.endorsements_required
    ));
    valid()
}

/// The authors of an item's confirmations; `Err` names one that is not a Confirm of it.
fn confirmers(item: &SettledContribution) -> ExternResult<Result<Vec<AgentPubKey>, String>> {
    confirmers_of(&item.contribution, &item.confirmations)
}

/// The authors of `confirmations`; `Err` names one that is not a Confirm of `contribution`.
pub fn confirmers_of(
    contribution: &ActionHash,
    confirmations: &[ActionHash],
) -> ExternResult<Result<Vec<AgentPubKey>, String>> {
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
