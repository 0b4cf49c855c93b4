//! [`IncomeEvent`]: money a project received, recorded by the agent who holds it. Immutable:
//! a distribution refers to exactly what was signed.

use crate::license_grant::LicenseGrant;
use crate::project::Project;
use crate::resource::Resource;
use crate::resource_use::ResourceUse;
use crate::verdict::{earlier_actions, entries_created, invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::contribution::check_date;
use ovn_domain::income::check_income;
use ovn_domain::IncomeSource;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
pub struct IncomeEvent {
    pub project: ActionHash,
    /// In the network currency's minor units.
    pub amount: u64,
    pub source: IncomeSource<ActionHash>,
    pub description: String,
    /// URIs or content hashes of invoices, receipts, bank statements.
    pub evidence: Vec<String>,
    /// When the money arrived.
    pub received: Timestamp,
}

/// Rules (the author is the agent who holds the funds):
/// 1. The amount is positive and bounded; the description and evidence are bounded.
/// 2. It is received from 1970-01-01 to when it was recorded, plus a five-minute clock skew.
/// 3. The project is a Project.
/// 4. A license fee names a LicenseGrant whose fee is the amount, of a resource that names this
///    project (license fees are the income of the project that made the licensed work); its
///    recorder is the grant's author (the licensor collects the fee), once per grant.
/// 5. A use fee names a ResourceUse whose fee is the amount, of a resource that names this
///    project as the one that made or funded it.
pub fn validate_create_income_event(
    header: &ActionHeader,
    income: &IncomeEvent,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_income(
        income.amount,
        &income.description,
        &income.evidence
    ));
    check!(check_date(
        income.received.as_micros(),
        header.timestamp.as_micros()
    ));
    check!(must_get_app_entry::<Project>(
        &income.project,
        UnitEntryTypes::Project
    )?);
    // A fee names what set it: its amount, and a resource of this project.
    let (what, setter, fee, resource) = match &income.source {
        IncomeSource::LicenseFee { grant } => {
            let granted = check!(must_get_app_entry::<LicenseGrant>(
                grant,
                UnitEntryTypes::LicenseGrant
            )?);
            if granted.author() != &header.author {
                return invalid(format!(
                    "only {}, who granted {grant}, records its fee",
                    granted.author()
                ));
            }
            let earlier = earlier_actions(header)?;
            if entries_created::<IncomeEvent>(&earlier, UnitEntryTypes::IncomeEvent)?
                .iter()
                .any(|i| i.source == income.source)
            {
                return invalid(format!("the fee of {grant} was already recorded as income"));
            }
            (
                "license",
                format!("the grant {grant} set"),
                granted.entry.fee,
                granted.entry.resource,
            )
        }
        IncomeSource::UseFee { resource_use } => {
            let usage = check!(must_get_app_entry::<ResourceUse>(
                resource_use,
                UnitEntryTypes::ResourceUse
            )?);
            (
                "use",
                format!("the use {resource_use} paid"),
                usage.entry.fee,
                usage.entry.resource,
            )
        }
        _ => return valid(),
    };
    if fee != income.amount {
        return invalid(format!("{setter} a fee of {fee}, not {}", income.amount));
    }
    let named = check!(must_get_app_entry::<Resource>(
        &resource,
        UnitEntryTypes::Resource
    )?)
    .entry
    .project;
    if named.as_ref() != Some(&income.project) {
        return invalid(format!(
            "the resource {resource} does not belong to the project {}: its {what} fees are not this project's income",
            income.project
        ));
    }
    valid()
}

/// Rules:
/// 1. Income is never updated: distributions refer to what was signed.
pub fn validate_update_income_event() -> ExternResult<ValidateCallbackResult> {
    invalid("income events cannot be updated: record the difference as a new income")
}
