//! Licenses: the network's catalogue (DNA properties) and those projects add; attaching one to
//! a resource; what a licensee of a given category would owe under it.

use crate::LicensesError;
use hdk::prelude::*;
use ovn_domain::licenses::{
    catalogue_license, check_derivative, check_license_project, check_project_license_name,
    check_sources, license_fee, CatalogueLicense, LicenseTerms, LicenseeCategory, Usage,
};
use ovn_domain::text::{check_count, check_text, MAX_NAME};
use ovn_integrity::constitution::network_constitution;
use ovn_integrity::{
    EntryTypes, License, LicenseAttachment, LicenseRef, LinkTypes, Project, Resource,
    UnitEntryTypes,
};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::must_be_steward;
use ovn_zome_support::records::{committed, get_targets, listed, must_read, own_entries, with_own};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreateLicenseInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    pub name: String,
    pub terms: LicenseTerms,
}

/// Adds a license to a project's catalogue. Stewards only; its resources may then carry it.
#[hdk_extern]
pub fn create_license(input: Input) -> ExternResult<Record> {
    let input: CreateLicenseInput = input.decode()?;
    check_text("name", &input.name, MAX_NAME).map_err(LicensesError::from)?;
    input.terms.check().map_err(LicensesError::from)?;
    check_project_license_name(&network_constitution()?.licenses, &input.name)
        .map_err(LicensesError::from)?;
    let steward = must_be_steward(&input.project, "add its licenses")?;
    let project_version = steward.map_err(LicensesError::from)?.version;
    let hash = create_entry(EntryTypes::License(License {
        name: input.name,
        project: input.project.clone(),
        terms: input.terms,
        project_version,
    }))?;
    create_link(
        input.project,
        hash.clone(),
        LinkTypes::ProjectToLicenses,
        (),
    )?;
    committed(hash)
}

/// The licenses a resource may carry: the network's catalogue, and a project's own.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LicenseCatalogue {
    pub network: Vec<CatalogueLicense>,
    #[cfg_attr(feature = "ts", ts(as = "Vec<(ovn_domain::ts::ActionHash, License)>"))]
    pub project: Vec<(ActionHash, License)>,
}

/// The network's catalogue, and `project`'s licenses when one is named.
#[hdk_extern]
pub fn get_license_catalogue(project: Input) -> ExternResult<LicenseCatalogue> {
    let project: Option<ActionHash> = project.decode()?;
    let network = network_constitution()?.licenses;
    let Some(project) = project else {
        return Ok(LicenseCatalogue {
            network,
            project: vec![],
        });
    };
    let links = get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToLicenses)?,
        GetStrategy::default(),
    )?;
    let mine = own_entries(UnitEntryTypes::License.try_into()?)?;
    let found = with_own(get_targets(links)?, mine, |l: &License| {
        l.project == project
    });
    Ok(LicenseCatalogue {
        network,
        project: listed::<Project, _>(&project, found)?,
    })
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AttachLicenseInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    pub license: LicenseRef,
    /// The resources this one derives from (the designs it cites); each must carry a license.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub derives_from: Vec<ActionHash>,
}

/// Attaches a license to the caller's resource, once. A derivative of a share-alike work must
/// carry a license at least as reciprocal.
#[hdk_extern]
pub fn attach_license(input: Input) -> ExternResult<Record> {
    let input: AttachLicenseInput = input.decode()?;
    let (record, resource) = must_find_resource(&input.resource)?;
    let me = agent_info()?.agent_initial_pubkey;
    if record.action().author() != &me {
        return Err(LicensesError::NotCreator {
            resource: input.resource,
            creator: record.action().author().clone(),
        }
        .into());
    }
    if let Some(existing) = license_of(&input.resource)? {
        return Err(LicensesError::AlreadyLicensed {
            resource: input.resource,
            attachment: existing.attachment,
        }
        .into());
    }
    let (_, terms) = resolve(&input.license, &resource)?;
    check_count("derives_from", input.derives_from.len()).map_err(LicensesError::from)?;
    let mut sources = Vec::with_capacity(input.derives_from.len());
    let named: Vec<(&ActionHash, &ActionHash)> =
        input.derives_from.iter().map(|s| (s, s)).collect();
    check_sources(&input.resource, &named).map_err(LicensesError::from)?;
    for source in &input.derives_from {
        let source_license =
            license_of(source)?.ok_or(LicensesError::Unlicensed(source.clone()))?;
        check_derivative(&source_license.terms, &terms).map_err(LicensesError::from)?;
        sources.push(source_license.attachment);
    }
    let hash = create_entry(EntryTypes::LicenseAttachment(LicenseAttachment {
        resource: input.resource.clone(),
        license: input.license,
        derives_from: sources,
    }))?;
    create_link(
        input.resource,
        hash.clone(),
        LinkTypes::ResourceToLicense,
        (),
    )?;
    committed(hash)
}

