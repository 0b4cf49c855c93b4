//! Recording a project's income, and listing it with what became of it.

use crate::LedgerError;
use hdk::prelude::*;
use ovn_domain::contribution::check_date;
use ovn_domain::income::check_income;
use ovn_domain::IncomeSource;
use ovn_integrity::{EntryTypes, IncomeEvent, LinkTypes, Project, Resource, ResourceUse};
use ovn_zome_support::records::{committed, get_entry, get_targets};

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct RecordIncomeInput {
    pub project: ActionHash,
    /// In the network currency's minor units.
    pub amount: u64,
    pub source: IncomeSource<ActionHash>,
    pub description: String,
    pub evidence: Vec<String>,
    /// When the money arrived; now if not given.
    pub received: Option<Timestamp>,
}

/// Records income the caller received for a project (the caller holds the funds).
#[hdk_extern]
pub fn record_income(input: RecordIncomeInput) -> ExternResult<Record> {
    let now = sys_time()?;
    let received = input.received.unwrap_or(now);
    check_income(input.amount, &input.description, &input.evidence).map_err(LedgerError::from)?;
    check_date(received.as_micros(), now.as_micros()).map_err(LedgerError::from)?;
    if !matches!(get_entry::<Project>(&input.project)?, Some(Ok(_))) {
        return Err(LedgerError::ProjectNotFound(input.project).into());
    }
    if let IncomeSource::UseFee { resource_use } = &input.source {
        check_use_fee(resource_use, input.amount, &input.project)?;
    }
    let income = IncomeEvent {
        project: input.project.clone(),
        amount: input.amount,
        source: input.source,
        description: input.description,
        evidence: input.evidence,
        received,
    };
    let hash = create_entry(EntryTypes::IncomeEvent(income))?;
    create_link(
        input.project,
        hash.clone(),
        LinkTypes::ProjectToIncomeEvents,
        (),
    )?;
    committed(hash)
}

/// A use fee is the use's fee exactly, and income of the project its resource names.
fn check_use_fee(resource_use: &ActionHash, amount: u64, project: &ActionHash) -> ExternResult<()> {
    let Some(Ok((_, usage))) = get_entry::<ResourceUse>(resource_use)? else {
        return Err(LedgerError::UseNotFound(resource_use.clone()).into());
    };
    if usage.fee != amount {
        return Err(LedgerError::UseFeeMismatch {
            resource_use: resource_use.clone(),
            fee: usage.fee,
        }
        .into());
    }
    let belongs_to = match get_entry::<Resource>(&usage.resource)? {
        Some(Ok((_, resource))) => resource.project,
        _ => None,
    };
    if belongs_to.as_ref() != Some(project) {
        return Err(LedgerError::NotTheResourcesProject {
            resource_use: resource_use.clone(),
            project: project.clone(),
            belongs_to,
        }
        .into());
    }
    Ok(())
}

/// A project's income, oldest first.
#[hdk_extern]
pub fn get_incomes_for_project(project: ActionHash) -> ExternResult<Vec<Record>> {
    get_targets(get_links(
        LinkQuery::try_new(project, LinkTypes::ProjectToIncomeEvents)?,
        GetStrategy::default(),
    )?)
}
