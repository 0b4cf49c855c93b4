//! A coordinator zome for tests only, never shipped: it commits whatever entries and links it is
//! given, skipping every check the real coordinators make. Added to the test DNA beside the real
//! coordinators (coordinators are not part of the DNA hash), it lets a test act as a hostile
//! agent: with self-validation on, the author's own conductor must refuse the commit; with
//! self-validation off, honest peers must reject the published action and warrant its author.
//!
//! # Layout
//! - `lib.rs`: raw entry creations, updates, deletes and links, one function each, and
//!   `commit_entry_raw` and `update_entry_raw` for a creation or an update of any entry type.

use hdk::prelude::*;
use ovn_integrity::{
    Contribution, CustodyAcceptance, CustodyDecline, CustodyRequest, CustodyTransfer, Decision,
    Delegation, Distribution, Endorsement, EntryTypes, GovernanceRulesVersion, IncomeEvent,
    License, LicenseAttachment, LicenseException, LicenseGrant, LicenseRequest, LinkTypes,
    PaymentReceipt, PrivateProfile, Profile, Project, ProjectVersion, Proposal, Resource,
    ResourceUse, Settlement, UsageRulesVersion, ValueEquation, Vote,
};

#[hdk_extern]
pub fn commit_profile(profile: Profile) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::Profile(profile))
}

#[hdk_extern]
pub fn commit_private_profile(profile: PrivateProfile) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::PrivateProfile(profile))
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
pub fn commit_custody_decline(decline: CustodyDecline) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::CustodyDecline(decline))
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

/// An entry of any of our types, for [`update_entry_raw`] (`EntryTypes` is not serializable).
#[derive(Serialize, Deserialize, Debug)]
pub enum AnyEntry {
    Profile(Profile),
    PrivateProfile(PrivateProfile),
    Project(Project),
    Contribution(Contribution),
    Endorsement(Endorsement),
    IncomeEvent(IncomeEvent),
    ValueEquation(ValueEquation),
    Settlement(Settlement),
    Distribution(Distribution),
    PaymentReceipt(PaymentReceipt),
    Resource(Resource),
    CustodyRequest(CustodyRequest),
    CustodyTransfer(CustodyTransfer),
    CustodyAcceptance(CustodyAcceptance),
    ResourceUse(ResourceUse),
    License(License),
    LicenseAttachment(LicenseAttachment),
    LicenseRequest(LicenseRequest),
    LicenseException(LicenseException),
    LicenseGrant(LicenseGrant),
    CustodyDecline(CustodyDecline),
    Proposal(Proposal),
    Vote(Vote),
    Delegation(Delegation),
    Decision(Decision),
    ProjectVersion(ProjectVersion),
    UsageRulesVersion(UsageRulesVersion),
    GovernanceRulesVersion(GovernanceRulesVersion),
}

impl From<AnyEntry> for EntryTypes {
    fn from(entry: AnyEntry) -> Self {
        match entry {
            AnyEntry::Profile(e) => EntryTypes::Profile(e),
            AnyEntry::PrivateProfile(e) => EntryTypes::PrivateProfile(e),
            AnyEntry::Project(e) => EntryTypes::Project(e),
            AnyEntry::Contribution(e) => EntryTypes::Contribution(e),
            AnyEntry::Endorsement(e) => EntryTypes::Endorsement(e),
            AnyEntry::IncomeEvent(e) => EntryTypes::IncomeEvent(e),
            AnyEntry::ValueEquation(e) => EntryTypes::ValueEquation(e),
            AnyEntry::Settlement(e) => EntryTypes::Settlement(e),
            AnyEntry::Distribution(e) => EntryTypes::Distribution(e),
            AnyEntry::PaymentReceipt(e) => EntryTypes::PaymentReceipt(e),
            AnyEntry::Resource(e) => EntryTypes::Resource(e),
            AnyEntry::CustodyRequest(e) => EntryTypes::CustodyRequest(e),
            AnyEntry::CustodyTransfer(e) => EntryTypes::CustodyTransfer(e),
            AnyEntry::CustodyAcceptance(e) => EntryTypes::CustodyAcceptance(e),
            AnyEntry::ResourceUse(e) => EntryTypes::ResourceUse(e),
            AnyEntry::License(e) => EntryTypes::License(e),
            AnyEntry::LicenseAttachment(e) => EntryTypes::LicenseAttachment(e),
            AnyEntry::LicenseRequest(e) => EntryTypes::LicenseRequest(e),
            AnyEntry::LicenseException(e) => EntryTypes::LicenseException(e),
            AnyEntry::LicenseGrant(e) => EntryTypes::LicenseGrant(e),
            AnyEntry::CustodyDecline(e) => EntryTypes::CustodyDecline(e),
            AnyEntry::Proposal(e) => EntryTypes::Proposal(e),
            AnyEntry::Vote(e) => EntryTypes::Vote(e),
            AnyEntry::Delegation(e) => EntryTypes::Delegation(e),
            AnyEntry::Decision(e) => EntryTypes::Decision(e),
            AnyEntry::ProjectVersion(e) => EntryTypes::ProjectVersion(e),
            AnyEntry::UsageRulesVersion(e) => EntryTypes::UsageRulesVersion(e),
            AnyEntry::GovernanceRulesVersion(e) => EntryTypes::GovernanceRulesVersion(e),
        }
    }
}

/// Commits an entry of any type as given.
#[hdk_extern]
pub fn commit_entry_raw(entry: AnyEntry) -> ExternResult<ActionHash> {
    create_entry(EntryTypes::from(entry))
}

#[derive(Serialize, Deserialize, Debug)]
pub struct UpdateEntryRaw {
    pub original: ActionHash,
    pub entry: AnyEntry,
}

/// Updates `original` with an entry of any type (Holochain itself requires the original's).
#[hdk_extern]
pub fn update_entry_raw(input: UpdateEntryRaw) -> ExternResult<ActionHash> {
    update_entry(input.original, EntryTypes::from(input.entry))
}

/// The record at `hash` as this conductor holds it, without asking the network: whether a peer
/// already holds what it is about to act on.
#[hdk_extern]
pub fn get_record_local(hash: ActionHash) -> ExternResult<Option<Record>> {
    get(hash, GetOptions::local())
}

/// The sequence number of this agent's chain head: whether a call wrote anything.
#[hdk_extern]
pub fn chain_head_seq() -> ExternResult<u32> {
    Ok(agent_info()?.chain_head.1)
}
