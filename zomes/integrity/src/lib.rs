//! The OVN integrity zome: the network's protocol. Its entry types, link types and validation
//! rules (together with the DNA properties) make the DNA hash; every peer runs these rules on
//! every action it holds, and warrants authors who break them. Each validator is a thin adapter:
//! fetch inputs with `must_get_*`, call the pure rule in `ovn_domain`, map a rule error to
//! `Invalid`. An `Err` from `validate` only ever means "cannot decide yet" (a missing dependency).
//!
//! # Layout
//! One folder per area; each entry type's file holds its struct and validators (a numbered
//! **Rules** list on each), beside the files of the link types that join it.
//! - [`members`]: profiles (public, private) and projects with their stewards.
//! - [`accounting`]: contributions and endorsements (contribution accounting).
//! - [`ledger`]: income, value equations, settlements, distributions, payment receipts.
//! - [`resources`]: resources, custody requests, transfers and acceptances, uses.
//! - [`licenses`]: licenses, attachments, requests, exceptions, grants.
//! - [`governance`]: proposals, votes, delegations, decisions.
//! - [`dispatch`]: [`validate_op`], every op to its validator; no rules of its own.
//! - [`verdict`]: the `check!` macro, typed fetches of referenced entries, chain scans.
//! - [`links`]: the rules index links share, and the anchors.
//! - [`constitution`]: reading the network constitution from the DNA properties.
//! - [`membrane`]: who may join (open, or invite-only with a progenitor).
//!
//! A new area (coordination) is a folder of its own, declared here, with its entry
//! types added to [`EntryTypes`] and its validators to [`dispatch`].

use hdi::prelude::*;

#[macro_use]
pub mod verdict;
pub mod accounting;
pub mod constitution;
pub mod dispatch;
pub mod governance;
pub mod ledger;
pub mod licenses;
pub mod links;
pub mod members;
pub mod membrane;
pub mod resources;

pub use accounting::contribution::Contribution;
pub use accounting::endorsement::Endorsement;
pub use dispatch::validate_op;
pub use governance::decision::Decision;
pub use governance::delegation::Delegation;
pub use governance::proposal::{Change, Proposal};
pub use governance::rules_version::GovernanceRulesVersion;
pub use governance::vote::Vote;
pub use ledger::distribution::Distribution;
pub use ledger::income_event::IncomeEvent;
pub use ledger::payment_receipt::PaymentReceipt;
pub use ledger::settlement::{SettledContribution, Settlement};
pub use ledger::value_equation::ValueEquation;
pub use licenses::license::{License, LicenseRef};
pub use licenses::license_attachment::LicenseAttachment;
pub use licenses::license_exception::LicenseException;
pub use licenses::license_grant::LicenseGrant;
pub use licenses::license_request::{Category, CountedContribution, LicenseRequest, Licensee};
pub use members::private_profile::PrivateProfile;
pub use members::profile::Profile;
pub use members::project::Project;
pub use members::project_version::ProjectVersion;
pub use membrane::Invitation;
pub use resources::custody_acceptance::CustodyAcceptance;
pub use resources::custody_decline::CustodyDecline;
pub use resources::custody_request::CustodyRequest;
pub use resources::custody_transfer::CustodyTransfer;
pub use resources::resource::Resource;
pub use resources::resource_use::ResourceUse;
pub use resources::usage_rules_version::UsageRulesVersion;

