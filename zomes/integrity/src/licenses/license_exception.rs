//! [`LicenseException`]: a particular case decided for one license request: how its licensee
//! is treated and what they pay. The CBRL leaves "interpretations of the rules, particular
//! cases, and any exceptions" to the commons' elected association; until governance exists, a
//! steward of the licensed resource's project decides ([`may_decide_exceptions`] is the hook
//! a governance decision replaces). Immutable.

use crate::licenses::license_request::{Category, LicenseRequest};
use crate::members::project::steward_of;
use crate::resources::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::licenses::{check_exception, deciding_project};
use ovn_domain::text::{check_text, MAX_PROSE};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LicenseException {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
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
    check!(check_exception(&exception.category, exception.fee));
    let request = check!(must_get_app_entry::<LicenseRequest>(
        &exception.request,
        UnitEntryTypes::LicenseRequest
    )?);
    let resource = check!(must_get_app_entry::<Resource>(
        &request.entry.resource,
        UnitEntryTypes::Resource
    )?);
    check!(may_decide_exceptions(
        &request.entry.resource,
        &resource.entry,
        &header.author
    )?);
    valid()
}

/// Who decides a resource's license exceptions: a steward of its project. The hook governance
/// replaces (a decision entry it validates instead).
pub fn may_decide_exceptions(
    resource_hash: &ActionHash,
    resource: &Resource,
    agent: &AgentPubKey,
) -> Verdict<()> {
    let project = match deciding_project(resource_hash, resource.project.as_ref()) {
        Ok(p) => p,
        Err(e) => return Ok(Err(e.to_string())),
    };
    Ok(steward_of(project, agent, "decide exceptions to its licenses")?.map(|_| ()))
}

/// Rules:
/// 1. Exceptions are never updated: decide again.
pub fn validate_update_license_exception() -> ExternResult<ValidateCallbackResult> {
    invalid("license exceptions cannot be updated: decide a new one")
}
