//! [`LicenseException`]: a particular case decided for one license request: how its licensee
//! is treated and what they pay. The CBRL leaves "interpretations of the rules, particular
//! cases, and any exceptions" to the commons' elected association: where the network's
//! decisions bind, an exception carries out a passed decision of the resource's project
//! (`ovn_domain::governance::binding`); elsewhere a steward of that project may decide alone.
//! Immutable.

use crate::governance::binding::authority_of;
use crate::governance::proposal::Change;
use crate::licenses::license_request::{Category, LicenseRequest};
use crate::members::project::steward_of;
use crate::resources::resource::Resource;
use crate::verdict::{fetched_app_entry, invalid, must_get, valid, Fetch, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::binding::{Authority, Made};
use ovn_domain::licenses::{check_exception, deciding_project};
use ovn_domain::text::{check_text, MAX_PROSE};
use ovn_domain::DomainError;

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
    /// The passed Decision deciding exactly this exception; `None` only where the network lets
    /// stewards decide alone (`decisions_bind: false`).
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
    /// Where it is a steward's act, the project's version whose stewards it acts under (the
    /// one in force when it is made); `None`: the project as created, or not a steward's act.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project_version: Option<ActionHash>,
}

impl LicenseException {
    /// The change a proposal makes to decide exactly this exception.
    pub fn as_change(&self) -> Change {
        Change::Exception {
            request: self.request.clone(),
            category: self.category.clone(),
            fee: self.fee,
            reason: self.reason.clone(),
        }
    }
}

/// An exception's terms as they show without reading anything (rule 1): a reason, a
/// well-formed category that is not a contributing for-profit, a fee at most the largest
/// amount.
pub fn check_terms(category: &Category, fee: u64, reason: &str) -> Result<(), DomainError> {
    check_text("reason", reason, MAX_PROSE)?;
    category.check()?;
    check_exception(category, fee)
}

/// Rules:
/// 1. The request is a LicenseRequest; the reason is non-empty and bounded; the category is
///    well formed and not a contributing for-profit (whose contributions its own request
///    shows); the fee is at most the largest amount.
/// 2. It is decided on a passed decision's authority (`ovn_domain::governance::binding`): the
///    named Decision passed, on a proposal of the requested resource's project to decide
///    exactly this exception; it is dated no earlier than the decision. Without one, only
///    where the network's decisions do not bind, and then the author stewards that project.
pub fn validate_create_license_exception(
    header: &ActionHeader,
    exception: &LicenseException,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_terms(
        &exception.category,
        exception.fee,
        &exception.reason
    ));
    let project = check!(exception_project(&exception.request, &must_get)?);
    let made = Made {
        project: &project,
        change: &exception.as_change(),
        replaces: None,
        at: header.timestamp.as_micros(),
    };
    let authority = check!(authority_of(
        "license exception",
        &made,
        exception.decision.as_ref()
    )?);
    if authority == Authority::Stewards {
        check!(steward_of(
            &project,
            exception.project_version.as_ref(),
            &header.author,
            "decide exceptions to its licenses"
        )?);
    }
    valid()
}

/// The project that decides `request`'s exceptions: its resource's, reading with `fetch`
/// (`verdict::must_get` in validation, a network get in a coordinator).
pub fn exception_project(request: &ActionHash, fetch: Fetch) -> Verdict<ActionHash> {
    let unit = UnitEntryTypes::LicenseRequest;
    let request = match fetched_app_entry::<LicenseRequest>(request, fetch(request)?, unit)? {
        Ok(request) => request.entry,
        Err(why) => return Ok(Err(why)),
    };
    let hash = &request.resource;
    let unit = UnitEntryTypes::Resource;
    let resource = match fetched_app_entry::<Resource>(hash, fetch(hash)?, unit)? {
        Ok(resource) => resource.entry,
        Err(why) => return Ok(Err(why)),
    };
    Ok(deciding_project(hash, resource.project.as_ref())
        .cloned()
        .map_err(|e| e.to_string()))
}

/// Rules:
/// 1. Exceptions are never updated: decide again.
pub fn validate_update_license_exception() -> ExternResult<ValidateCallbackResult> {
    invalid("license exceptions cannot be updated: decide a new one")
}
