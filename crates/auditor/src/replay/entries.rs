//! The fields of the integrity zome's entries that the offline rules read, as mirror structs:
//! msgpack maps match by field name, so the other fields are skipped when decoding. They are
//! typed with the domain's own types where the integrity zome uses them.

use ovn_domain::licenses::{LicenseTerms, LicenseeCategory, Usage};
use ovn_domain::{ContributionKind, EndorsementKind, IncomeSource, Payout, UsageRules};
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

/// The integrity zome's entry types, in the order of `ovn_integrity::EntryTypes` (an app
/// entry's `entry_index`). The Sweettest suite checks this list against the zome.
pub const ENTRY_TYPES: [&str; 28] = [
    "Profile",
    "PrivateProfile",
    "Project",
    "Contribution",
    "Endorsement",
    "IncomeEvent",
    "ValueEquation",
    "Settlement",
    "Distribution",
    "PaymentReceipt",
    "Resource",
    "CustodyRequest",
    "CustodyTransfer",
    "CustodyAcceptance",
    "ResourceUse",
    "License",
    "LicenseAttachment",
    "LicenseRequest",
    "LicenseException",
    "LicenseGrant",
    "CustodyDecline",
    "Proposal",
    "Vote",
    "Delegation",
    "Decision",
    "ProjectVersion",
    "UsageRulesVersion",
    "GovernanceRulesVersion",
];

/// The fields of the integrity zome's entries that the offline rules read (msgpack maps match
/// by name, so the other fields are skipped when decoding). Tests and benchmarks encode them
/// to write chains.
#[derive(Serialize, Deserialize, Debug)]
pub struct Profile {
    pub nickname: String,
    pub skills: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct PrivateProfile {
    pub contact: String,
    pub payout_details: String,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct Contribution {
    pub contributor: ByteBuf,
    pub kind: ContributionKind<ByteBuf>,
    pub description: String,
    pub evidence: Vec<String>,
    pub when: i64,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct Endorsement {
    pub contribution: ByteBuf,
    pub kind: EndorsementKind,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct IncomeEvent {
    pub project: ByteBuf,
    pub amount: u64,
    pub source: IncomeSource<ByteBuf>,
    pub description: String,
    pub evidence: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct Distribution {
    pub project: ByteBuf,
    pub income: ByteBuf,
    pub payouts: Vec<Payout<ByteBuf>>,
    /// Shares paid to cited projects (absent from chains written before they existed).
    #[serde(default)]
    pub upstream: Vec<Payout<ByteBuf>>,
    pub retained: u64,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct Resource {
    pub rules: UsageRules,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct ResourceUse {
    pub resource: ByteBuf,
    pub from: i64,
    pub until: i64,
    pub fee: u64,
    /// The usage rules version it names (`None`: the resource's own rules).
    #[serde(default)]
    pub rules_version: Option<ByteBuf>,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct License {
    pub terms: LicenseTerms,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct LicenseGrant {
    pub request: ByteBuf,
    pub category: LicenseeCategory<CountedContribution>,
    pub terms: LicenseTerms,
    pub usage: Usage,
    pub fee: u64,
    pub exception: Option<ByteBuf>,
}

/// A contribution a contributing for-profit names, with its confirmations.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CountedContribution {
    pub contribution: ByteBuf,
    pub confirmations: Vec<ByteBuf>,
}
