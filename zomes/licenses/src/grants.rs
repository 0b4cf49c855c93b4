//! Asking for a license (seeing what one would owe), granting it, and reading a resource's
//! requests and grants.

use crate::catalogue::{license_of, must_find_resource};
use crate::LicensesError;
use hdk::prelude::*;
use ovn_domain::accounting::endorsement::ContributionState;
use ovn_domain::licenses::{
    check_claimant, check_exception_for, check_own_contribution, license_fee, LicenseeCategory,
    Usage,
};
use ovn_domain::text::{check_optional_text, check_text, MAX_ITEMS, MAX_NAME, MAX_PROSE};
use ovn_integrity::constitution::network_constitution;
use ovn_integrity::ledger::settlement::{check_counted, Fetched};
use ovn_integrity::{
    Category, Contribution, CountedContribution, EntryTypes, LicenseException, LicenseGrant,
    LicenseRequest, Licensee, LinkTypes, Resource, UnitEntryTypes,
};
use ovn_zome_support::governance::check_stands;
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::{must_be_steward, my_profile_creation};
use ovn_zome_support::records::{
    committed, get_targets, listed, must_read, must_read_decision, own_entries, with_own,
};
use ovn_zome_support::status::status_report;

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequestLicenseInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    /// An outside entity the caller asks for, by name; the caller themselves when not given.
    #[serde(default)]
    pub outside_licensee: Option<String>,
    /// A contributing for-profit names its contributions by hash; their confirmations are read
    /// from the DHT and must make them count.
    #[cfg_attr(
        feature = "ts",
        ts(as = "LicenseeCategory<ovn_domain::ts::ActionHash>")
    )]
    pub category: LicenseeCategory<ActionHash>,
    #[serde(default)]
    pub usage: Usage,
    #[serde(default)]
    pub note: String,
}

/// A request made, and what the license's rule says the licensee owes.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequestedLicense {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Record"))]
    pub request: Record,
    pub owes: bool,
    pub fee: u64,
}

/// Asks for a license to use a resource, for the caller or an outside entity; the licensor
/// sees it with `get_license_requests` and answers with `grant_license`.
#[hdk_extern]
pub fn request_license(input: Input) -> ExternResult<RequestedLicense> {
    let input: RequestLicenseInput = input.decode()?;
    check_optional_text("note", &input.note, MAX_PROSE).map_err(LicensesError::from)?;
    input.category.check().map_err(LicensesError::from)?;
    let (_, resource) = must_find_resource(&input.resource)?;
    let license =
        license_of(&input.resource)?.ok_or(LicensesError::Unlicensed(input.resource.clone()))?;
    let me = agent_info()?.agent_initial_pubkey;
    let profile = my_profile_creation()?.ok_or(LicensesError::NoProfile { agent: me.clone() })?;
    let licensee = match input.outside_licensee {
        Some(name) => {
            check_text("licensee name", &name, MAX_NAME).map_err(LicensesError::from)?;
            Licensee::Outside { name }
        }
        None => Licensee::Requester,
    };
    let category = counted(
        input.category,
        &me,
        &input.resource,
        resource.project.as_ref(),
        &licensee,
    )?;
    let fee = license_fee(&license.terms, &category, input.usage).map_err(LicensesError::from)?;
    let owes = license.terms.owes(&category);
    let request = LicenseRequest {
        resource: input.resource.clone(),
        attachment: license.attachment,
        requester_profile: profile,
        licensee,
        category,
        usage: input.usage,
        note: input.note,
    };
    let hash = create_entry(EntryTypes::LicenseRequest(request))?;
    create_link(
        input.resource,
        hash.clone(),
        LinkTypes::ResourceToLicenseRequests,
        (),
    )?;
    Ok(RequestedLicense {
        request: committed(hash)?,
        owes,
        fee,
    })
}

/// The category with each named contribution shown to count, checked by the rules validators
/// apply: the claim's (`check_claimant`, `check_own_contribution`) and the settlement adapter
/// `check_counted` over the standing confirmations listed (at most [`MAX_ITEMS`] each, as the
/// validator allows). A disputed contribution is refused too: it does not count for its status.
fn counted(
    category: LicenseeCategory<ActionHash>,
    me: &AgentPubKey,
    resource: &ActionHash,
    project: Option<&ActionHash>,
    licensee: &Licensee,
) -> ExternResult<Category> {
    let contributions = match category {
        LicenseeCategory::ContributingForProfit { contributions } => contributions,
        // Names no contributions: the mapping is never called.
        other => {
            return other.try_map(|hash| Err(LicensesError::ContributionNotFound(hash).into()))
        }
    };
    let project = check_claimant(licensee == &Licensee::Requester, resource, project)
        .map_err(LicensesError::from)?;
    let mut claimed = Vec::with_capacity(contributions.len());
    for hash in &contributions {
        claimed.push(standing_of(hash, me, project)?);
    }
    let fetched: Vec<Fetched<'_>> = contributions
        .iter()
        .zip(&claimed)
        .map(|(hash, (corrects, standing))| Fetched {
            contribution: hash,
            contributor: me,
            corrects: corrects.clone(),
            endorsers: standing.iter().map(|(agent, _)| agent.clone()).collect(),
        })
        .collect();
    check_counted(&fetched)?.map_err(LicensesError::from)?;
    Ok(LicenseeCategory::ContributingForProfit {
        contributions: contributions
            .into_iter()
            .zip(claimed)
            .map(|(contribution, (_, standing))| CountedContribution {
                contribution,
                confirmations: standing.into_iter().map(|(_, hash)| hash).collect(),
            })
            .collect(),
    })
}