#[hdk_entry_types]
#[unit_enum(UnitEntryTypes)]
pub enum EntryTypes {
    Profile(Profile),
    #[entry_type(visibility = "private")]
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

/// The entry type of each entry struct: a read checks what a record *is* (its entry type), not
/// whether its bytes happen to fit the struct (a Profile's fit a smaller struct).
pub trait EntryKind {
    const UNIT: UnitEntryTypes;
}

macro_rules! entry_kinds {
    ($($t:ident),*) => { $(impl EntryKind for $t { const UNIT: UnitEntryTypes = UnitEntryTypes::$t; })* };
}

entry_kinds!(
    Profile,
    PrivateProfile,
    Project,
    Contribution,
    Endorsement,
    IncomeEvent,
    ValueEquation,
    Settlement,
    Distribution,
    PaymentReceipt,
    Resource,
    CustodyRequest,
    CustodyTransfer,
    CustodyAcceptance,
    ResourceUse,
    License,
    LicenseAttachment,
    LicenseRequest,
    LicenseException,
    LicenseGrant,
    CustodyDecline,
    Proposal,
    Vote,
    Delegation,
    Decision,
    ProjectVersion,
    UsageRulesVersion,
    GovernanceRulesVersion
);

#[hdk_link_types]
pub enum LinkTypes {
    /// Agent → their Profile creation. Created by that agent only; never deleted.
    AgentToProfile,
    /// The all-projects anchor → each Project. Created by the project's creator; never deleted.
    AllProjects,
    /// Project → its period buckets (tag `YYYY-MM`). Created by any agent; never deleted.
    ProjectToPeriods,
    /// Period bucket of a project → Contributions dated in that month. Created by the contributor.
    PeriodToContributions,
    /// Agent → their Contributions. Created by that agent only; never deleted.
    AgentToContributions,
    /// Contribution → Endorsements of it. Created by the endorser; never deleted.
    ContributionToEndorsements,
    /// Contribution → Contributions that correct it. Created by the contributor; never deleted.
    ContributionToCorrections,
    /// Project → its IncomeEvents. Created by the income's recorder; never deleted.
    ProjectToIncomeEvents,
    /// Project → every version of its ValueEquation. Created by whoever adopts it.
    ProjectToValueEquations,
    /// Project → its Settlements (tag `YYYY-MM`). Created by the settler; never deleted.
    ProjectToSettlements,
    /// Project → its Distributions. Created by the distributor; never deleted.
    ProjectToDistributions,
    /// Distribution → its PaymentReceipts. Created by the payee; never deleted.
    DistributionToPaymentReceipts,
    /// The all-resources anchor → each Resource. Created by the resource's creator.
    AllResources,
    /// Project → the Resources it produced or funded. Created by the resource's creator.
    ProjectToResources,
    /// Resource → its CustodyTransfers, CustodyAcceptances and CustodyDeclines. Created by their
    /// authors.
    ResourceToCustody,
    /// Agent → the custody states they came to hold (creations, acceptances). Created by them.
    AgentToCustodyStates,
    /// Resource → its ResourceUses. Created by the user.
    ResourceToUses,
    /// Resource → CustodyRequests for it. Created by the requester.
    ResourceToCustodyRequests,
    /// Project → the Licenses its stewards added. Created by the steward.
    ProjectToLicenses,
    /// Resource → its LicenseAttachment. Created by the resource's creator.
    ResourceToLicense,
    /// Resource → LicenseRequests for it. Created by who asked.
    ResourceToLicenseRequests,
    /// Resource → its LicenseGrants. Created by the licensor.
    ResourceToLicenseGrants,
    /// LicenseRequest → the LicenseExceptions decided for it. Created by who decided.
    LicenseRequestToExceptions,
    /// Project → its Proposals. Created by the proposer.
    ProjectToProposals,
    /// Proposal → the Votes cast on it. Created by the voter.
    ProposalToVotes,
    /// Agent → their Delegations. Created by that agent only.
    AgentToDelegations,
    /// Proposal → the Decisions published on it. Created by who published it.
    ProposalToDecisions,
    /// Project → every ProjectVersion of it. Created by whoever makes the change.
    ProjectToVersions,
    /// Resource → every UsageRulesVersion of it. Created by whoever makes the change.
    ResourceToRulesVersions,
    /// Project → every GovernanceRulesVersion of it. Created by whoever makes the change.
    ProjectToGovernanceRules,
}

#[hdk_extern]
pub fn genesis_self_check(data: GenesisSelfCheckData) -> ExternResult<ValidateCallbackResult> {
    membrane::validate_agent_joining(&data.agent_key, data.membrane_proof.as_deref())
}

#[hdk_extern]
pub fn validate(op: Op) -> ExternResult<ValidateCallbackResult> {
    validate_op(op)
}
