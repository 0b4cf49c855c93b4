//! [`LicenseGrant`]: the licensor grants a request, under the terms the resource carries, with
//! the fee the license's rule computes for the licensee's category. A paid fee is recorded as
//! an IncomeEvent naming the grant. Immutable.
//!
//! The licensor is who attached the license, or a steward of the resource's project. The grant
//! copies the request, the terms and the fee: without an exception, the category asked for
//! and `license_fee` of it; with one, what the [`LicenseException`] decided for that request.
//! A request is granted once by its grantor (a scan of the grantor's chain). The fee, once
//! paid, is income of the resource's project, recorded once by the grantor
//! ([`crate::ledger::income_event`]).

use crate::licenses::license_attachment::attached_terms;
use crate::licenses::license_exception::LicenseException;
use crate::licenses::license_request::{Category, LicenseRequest, Licensee};
use crate::members::project::steward_of;
use crate::resources::resource::Resource;
use crate::verdict::{
    earlier_actions, entries_created, invalid, must_get_app_entry, valid, Verdict,
};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::licenses::{check_exception_for, check_grant, Exception, LicenseTerms, Usage};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LicenseGrant {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub request: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    pub licensee: Licensee,
    pub category: Category,
    /// The terms granted: those of the license the resource carries.
    pub terms: LicenseTerms,
    pub usage: Usage,
    /// The fee due, in minor units of the network currency.
    pub fee: u64,
    /// A LicenseException decided for this request, when the grant departs from the rule.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub exception: Option<ActionHash>,
    /// Where it is a steward's act, the project's version whose stewards it acts under (the
    /// one in force when it is made); `None`: the project as created, or not a steward's act.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project_version: Option<ActionHash>,
}

/// Rules:
/// 1. The request is a LicenseRequest; the resource, licensee and usage are the request's.
/// 2. The terms are those of the license the request names.
/// 3. The author is the licensor: the one who attached the license, or a steward of the
///    resource's project.
/// 4. Without an exception the category is the one asked for and the fee is
///    `ovn_domain::licenses::license_fee` of it; with an exception (a LicenseException of this
///    request) both are what it decided.
/// 5. A request is granted once: no earlier grant of it on the author's chain.
pub fn validate_create_license_grant(
    header: &ActionHeader,
    grant: &LicenseGrant,
) -> ExternResult<ValidateCallbackResult> {
    let request = check!(must_get_app_entry::<LicenseRequest>(
        &grant.request,
        UnitEntryTypes::LicenseRequest
    )?)
    .entry;
    if request.resource != grant.resource
        || request.licensee != grant.licensee
        || request.usage != grant.usage
    {
        return invalid(format!(
            "the grant's resource, licensee and usage must be those of the request {}",
            grant.request
        ));
    }
    let attached = check!(attached_terms(&request.attachment)?);
    let (attachment, terms, resource) = (attached.attachment, attached.terms, attached.resource);
    if terms != grant.terms {
        return invalid(format!(
            "the terms granted are not those of the license {} carries",
            grant.resource
        ));
    }
    if attachment.author() != &header.author {
        check!(steward_licensor(
            &header.author,
            attachment.author(),
            grant,
            &resource
        )?);
    }
    let exception = check!(exception_of(grant)?);
    check!(check_grant(
        &terms,
        &request.category,
        request.usage,
        &grant.category,
        grant.fee,
        exception.as_ref().map(|e| Exception {
            category: &e.category,
            fee: e.fee,
        }),
    ));
    let earlier = earlier_actions(header)?;
    if entries_created::<LicenseGrant>(&earlier, UnitEntryTypes::LicenseGrant)?
        .iter()
        .any(|g| g.request == grant.request)
    {
        return invalid(format!(
            "the request {} was already granted: a request is granted once",
            grant.request
        ));
    }
    valid()
}

/// Rule 3 for a grantor who did not attach the license: a steward of the resource's project.
fn steward_licensor(
    author: &AgentPubKey,
    attacher: &AgentPubKey,
    grant: &LicenseGrant,
    resource: &Resource,
) -> Verdict<()> {
    let Some(project) = &resource.project else {
        return Ok(Err(format!(
            "only {attacher} who attached the license grants it"
        )));
    };
    let version = grant.project_version.as_ref();
    steward_of(project, version, author, "grant licenses for its resources")
}

/// The exception a grant names (rule 4), decided for its request.
fn exception_of(grant: &LicenseGrant) -> Verdict<Option<LicenseException>> {
    let Some(hash) = &grant.exception else {
        return Ok(Ok(None));
    };
    let decided =
        match must_get_app_entry::<LicenseException>(hash, UnitEntryTypes::LicenseException)? {
            Ok(d) => d.entry,
            Err(e) => return Ok(Err(e)),
        };
    Ok(check_exception_for(hash, &decided.request, &grant.request)
        .map(|()| Some(decided))
        .map_err(|e| e.to_string()))
}

/// Rules:
/// 1. Grants are never updated: a fee paid refers to the grant as signed.
pub fn validate_update_license_grant() -> ExternResult<ValidateCallbackResult> {
    invalid("license grants cannot be updated: grant again")
}
