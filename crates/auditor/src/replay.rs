//! The protocol's rules replayed offline over one chain's decoded entries, with the same
//! `ovn_domain` functions the integrity zome validates with. Offline, an auditor holds one
//! chain: the rules that read only this chain are replayed here (an entry's own bounds, a fee
//! computed from terms the entry carries, a distribution that pays out exactly the income the
//! same agent recorded, "once" rules over the author's own chain); those that read other agents'
//! records are counted as left to the online audit (`audit_agent`), never passed silently.
//!
//! Replayed offline: one profile per agent, and the bounds of profiles and private profiles;
//! only those two are ever updated; nothing is deleted but a private profile, and no link
//! (`verify/entry`); contributions (bounds, dates, by their author); endorsement kinds; incomes
//! (bounds; a license fee, a use fee or an upstream share recorded once); distributions (of an
//! income recorded on this chain, once, paying out exactly its amount with the upstream shares
//! and the retained part); resources' usage rules; uses of
//! the agent's own resources (the fee for the minutes); licenses' terms; grants (the fee
//! `license_fee` computes, each request granted once). Left online: a contribution's project,
//! a link's base, an update's original, and every other rule that reads another record.
//!
//! App entries are decoded through mirror structs that name only the fields a rule reads
//! (msgpack maps are matched by field name), typed with the domain's own types where the
//! integrity zome uses them.
//!
//! The entry mirror structs are in `entries`, the rules of each entry type in `rules`.

mod entries;
mod rules;

pub use entries::{
    Contribution, CountedContribution, Distribution, Endorsement, IncomeEvent, License,
    LicenseGrant, PrivateProfile, Profile, Resource, ResourceUse, ENTRY_TYPES,
};

use ovn_domain::members::profile::check_profile;
use ovn_domain::UsageRules;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};

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
    fees_recorded: BTreeSet<(Vec<u8>, Vec<u8>)>,
    /// This chain's latest word on each contribution it endorsed.
    latest_words: BTreeMap<Vec<u8>, ovn_domain::EndorsementKind>,
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
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    rmp_serde::from_slice(bytes).map_err(|e| format!("its entry does not decode: {e}"))
}

fn text(bytes: &[u8]) -> String {
    ovn_domain::export::Bytes(bytes.to_vec()).to_text()
}
