//! Each entry against its action (present when it should be, its hash, its type, its author),
//! app entries replayed through [`crate::replay`], and the deletes the ledger never allows.
//!
//! An entry hashes to what its action names (the Agent entry's hash is the agent's key under
//! the entry prefix). A public entry must be present; a private one may be withheld, unless the
//! export says it includes private entries.

use super::{At, Kind, Verifier};
use crate::mirror::{self, holo_hash, Action, AppEntryDef, Data, EntryType, HashKind};
use crate::replay::{AppEntry, Replayer};
use ovn_domain::export::{ExportedAction, ExportedEntry};

impl<'a> Verifier<'a> {
    /// The entry an action names: carried when public (and when private, if the export says it
    /// includes private entries), never when the action names none.
    pub(super) fn entry(&mut self, at: At<'_>, exported: &'a ExportedAction, action: &Action) {
        let private_entries = self.export.private_entries;
        match (action.data.entry(), &exported.entry) {
            (None, Some(_)) => {
                let detail = format!("{} carries an entry", action.data.name());
                self.found(at, Kind::Entry, detail)
            }
            (None, None) => {}
            (Some((t, _)), None) if t.is_private() && private_entries => self.found(
                at,
                Kind::Entry,
                "a private entry is missing from an export that says it includes them",
            ),
            (Some((t, _)), None) if t.is_private() => self.withheld += 1,
            (Some(_), None) => self.found(at, Kind::Entry, "its public entry is missing"),
            (Some((t, claimed)), Some(e)) => {
                match check_entry(t, claimed, &action.header.author, e) {
                    Err(why) => self.found(at, Kind::Entry, why),
                    Ok(app) => {
                        self.entries += 1;
                        if let (EntryType::App(def), Some(bytes)) = (t, app) {
                            self.replay_app_entry(at, exported, action, def, &bytes);
                        }
                    }
                }
            }
        }
    }

    /// An app entry: its type remembered (a later Delete names it) and its rules replayed.
    fn replay_app_entry(
        &mut self,
        at: At<'_>,
        exported: &'a ExportedAction,
        action: &Action,
        def: &AppEntryDef,
        bytes: &[u8],
    ) {
        if let Some(name) = Replayer::type_name(def.entry_index) {
            self.created.insert(exported.hash.0.as_slice(), name);
        }
        let problems = self.replayer.entry(&AppEntry {
            action: &exported.hash.0,
            author: &action.header.author,
            timestamp: action.header.timestamp,
            entry_index: def.entry_index,
            zome_index: def.zome_index,
            bytes,
            update: matches!(action.data, Data::Update { .. }),
        });
        for problem in problems {
            self.found(at, Kind::Rule, problem);
        }
    }

    /// What the ledger never allows, where one chain can tell; the rest is left online.
    pub(super) fn append_only(&mut self, at: At<'_>, action: &Action) {
        match &action.data {
            Data::DeleteLink { .. } => self.found(
                at,
                Kind::Rule,
                "index links are never deleted: the ledger is append-only",
            ),
            Data::Delete {
                deletes_address, ..
            } => match self.created.get(deletes_address.as_slice()).copied() {
                Some(name) if name != "PrivateProfile" => self.found(
                    at,
                    Kind::Rule,
                    format!(
                        "{name}: entries of this type are never deleted: the ledger is append-only"
                    ),
                ),
                _ => self.replayer.replay.rules_online += 1,
            },
            Data::CreateLink { .. } => self.replayer.replay.rules_online += 1,
            _ => {}
        }
    }
}

/// Checks an entry against its action; returns an app entry's own bytes.
fn check_entry(
    t: &EntryType,
    claimed: &[u8],
    author: &[u8],
    e: &ExportedEntry,
) -> Result<Option<Vec<u8>>, String> {
    if e.hash.0.as_slice() != claimed {
        return Err("the entry's hash is not the one its action names".into());
    }
    let decoded: mirror::Entry = rmp_serde::from_slice(&e.entry.0)
        .map_err(|err| format!("the entry's bytes do not decode: {err}"))?;
    let computed = match (&decoded, t) {
        (mirror::Entry::Agent(key), EntryType::AgentPubKey) => {
            if key.as_slice() != author {
                return Err("the agent key entry is not its author's key".into());
            }
            mirror::agent_entry_hash(key)
        }
        (mirror::Entry::App(_), EntryType::App(_))
        | (mirror::Entry::CounterSign(_), EntryType::App(_))
        | (mirror::Entry::CapClaim(_), EntryType::CapClaim)
        | (mirror::Entry::CapGrant(_), EntryType::CapGrant) => {
            holo_hash(HashKind::Entry, &mirror::blake2b_256(&e.entry.0)).to_vec()
        }
        _ => return Err("the entry is not of the type its action names".into()),
    };
    if computed.as_slice() != claimed {
        return Err("the entry's bytes do not hash to the entry hash its action names".into());
    }
    Ok(match decoded {
        mirror::Entry::App(bytes) => Some(bytes.into_vec()),
        _ => None,
    })
}
