//! [`LicenseRequest`]: someone asks to use a licensed resource, saying who the licensee is and
//! what they make with it; the licensor answers with a grant. The request is signed by who
//! asked, so the category a grant must honour is the one the asker declared. Immutable.

use crate::constitution::network_constitution;
use crate::contribution::Contribution;
use crate::license_attachment::attached_terms;
use crate::profile::Profile;
use crate::settlement::confirmers_of;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::license::{LicenseeCategory, Usage};
use ovn_domain::settlement::{check_settlement, Settled};
use ovn_domain::text::{check_optional_text, check_text, MAX_NAME, MAX_PROSE};

/// Who is licensed: a member (by their own Profile), or an outside entity a member asks for.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum Licensee {
    Member { profile: ActionHash },
    Outside { name: String },
}

/// A contribution a for-profit made to the commons, with the confirmations that make it count.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CountedContribution {
    pub contribution: ActionHash,
    pub confirmations: Vec<ActionHash>,
}

/// A licensee category with contributions named by hash and confirmations.
pub type Category = LicenseeCategory<CountedContribution>;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
pub struct LicenseRequest {
    pub resource: ActionHash,
    /// The resource's LicenseAttachment: the license asked for.
    pub attachment: ActionHash,
    pub licensee: Licensee,
    pub category: Category,
    /// What the licensee makes or earns with it: what a fee is computed on.
    pub usage: Usage,
    pub note: String,
}

/// Rules:
/// 1. The attachment is a LicenseAttachment of the resource.
/// 2. A member licensee is the author (their own Profile); an outside entity has a name.
/// 3. The category is well formed; a contributing for-profit is a member licensee whose named
///    contributions (1 to 50) are the author's own, to the resource's project, each confirmed by
///    K distinct other members (K from the constitution): real, counted contributions to this
///    commons.
/// 4. The note is bounded.
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
    match &request.licensee {
        Licensee::Member { profile } => {
            let profile = check!(must_get_app_entry::<Profile>(
                profile,
                UnitEntryTypes::Profile
            )?);
            if profile.author() != &header.author {
                return invalid(format!(
                    "the profile {} is not {}'s: members ask for themselves",
                    profile.record.action_address(),
                    header.author
                ));
            }
        }
        Licensee::Outside { name } => check!(check_text("licensee name", name, MAX_NAME)),
    }
    check!(request.category.check());
    if let LicenseeCategory::ContributingForProfit { contributions } = &request.category {
        if !matches!(request.licensee, Licensee::Member { .. }) {
            return invalid(
                "a contributing for-profit is a member: its contributions are on its own chain",
            );
        }
        let Some(project) = resource.project.as_ref() else {
            return invalid(format!(
                "{} belongs to no project: there is no commons to have contributed to",
                request.resource
            ));
        };
        let mut endorsers = Vec::with_capacity(contributions.len());
        for counted in contributions {
            let c = check!(must_get_app_entry::<Contribution>(
                &counted.contribution,
                UnitEntryTypes::Contribution
            )?);
            if c.entry.contributor != header.author || &c.entry.project != project {
                return invalid(format!(
                    "{} is not {}'s contribution to project {project}",
                    counted.contribution, header.author
                ));
            }
            endorsers.push(check!(confirmers_of(
                &counted.contribution,
                &counted.confirmations
            )?));
        }
        let settled: Vec<Settled<'_, AgentPubKey, ActionHash>> = contributions
            .iter()
            .zip(&endorsers)
            .map(|(counted, endorsers)| Settled {
                contribution: &counted.contribution,
                contributor: &header.author,
                endorsers: endorsers.iter().collect(),
                corrects: None,
            })
            .collect();
        check!(check_settlement(
            &settled,
            network_constitution()?.endorsements_required
        ));
    }
    valid()
}

/// Rules:
/// 1. Requests are never updated: ask again.
pub fn validate_update_license_request() -> ExternResult<ValidateCallbackResult> {
    invalid("license requests cannot be updated: ask again")
}
