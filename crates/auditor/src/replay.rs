//! The protocol's rules replayed offline over one chain's decoded entries, with the same
//! `ovn_domain` functions the integrity zome validates with. Offline, an auditor holds one
//! chain: the rules that read only this chain are replayed here (an entry's own bounds, a fee
//! computed from terms the entry carries, a distribution that pays out exactly the income the
//! same agent recorded, "once" rules over the author's own chain); those that read other agents'
//! records are counted as left to the online audit (`audit_agent`), never passed silently.
//!
//! App entries are decoded through mirror structs that name only the fields a rule reads
//! (msgpack maps are matched by field name), typed with the domain's own types where the
//! integrity zome uses them.

use ovn_domain::contribution::{check_date, check_description_and_evidence};
use ovn_domain::income::check_income;
use ovn_domain::license::{license_fee, LicenseTerms, LicenseeCategory, Usage};
use ovn_domain::profile::{check_private_profile, check_profile};
use ovn_domain::resource::use_minutes;
use ovn_domain::{ContributionKind, EndorsementKind, IncomeSource, Payout, UsageRules};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;
use std::collections::{BTreeMap, BTreeSet};

/// The integrity zome's entry types, in the order of `ovn_integrity::EntryTypes` (an app
/// entry's `entry_index`). The Sweettest suite checks this list against the zome.
pub const ENTRY_TYPES: [&str; 20] = [
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

/// One app entry to replay: where it is and what it is.
pub struct AppEntry<'a> {
    pub action: &'a [u8],
    pub author: &'a [u8],
    pub timestamp: i64,
    pub entry_index: u8,
    pub zome_index: u8,
    pub bytes: &'a [u8],
    /// An Update (of the entry at another action), not a Create.
    pub update: bool,
}

/// What the replay of a whole chain found and did.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Replay {
    /// Entries decoded, by type.
    pub entries: BTreeMap<String, u32>,
    /// Rules replayed offline (each rule once per entry it applies to).
    pub rules_checked: u32,
    /// Rules that read other agents' records: left to the online audit.
    pub rules_online: u32,
    /// The derived figures recomputed, one line each.
    pub figures: Vec<String>,
}

/// Replays the rules over a chain's app entries, in chain order, remembering what later
/// entries refer back to.
#[derive(Default)]
pub struct Replayer {
    pub replay: Replay,
    incomes: BTreeMap<Vec<u8>, IncomeEvent>,
    distributed: BTreeSet<Vec<u8>>,
    resources: BTreeMap<Vec<u8>, UsageRules>,
    granted: BTreeSet<Vec<u8>>,
    fees_recorded: BTreeSet<Vec<u8>>,
    profile_created: bool,
}

impl Replayer {
    /// The rules `entry` breaks, each named (empty when it keeps them all).
    pub fn entry(&mut self, e: &AppEntry<'_>) -> Vec<String> {
        if e.zome_index != 0 {
            return vec![format!(
                "zome index {} names no integrity zome of this DNA",
                e.zome_index
            )];
        }
        let Some(name) = ENTRY_TYPES.get(usize::from(e.entry_index)) else {
            return vec![format!(
                "entry index {} names no entry type of this DNA",
                e.entry_index
            )];
        };
        *self.replay.entries.entry((*name).to_string()).or_default() += 1;
        let result = if e.update {
            self.update(name, e)
        } else {
            self.create(name, e)
        };
        match result {
            Ok(()) => vec![],
            Err(problem) => vec![format!("{name}: {problem}")],
        }
    }

