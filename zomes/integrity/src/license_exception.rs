//! [`LicenseException`]: a particular case decided for one license request: how its licensee
//! is treated and what they pay. The CBRL leaves "interpretations of the rules, particular
//! cases, and any exceptions" to the commons' elected association; until governance exists, a
//! steward of the licensed resource's project decides ([`may_decide_exceptions`] is the hook
//! a governance decision replaces). Immutable.

use crate::license::steward_of;
use crate::license_request::{Category, LicenseRequest};
use crate::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::contribution::MAX_AMOUNT;
use ovn_domain::license::LicenseeCategory;
use ovn_domain::text::{check_text, MAX_PROSE};
use ovn_domain::DomainError;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
pub struct LicenseException {
    pub request: ActionHash,
    pub category: Category,
    pub fee: u64,
    /// Why: what was decided, and by whom.
    pub reason: String,
}

/// Rules:
/// 1. The request is a LicenseRequest; the reason is non-empty and bounded; the category is
///    well formed and not a contributing for-profit (whose contributions its own request
///    shows); the fee is at most the largest amount.
/// 2. The author may decide exceptions for the requested resource (a steward of its project).
pub fn validate_create_license_exception(
    header: &ActionHeader,
    exception: &LicenseException,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_text("reason", &exception.reason, MAX_PROSE));
    check!(exception.category.check());
    if matches!(
        exception.category,
        LicenseeCategory::ContributingForProfit { .. }
    ) {
        return invalid(
            "an exception cannot make a licensee a contributing for-profit: its request shows its contributions",
        );
    }
    if exception.fee > MAX_AMOUNT {
        check!(Err(DomainError::OutOfBounds {
            field: "fee",
            value: exception.fee,
            max: MAX_AMOUNT,
        }));
    }
    let request = check!(must_get_app_entry::<LicenseRequest>(
        &exception.request,
        UnitEntryTypes::LicenseRequest
    )?);
    let resource = check!(must_get_app_entry::<Resource>(
        &request.entry.resource,
        UnitEntryTypes::Resource
    )?);
    check!(may_decide_exceptions(&resource.entry, &header.author)?);
    valid()
}

/// Who decides a resource's license exceptions: a steward of its project. The hook governance
/// replaces (a decision entry it validates instead).
pub fn may_decide_exceptions(
    resource: &Resource,
    agent: &AgentPubKey,
) -> ExternResult<Result<(), String>> {
    let Some(project) = &resource.project else {
        return Ok(Err(
            "the resource belongs to no project: nobody can decide an exception to its license"
                .into(),
        ));
    };
    Ok(steward_of(project, agent, "decide exceptions to its licenses")?.map(|_| ()))
}

/// Rules:
/// 1. Exceptions are never updated: decide again.
pub fn validate_update_license_exception() -> ExternResult<ValidateCallbackResult> {
    invalid("license exceptions cannot be updated: decide a new one")
}
