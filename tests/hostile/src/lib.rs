//! A coordinator zome for tests only, never shipped: it commits whatever entries and links it is
//! given, skipping every check the real coordinators make. Added to the test DNA beside the real
//! coordinators (coordinators are not part of the DNA hash), it lets a test act as a hostile
//! agent: with self-validation on, the author's own conductor must refuse the commit; with
//! self-validation off, honest peers must reject the published action and warrant its author.
//!
//! # Layout
//! - `lib.rs`: raw entry creations, updates, deletes and links, one function each.

use hdk::prelude::*;
use ovn_integrity::{
    Contribution, CustodyAcceptance, CustodyRequest, CustodyTransfer, Distribution, Endorsement,
    EntryTypes, IncomeEvent, License, LicenseAttachment, LicenseException, LicenseGrant,
    LicenseRequest, LinkTypes, PaymentReceipt, Profile, Project, Resource, ResourceUse, Settlement,
    ValueEquation,
};

#[hdk_extern]
pub fn commit_profile(profile: Profile) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::Profile(profile))
}

#[hdk_extern]
pub fn commit_project(project: Project) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::Project(project))
}

#[hdk_extern]
pub fn commit_contribution(contribution: Contribution) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::Contribution(contribution))
}

#[hdk_extern]
pub fn commit_endorsement(endorsement: Endorsement) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::Endorsement(endorsement))
}

/// Many contributions in one call (for benchmarks that need thousands).
#[hdk_extern]
pub fn commit_contributions(contributions: Vec<Contribution>) -> ExternResult<Vec<ActionHash>> {
    contributions
        .into_iter()
        .map(|c| create_entry(EntryTypes::Contribution(c)))
        .collect()
}

/// Many endorsements in one call (for benchmarks that need thousands).
#[hdk_extern]
pub fn commit_endorsements(endorsements: Vec<Endorsement>) -> ExternResult<Vec<ActionHash>> {
    endorsements
        .into_iter()
        .map(|e| create_entry(EntryTypes::Endorsement(e)))
        .collect()
}

#[hdk_extern]
pub fn commit_resource(resource: Resource) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::Resource(resource))
}

#[hdk_extern]
pub fn commit_custody_request(request: CustodyRequest) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::CustodyRequest(request))
}

#[hdk_extern]
pub fn commit_custody_transfer(transfer: CustodyTransfer) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::CustodyTransfer(transfer))
}

#[hdk_extern]
pub fn commit_custody_acceptance(acceptance: CustodyAcceptance) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::CustodyAcceptance(acceptance))
}

#[hdk_extern]
pub fn commit_resource_use(usage: ResourceUse) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::ResourceUse(usage))
}

#[hdk_extern]
pub fn commit_license(license: License) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::License(license))
}

#[hdk_extern]
pub fn commit_license_attachment(attachment: LicenseAttachment) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::LicenseAttachment(attachment))
}

#[hdk_extern]
pub fn commit_license_request(request: LicenseRequest) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::LicenseRequest(request))
}

#[hdk_extern]
pub fn commit_license_exception(exception: LicenseException) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::LicenseException(exception))
}

#[hdk_extern]
pub fn commit_license_grant(grant: LicenseGrant) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::LicenseGrant(grant))
}

#[hdk_extern]
pub fn commit_income_event(income: IncomeEvent) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::IncomeEvent(income))
}

#[hdk_extern]
pub fn commit_value_equation(equation: ValueEquation) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::ValueEquation(equation))
}

#[hdk_extern]
pub fn commit_settlement(settlement: Settlement) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::Settlement(settlement))
}

#[hdk_extern]
pub fn commit_distribution(distribution: Distribution) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::Distribution(distribution))
}

#[hdk_extern]
pub fn commit_payment_receipt(receipt: PaymentReceipt) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::PaymentReceipt(receipt))
}

#[derive(Serialize, Deserialize, Debug)]
pub struct UpdateProfileRaw {
    pub original: ActionHash,
    pub profile: Profile,
}

#[hdk_extern]
pub fn update_profile_raw(input: UpdateProfileRaw) -> ExternResult<ActionHash> {
    update_entry(input.original, EntryTypes::Profile(input.profile))
}

#[derive(Serialize, Deserialize, Debug)]
pub struct UpdateContributionRaw {
    pub original: ActionHash,
    pub contribution: Contribution,
}

#[hdk_extern]
pub fn update_contribution_raw(input: UpdateContributionRaw) -> ExternResult<ActionHash> {
    update_entry(input.original, EntryTypes::Contribution(input.contribution))
}

#[hdk_extern]
pub fn delete_raw(hash: ActionHash) -> ExternResult<ActionHash> {
    delete_entry(hash)
}

/// A link of any of our types, named as in `LinkTypes` (e.g. `"AgentToContributions"`).
#[derive(Serialize, Deserialize, Debug)]
pub struct RawLink {
    pub base: AnyLinkableHash,
    pub target: AnyLinkableHash,
    pub link_type: String,
    pub tag: Vec<u8>,
}

#[hdk_extern]
pub fn create_link_raw(input: RawLink) -> ExternResult<ActionHash> {
    let link_type = LinkTypes::iter()
        .find(|t| format!("{t:?}") == input.link_type)
        .ok_or_else(|| {
            wasm_error!(WasmErrorInner::Guest(format!(
                "no link type {}",
                input.link_type
            )))
        })?;
    create_link(input.base, input.target, link_type, input.tag)
}

#[hdk_extern]
pub fn delete_link_raw(link: ActionHash) -> ExternResult<ActionHash> {
    delete_link(link, GetOptions::local())
}

#[derive(Serialize, Deserialize, Debug)]
pub struct UpdateResourceRaw {
    pub original: ActionHash,
    pub resource: Resource,
}

#[hdk_extern]
pub fn update_resource_raw(input: UpdateResourceRaw) -> ExternResult<ActionHash> {
    update_entry(input.original, EntryTypes::Resource(input.resource))
}

#[derive(Serialize, Deserialize, Debug)]
pub struct UpdateLicenseGrantRaw {
    pub original: ActionHash,
    pub grant: LicenseGrant,
}

#[hdk_extern]
pub fn update_license_grant_raw(input: UpdateLicenseGrantRaw) -> ExternResult<ActionHash> {
    update_entry(input.original, EntryTypes::LicenseGrant(input.grant))
}

/// A license entry of any kind, for [`update_license_entry_raw`].
#[derive(Serialize, Deserialize, Debug)]
pub enum LicenseEntry {
    License(License),
    LicenseAttachment(LicenseAttachment),
    LicenseRequest(LicenseRequest),
    LicenseException(LicenseException),
}

#[derive(Serialize, Deserialize, Debug)]
pub struct UpdateLicenseEntryRaw {
    pub original: ActionHash,
    pub entry: LicenseEntry,
}

#[hdk_extern]
pub fn update_license_entry_raw(input: UpdateLicenseEntryRaw) -> ExternResult<ActionHash> {
    let entry = match input.entry {
        LicenseEntry::License(l) => EntryTypes::License(l),
        LicenseEntry::LicenseAttachment(a) => EntryTypes::LicenseAttachment(a),
        LicenseEntry::LicenseRequest(r) => EntryTypes::LicenseRequest(r),
        LicenseEntry::LicenseException(e) => EntryTypes::LicenseException(e),
    };
    update_entry(input.original, entry)
}