/// What a named contribution corrects, and its standing confirmations with their endorsers
/// (at most [`MAX_ITEMS`]): the caller's own contribution to `project`, counted.
type Standing = (Option<ActionHash>, Vec<(AgentPubKey, ActionHash)>);

fn standing_of(
    hash: &ActionHash,
    me: &AgentPubKey,
    project: &ActionHash,
) -> ExternResult<Standing> {
    let (_, c) = must_read::<Contribution>(hash)?;
    check_own_contribution(hash, (&c.contributor, &c.project), me, project)
        .map_err(LicensesError::from)?;
    let report = status_report(hash.clone(), &c)?;
    if report.status.state != ContributionState::Counted {
        return Err(LicensesError::NotCounted {
            contribution: hash.clone(),
            confirmations: report.status.confirmations,
            required: network_constitution()?.endorsements_required,
        }
        .into());
    }
    let mut standing = report.standing();
    standing.truncate(MAX_ITEMS);
    Ok((c.corrects, standing))
}

/// The license requests for a resource, oldest first.
#[hdk_extern]
pub fn get_license_requests(resource: Input) -> ExternResult<Vec<Record>> {
    let resource: ActionHash = resource.decode()?;
    let found = get_targets(get_links(
        LinkQuery::try_new(resource.clone(), LinkTypes::ResourceToLicenseRequests)?,
        GetStrategy::default(),
    )?)?;
    listed::<Resource, _>(&resource, found)
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GrantLicenseInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub request: ActionHash,
    /// An exception decided for this request, when the grant departs from the rule.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub exception: Option<ActionHash>,
}

/// Grants a request: the category asked for and the fee the license's rule computes, or what
/// the named exception decided. The licensor (who attached the license, or a steward of the
/// resource's project) grants.
#[hdk_extern]
pub fn grant_license(input: Input) -> ExternResult<Record> {
    let input: GrantLicenseInput = input.decode()?;
    let request = must_find_request(&input.request)?;
    let (_, resource) = must_find_resource(&request.resource)?;
    let license = license_of(&request.resource)?
        .filter(|l| l.attachment == request.attachment)
        .ok_or(LicensesError::Unlicensed(request.resource.clone()))?;
    let me = agent_info()?.agent_initial_pubkey;
    let steward = match &resource.project {
        Some(project) => must_be_steward(project, "grant licenses for its resources")?.ok(),
        None => None,
    };
    if license.licensor != me && steward.is_none() {
        return Err(LicensesError::NotLicensor {
            agent: me,
            resource: request.resource,
        }
        .into());
    }
    if let Some((grant, _)) = grants_of(&request.resource)?
        .into_iter()
        .find(|(_, g)| g.request == input.request)
    {
        return Err(LicensesError::AlreadyGranted {
            request: input.request,
            grant,
        }
        .into());
    }
    let (category, fee) = match &input.exception {
        Some(hash) => decided_for(hash, &input.request)?,
        None => (
            request.category.clone(),
            license_fee(&license.terms, &request.category, request.usage)
                .map_err(LicensesError::from)?,
        ),
    };
    let grant = LicenseGrant {
        request: input.request,
        resource: request.resource.clone(),
        licensee: request.licensee,
        category,
        terms: license.terms,
        usage: request.usage,
        fee,
        exception: input.exception,
        // Who attached the license grants as such; only a steward acts under a version.
        project_version: steward
            .filter(|_| license.licensor != me)
            .and_then(|s| s.version),
    };
    let hash = create_entry(EntryTypes::LicenseGrant(grant))?;
    create_link(
        request.resource,
        hash.clone(),
        LinkTypes::ResourceToLicenseGrants,
        (),
    )?;
    committed(hash)
}

/// The category and fee the exception at `hash` decided for `request`.
fn decided_for(hash: &ActionHash, request: &ActionHash) -> ExternResult<(Category, u64)> {
    let (_, decided) = must_read::<LicenseException>(hash)?;
    check_exception_for(hash, &decided.request, request).map_err(LicensesError::from)?;
    // Decided by a decision: only one that stands and left nothing out (the audit would report
    // a grant under another).
    if let Some(decision) = &decided.decision {
        check_stands(&must_read_decision(decision)?)?.map_err(LicensesError::NotStanding)?;
    }
    Ok((decided.category, decided.fee))
}

/// The grants of a resource, oldest first.
#[hdk_extern]
pub fn get_grants_for_resource(resource: Input) -> ExternResult<Vec<Record>> {
    let resource: ActionHash = resource.decode()?;
    let found = get_targets(get_links(
        LinkQuery::try_new(resource.clone(), LinkTypes::ResourceToLicenseGrants)?,
        GetStrategy::default(),
    )?)?;
    listed::<Resource, _>(&resource, found)
}

/// A resource's grants, the caller's own included before the DHT shows them.
fn grants_of(resource: &ActionHash) -> ExternResult<Vec<(ActionHash, LicenseGrant)>> {
    let links = get_links(
        LinkQuery::try_new(resource.clone(), LinkTypes::ResourceToLicenseGrants)?,
        GetStrategy::default(),
    )?;
    let mine = own_entries(UnitEntryTypes::LicenseGrant.try_into()?)?;
    Ok(with_own(get_targets(links)?, mine, |g: &LicenseGrant| {
        &g.resource == resource
    }))
}

/// The request at `hash`, or a typed error.
fn must_find_request(hash: &ActionHash) -> ExternResult<LicenseRequest> {
    Ok(must_read::<LicenseRequest>(hash)?.1)
}
