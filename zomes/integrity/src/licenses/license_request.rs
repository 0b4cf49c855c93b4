//! [`LicenseRequest`]: someone asks to use a licensed resource, saying who the licensee is and
//! what they make with it; the licensor answers with a grant. The request is signed by who
//! asked, so the category a grant must honour is the one the asker declared. Immutable.
//!
//! The asker is a member, naming their own Profile, who asks for themselves
//! ([`Licensee::Requester`]) or for an outside entity by name ([`Licensee::Outside`]), with the
//! category and usage. A contributing for-profit asks for itself and names its own
//! contributions to the resource's project, each with K confirmations by distinct others: the
//! settlement rule, so only real, counted contributions exempt it.

use crate::accounting::contribution::Contribution;
use crate::ledger::settlement::{check_counted, confirmers_of, Fetched};
use crate::licenses::license_attachment::attached_terms;
use crate::members::profile::own_profile;
use crate::resources::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::licenses::{
    check_claimant, check_own_contribution, license_fee, LicenseeCategory, Usage,
};
use ovn_domain::text::{check_count, check_optional_text, check_text, MAX_NAME, MAX_PROSE};

/// Who is licensed: the member who asks, or an outside entity they ask for.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Licensee {
    Requester,
    Outside { name: String },
}

/// A contribution a for-profit made to the commons, with the confirmations that make it count.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CountedContribution {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub contribution: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub confirmations: Vec<ActionHash>,
}

/// A licensee category with contributions named by hash and confirmations.
pub type Category = LicenseeCategory<CountedContribution>;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LicenseRequest {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    /// The resource's LicenseAttachment: the license asked for.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub attachment: ActionHash,
    /// The asker's own Profile: only members ask.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub requester_profile: ActionHash,
    pub licensee: Licensee,
    pub category: Category,
    /// What the licensee makes or earns with it: what a fee is computed on.
    pub usage: Usage,
    pub note: String,
}

/// Rules:
/// 1. The attachment is a LicenseAttachment of the resource.
/// 2. The asker is a member (`requester_profile` is their own Profile); an outside entity has
///    a name.
/// 3. The category is well formed, the usage at most `MAX_AMOUNT` units and revenue, and the
///    fee it would owe is computable (no overflow): [`license_fee`].
/// 4. A contributing for-profit is the requester, whose named contributions (1 to 50, distinct,
///    none beside its correction) are their own, to the resource's project, each with at most
///    50 listed confirmations of which K are by distinct other members (K from the
///    constitution): real, counted contributions to this commons.
/// 5. The note is bounded.
pub fn validate_create_license_request(
    header: &ActionHeader,
    request: &LicenseRequest,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_optional_text("note", &request.note, MAX_PROSE));
    let attached = check!(attached_terms(&request.attachment)?);
    if attached.attachment.entry.resource != request.resource {
        return invalid(format!(
            "{} is the license of {}, not of {}",
            request.attachment, attached.attachment.entry.resource, request.resource
        ));
    }
    let resource = attached.resource;
    check!(own_profile(
        &request.requester_profile,
        &header.author,
        ": members ask in their own name"
    )?);
    if let Licensee::Outside { name } = &request.licensee {
        check!(check_text("licensee name", name, MAX_NAME));
    }
    check!(license_fee(
        &attached.terms,
        &request.category,
        request.usage
    ));
    if let LicenseeCategory::ContributingForProfit { contributions } = &request.category {
        return validate_contribution_claim(header, request, contributions, &resource);
    }
    valid()
}

/// Rule 4: a contributing for-profit's own counted contributions to the resource's project.
fn validate_contribution_claim(
    header: &ActionHeader,
    request: &LicenseRequest,
    contributions: &[CountedContribution],
    resource: &Resource,
) -> ExternResult<ValidateCallbackResult> {
    let project = check!(check_claimant(
        request.licensee == Licensee::Requester,
        &request.resource,
        resource.project.as_ref()
    ));
    let mut fetched = Vec::with_capacity(contributions.len());
    for counted in contributions {
        check!(check_count("confirmations", counted.confirmations.len()));
        let c = check!(must_get_app_entry::<Contribution>(
            &counted.contribution,
            UnitEntryTypes::Contribution
        )?);
        check!(check_own_contribution(
            &counted.contribution,
            (&c.entry.contributor, &c.entry.project),
            &header.author,
            project
        ));
        fetched.push(Fetched {
            contribution: &counted.contribution,
            contributor: &header.author,
            corrects: c.entry.corrects,
            endorsers: check!(confirmers_of(
                &counted.contribution,
                &counted.confirmations
            )?),
        });
    }
    check!(check_counted(&fetched)?);
    valid()
}

/// Rules:
/// 1. Requests are never updated: ask again.
pub fn validate_update_license_request() -> ExternResult<ValidateCallbackResult> {
    invalid("license requests cannot be updated: ask again")
}