    /// The name of the entry type at `entry_index`, if there is one.
    pub fn type_name(entry_index: u8) -> Option<&'static str> {
        ENTRY_TYPES.get(usize::from(entry_index)).copied()
    }

    /// Only profiles are updated (by their own agent: the original is read online).
    fn update(&mut self, name: &str, e: &AppEntry<'_>) -> Result<(), String> {
        self.checked(1);
        self.replay.rules_online += 1;
        match name {
            "Profile" => {
                let p: Profile = decode(e.bytes)?;
                check_profile(&p.nickname, &p.skills).map_err(|d| d.to_string())
            }
            "PrivateProfile" => self.private_profile(e),
            _ => Err("entries of this type are never updated".into()),
        }
    }

    fn create(&mut self, name: &str, e: &AppEntry<'_>) -> Result<(), String> {
        match name {
            "Profile" => self.profile(e),
            "PrivateProfile" => self.private_profile(e),
            "Contribution" => self.contribution(e),
            "Endorsement" => self.endorsement(e),
            "IncomeEvent" => self.income(e),
            "Distribution" => self.distribution(e),
            "Resource" => self.resource(e),
            "ResourceUse" => self.resource_use(e),
            "License" => self.license(e),
            "LicenseGrant" => self.grant(e),
            _ => {
                self.replay.rules_online += 1;
                Ok(())
            }
        }
    }

    fn checked(&mut self, n: u32) {
        self.replay.rules_checked += n;
    }

    fn profile(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let p: Profile = decode(e.bytes)?;
        self.checked(2);
        check_profile(&p.nickname, &p.skills).map_err(|d| d.to_string())?;
        if std::mem::replace(&mut self.profile_created, true) {
            return Err("a second profile: an agent creates one and updates it".into());
        }
        Ok(())
    }

    fn private_profile(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let p: PrivateProfile = decode(e.bytes)?;
        self.checked(1);
        check_private_profile(&p.contact, &p.payout_details).map_err(|d| d.to_string())
    }

    fn contribution(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let c: Contribution = decode(e.bytes)?;
        self.checked(4);
        self.replay.rules_online += 1; // its project (and what it corrects) exist
        if c.contributor.as_slice() != e.author {
            return Err("logged for someone other than its author".into());
        }
        c.kind.check_quantities().map_err(|d| d.to_string())?;
        check_description_and_evidence(&c.description, &c.evidence).map_err(|d| d.to_string())?;
        check_date(c.when, e.timestamp).map_err(|d| d.to_string())
    }

    fn endorsement(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let en: Endorsement = decode(e.bytes)?;
        self.checked(1);
        self.replay.rules_online += 1; // the contribution and the endorser's profile
        en.kind.check().map_err(|d| d.to_string())
    }

    fn income(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let i: IncomeEvent = decode(e.bytes)?;
        self.checked(1);
        self.replay.rules_online += 1; // the project, and what set a fee
        let checked = check_income(i.amount, &i.description, &i.evidence);
        let fee_of = match &i.source {
            IncomeSource::LicenseFee { grant } => Some(grant.to_vec()),
            _ => None,
        };
        self.incomes.insert(e.action.to_vec(), i);
        checked.map_err(|d| d.to_string())?;
        if let Some(grant) = fee_of {
            self.checked(1);
            if !self.fees_recorded.insert(grant.clone()) {
                return Err(format!("the fee of {} is recorded twice", text(&grant)));
            }
        }
        Ok(())
    }

    fn distribution(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let d: Distribution = decode(e.bytes)?;
        self.checked(1);
        self.replay.rules_online += 1; // the recomputation from settlements on other chains
        if !self.distributed.insert(d.income.to_vec()) {
            return Err(format!("income {} is distributed twice", text(&d.income)));
        }
        let Some(income) = self.incomes.get(d.income.as_slice()) else {
            return Err(format!(
                "income {} is not on this chain: only who recorded an income distributes it",
                text(&d.income)
            ));
        };
        self.replay.rules_checked += 2;
        if income.project != d.project {
            return Err(format!("income {} is another project's", text(&d.income)));
        }
        let paid = d
            .payouts
            .iter()
            .try_fold(d.retained, |sum, p| sum.checked_add(p.amount))
            .ok_or("the payouts overflow")?;
        self.replay.figures.push(format!(
            "distribution {}: {} payouts + {} retained = {paid} of income {}",
            text(e.action),
            d.payouts.len(),
            d.retained,
            income.amount
        ));
        if paid != income.amount {
            return Err(format!(
                "pays out {paid} (retained included) of an income of {}",
                income.amount
            ));
        }
        Ok(())
    }

    fn resource(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let r: Resource = decode(e.bytes)?;
        self.checked(1);
        r.rules.check().map_err(|d| d.to_string())?;
        self.resources.insert(e.action.to_vec(), r.rules);
        Ok(())
    }

    fn resource_use(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let u: ResourceUse = decode(e.bytes)?;
        let minutes = use_minutes(u.from, u.until).map_err(|d| d.to_string())?;
        self.checked(1);
        let Some(rules) = self.resources.get(u.resource.as_slice()) else {
            self.replay.rules_online += 1; // a resource on another chain
            return Ok(());
        };
        self.replay.rules_checked += 1;
        let fee = rules.fee_for(minutes);
        self.replay.figures.push(format!(
            "use {}: {minutes} min at {}/h = {fee}",
            text(e.action),
            rules.fee_per_hour
        ));
        if fee != u.fee {
            return Err(format!(
                "charges {} for {minutes} minutes; the rule says {fee}",
                u.fee
            ));
        }
        Ok(())
    }

    fn license(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let l: License = decode(e.bytes)?;
        self.checked(1);
        l.terms.check().map_err(|d| d.to_string())
    }

    fn grant(&mut self, e: &AppEntry<'_>) -> Result<(), String> {
        let g: LicenseGrant = decode(e.bytes)?;
        self.checked(2);
        self.replay.rules_online += 1; // the request, the licensor, an exception
        if !self.granted.insert(g.request.to_vec()) {
            return Err(format!("request {} is granted twice", text(&g.request)));
        }
        g.terms.check().map_err(|d| d.to_string())?;
        if g.exception.is_some() {
            return Ok(()); // what an exception decided is on the steward's chain
        }
        self.checked(1);
        let due = license_fee(&g.terms, &g.category, g.usage).map_err(|d| d.to_string())?;
        self.replay.figures.push(format!(
            "grant {}: {:?} under {:?} owes {due}",
            text(e.action),
            g.category.tag(),
            g.terms.kind
        ));
        if due != g.fee {
            return Err(format!(
                "charges a {:?} {}; the license says {due}",
                g.category.tag(),
                g.fee
            ));
        }
        Ok(())
    }
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    rmp_serde::from_slice(bytes).map_err(|e| format!("its entry does not decode: {e}"))
}

fn text(bytes: &[u8]) -> String {
    ovn_domain::export::Bytes(bytes.to_vec()).to_text()
}