/// The license a resource carries.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResourceLicense {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub attachment: ActionHash,
    /// Who attached it: the licensor (with the stewards of the resource's project).
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub licensor: AgentPubKey,
    pub license: LicenseRef,
    pub name: String,
    pub terms: LicenseTerms,
    /// The attachments of the licensed works it derives from.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub derives_from: Vec<ActionHash>,
}

/// The license `resource` carries, if any.
#[hdk_extern]
pub fn get_license_of(resource: Input) -> ExternResult<Option<ResourceLicense>> {
    let resource: ActionHash = resource.decode()?;
    license_of(&resource)
}

/// The license `resource` carries: its first attachment (validation allows only one).
pub fn license_of(resource: &ActionHash) -> ExternResult<Option<ResourceLicense>> {
    let links = get_links(
        LinkQuery::try_new(resource.clone(), LinkTypes::ResourceToLicense)?,
        GetStrategy::default(),
    )?;
    let mine = own_entries(UnitEntryTypes::LicenseAttachment.try_into()?)?;
    let found = with_own(get_targets(links)?, mine, |a: &LicenseAttachment| {
        &a.resource == resource
    });
    let Some((attachment, attached)) = found.into_iter().next() else {
        // None only for a resource: an unknown hash or another kind's is named.
        must_find_resource(resource)?;
        return Ok(None);
    };
    let (_, licensed) = must_find_resource(resource)?;
    let (name, terms) = resolve(&attached.license, &licensed)?;
    let licensor = get(attachment.clone(), GetOptions::default())?
        .map(|r| r.action().author().clone())
        .ok_or(LicensesError::LicenseNotFound(attachment.clone()))?;
    Ok(Some(ResourceLicense {
        attachment,
        licensor,
        license: attached.license,
        name,
        terms,
        derives_from: attached.derives_from,
    }))
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TermsForInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    /// Contributions by hash (their confirmations are read when a request is made).
    #[cfg_attr(
        feature = "ts",
        ts(as = "LicenseeCategory<ovn_domain::ts::ActionHash>")
    )]
    pub category: LicenseeCategory<ActionHash>,
    #[serde(default)]
    pub usage: Usage,
}

/// What a licensee of a category owes under a resource's license.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TermsFor {
    pub license: ResourceLicense,
    pub owes: bool,
    /// In minor units of the network currency; 0 when exempt.
    pub fee: u64,
}

/// What a licensee of `category` would owe for `usage` under the resource's license. A preview:
/// a contributing for-profit's contributions are checked when it asks (`request_license`).
#[hdk_extern]
pub fn license_terms_for(input: Input) -> ExternResult<TermsFor> {
    let input: TermsForInput = input.decode()?;
    let license = license_of(&input.resource)?.ok_or(LicensesError::Unlicensed(input.resource))?;
    let fee =
        license_fee(&license.terms, &input.category, input.usage).map_err(LicensesError::from)?;
    Ok(TermsFor {
        owes: license.terms.owes(&input.category),
        fee,
        license,
    })
}

/// The resource at `hash`, or a typed error.
pub fn must_find_resource(hash: &ActionHash) -> ExternResult<(Record, Resource)> {
    must_read::<Resource>(hash)
}

/// The name and terms `license` names, for a resource of `resource`'s project.
fn resolve(license: &LicenseRef, resource: &Resource) -> ExternResult<(String, LicenseTerms)> {
    match license {
        LicenseRef::Catalogue { name } => {
            let catalogue = network_constitution()?.licenses;
            let found = catalogue_license(&catalogue, name).map_err(LicensesError::from)?;
            Ok((found.name.clone(), found.terms.clone()))
        }
        LicenseRef::Project { license: hash } => {
            let (_, found) = must_read::<License>(hash)?;
            check_license_project(hash, &found.project, resource.project.as_ref())
                .map_err(LicensesError::from)?;
            Ok((found.name, found.terms))
        }
    }
}
