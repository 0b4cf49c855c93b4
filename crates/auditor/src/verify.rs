//! Verifying an export: every action's hash and signature over its exact bytes, the chain's
//! links and genesis, every entry's hash, and then the protocol's rules ([`crate::replay`]).
//! Nothing in the export is trusted: a claimed hash is compared with the hash computed from the
//! bytes, and the bytes are decoded only to read what was signed.

use crate::mirror::{self, check_holo_hash, holo_hash, Action, Data, EntryType, HashKind};
use crate::replay::{AppEntry, Replay, Replayer};
use ed25519_dalek::{Signature, VerifyingKey};
use ovn_domain::export::{Bytes, ChainExport, CHAIN_EXPORT_FORMAT};
use serde::Serialize;
use std::collections::HashMap;

/// What is wrong, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The export's own fields (agent, DNA hash, head) are malformed or disagree with the chain.
    Export,
    /// An action's bytes do not decode as a Holochain 0.7 action.
    Undecodable,
    /// A claimed action hash is not the hash of the action's bytes.
    Hash,
    /// A signature does not verify over the action's bytes under its author's key.
    Signature,
    /// The action is by someone other than the chain's agent.
    Author,
    /// Sequence numbers, links to the previous action, or the chain's head are broken.
    Link,
    /// The first three actions are not Dna, AgentValidationPkg and the agent's key.
    Genesis,
    /// A timestamp earlier than the previous action's.
    Time,
    /// An entry's hash does not match its bytes or its action, or a public entry is missing.
    Entry,
    /// A rule of the protocol is broken.
    Rule,
}

/// One thing found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Position in the export's list of actions.
    pub index: Option<usize>,
    /// The action's hash as claimed (text form), when there is one.
    pub action: Option<String>,
    pub kind: Kind,
    pub detail: String,
}

/// The verification of one export.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    pub format: String,
    pub agent: String,
    pub dna_hash: String,
    pub source: ovn_domain::export::ExportSource,
    pub actions: usize,
    pub signatures_verified: usize,
    pub entries_verified: usize,
    pub private_entries_withheld: usize,
    pub replay: Replay,
    pub findings: Vec<Finding>,
}

impl Verification {
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Verifies `export`, calling `progress` with the number of actions done so far.
pub fn verify(export: &ChainExport, mut progress: impl FnMut(usize)) -> Verification {
    let mut v = Verification {
        format: export.format.clone(),
        agent: export.agent.to_text(),
        dna_hash: export.dna_hash.to_text(),
        source: export.source,
        actions: export.actions.len(),
        signatures_verified: 0,
        entries_verified: 0,
        private_entries_withheld: 0,
        replay: Replay::default(),
        findings: Vec::new(),
    };
    let mut found = |index: Option<usize>, action: Option<&Bytes>, kind: Kind, detail: String| {
        v.findings.push(Finding {
            index,
            action: action.map(Bytes::to_text),
            kind,
            detail,
        })
    };
    if export.format != CHAIN_EXPORT_FORMAT {
        found(
            None,
            None,
            Kind::Export,
            format!("format is {:?}, not {CHAIN_EXPORT_FORMAT:?}", export.format),
        );
    }
    let agent_key = match check_holo_hash(HashKind::Agent, &export.agent.0) {
        Ok(core) => VerifyingKey::from_bytes(&core)
            .map_err(|e| {
                found(
                    None,
                    None,
                    Kind::Export,
                    format!("the agent is not an ed25519 key: {e}"),
                )
            })
            .ok(),
        Err(e) => {
            found(None, None, Kind::Export, format!("the agent: {e}"));
            None
        }
    };
    if let Err(e) = check_holo_hash(HashKind::Dna, &export.dna_hash.0) {
        found(None, None, Kind::Export, format!("the DNA hash: {e}"));
    }

    let mut replayer = Replayer::default();
    let mut prev: Option<(&Bytes, Action)> = None;
    let mut signatures = 0;
    let mut entries = 0;
    let mut withheld = 0;
    let mut created: HashMap<&[u8], &'static str> = HashMap::new();
    for (i, exported) in export.actions.iter().enumerate() {
        if i % 1024 == 0 {
            progress(i);
        }
        let at = Some(i);
        let hash = Some(&exported.hash);
        // The hash: the claimed one must be the BLAKE2b-256 of the bytes, well formed.
        let core = mirror::blake2b_256(&exported.action.0);
        if exported.hash.0 != holo_hash(HashKind::Action, &core) {
            let why = check_holo_hash(HashKind::Action, &exported.hash.0)
                .err()
                .unwrap_or_else(|| "it is not the hash of the action's bytes".into());
            found(at, hash, Kind::Hash, why);
        }
        // The bytes, read without re-encoding.
        let action: Action = match rmp_serde::from_slice(&exported.action.0) {
            Ok(a) => a,
            Err(e) => {
                found(
                    at,
                    hash,
                    Kind::Undecodable,
                    format!("the action's bytes do not decode: {e}"),
                );
                prev = None;
                continue;
            }
        };
        // The signature, by the chain's agent, over the exact bytes.
        if action.header.author.as_slice() != export.agent.0.as_slice() {
            found(
                at,
                hash,
                Kind::Author,
                format!(
                    "authored by {}, not by the chain's agent",
                    Bytes(action.header.author.to_vec()).to_text()
                ),
            );
        } else if let Some(key) = &agent_key {
            match <[u8; 64]>::try_from(exported.signature.0.as_slice()) {
                Err(_) => found(
                    at,
                    hash,
                    Kind::Signature,
                    format!(
                        "the signature has {} bytes, not 64",
                        exported.signature.0.len()
                    ),
                ),
                Ok(sig) => {
                    match key.verify_strict(&exported.action.0, &Signature::from_bytes(&sig)) {
                        Ok(()) => signatures += 1,
                        Err(_) => found(
                            at,
                            hash,
                            Kind::Signature,
                            "the signature does not verify over the action's bytes".into(),
                        ),
                    }
                }
            }
        }
        // Sequence, links, time.
        let seq = action.header.action_seq;
        if seq as usize != i {
            found(
                at,
                hash,
                Kind::Link,
                format!("sequence number {seq} at position {i}"),
            );
        }
        match (&prev, &action.header.prev_action) {
            (None, None) if i == 0 => {}
            (Some((prev_hash, _)), Some(link)) if link.as_slice() == prev_hash.0.as_slice() => {}
            (_, None) => found(
                at,
                hash,
                Kind::Link,
                "no link to a previous action after genesis".into(),
            ),
            (None, Some(_)) if i == 0 => found(
                at,
                hash,
                Kind::Link,
                "the first action links to a previous one".into(),
            ),
            _ => found(
                at,
                hash,
                Kind::Link,
                "its previous action is not the one before it".into(),
            ),
        }
        if let Some((_, p)) = &prev {
            if action.header.timestamp < p.header.timestamp {
                found(
                    at,
                    hash,
                    Kind::Time,
                    format!(
                        "timestamp {} is before the previous action's {}",
                        action.header.timestamp, p.header.timestamp
                    ),
                );
            }
        }
        // Genesis: Dna of this DNA, AgentValidationPkg, the agent's key; never again after.
        let genesis_ok = match (i, &action.data) {
            (0, Data::Dna { dna_hash }) => {
                if dna_hash.as_slice() != export.dna_hash.0.as_slice() {
                    found(
                        at,
                        hash,
                        Kind::Genesis,
                        "the chain is of another DNA than the export names".into(),
                    );
                }
                true
            }
            (1, Data::AgentValidationPkg { .. }) => true,
            (
                2,
                Data::Create {
                    entry_type: EntryType::AgentPubKey,
                    entry_hash,
                },
            ) => {
                if entry_hash.as_slice()[..] != mirror::agent_entry_hash(&export.agent.0)[..] {
                    found(
                        at,
                        hash,
                        Kind::Genesis,
                        "the agent key entry is not the chain's agent".into(),
                    );
                }
                true
            }
            (0..=2, _) => false,
            (_, Data::Dna { .. } | Data::AgentValidationPkg { .. }) => false,
            _ => true,
        };
        if !genesis_ok {
            found(at, hash, Kind::Genesis, format!(
                "{} at position {i}: a chain opens with Dna, AgentValidationPkg and the agent's key",
                action.data.name()
            ));
        }
        // The entry.
        match (action.data.entry(), &exported.entry) {
            (None, Some(_)) => found(
                at,
                hash,
                Kind::Entry,
                format!("{} carries an entry", action.data.name()),
            ),
            (None, None) => {}
            (Some((t, _)), None) if t.is_private() && export.private_entries => found(
                at,
                hash,
                Kind::Entry,
                "a private entry is missing from an export that says it includes them".into(),
            ),
            (Some((t, _)), None) if t.is_private() => withheld += 1,
            (Some(_), None) => found(at, hash, Kind::Entry, "its public entry is missing".into()),
            (Some((t, claimed)), Some(e)) => {
                match check_entry(t, claimed, &action.header.author, e) {
                    Err(why) => found(at, hash, Kind::Entry, why),
                    Ok(app) => {
                        entries += 1;
                        if let (EntryType::App(def), Some(bytes)) = (t, app) {
                            if let Some(name) = Replayer::type_name(def.entry_index) {
                                created.insert(exported.hash.0.as_slice(), name);
                            }
                            let problems = replayer.entry(&AppEntry {
                                action: &exported.hash.0,
                                author: &action.header.author,
                                timestamp: action.header.timestamp,
                                entry_index: def.entry_index,
                                zome_index: def.zome_index,
                                bytes: &bytes,
                                update: matches!(action.data, Data::Update { .. }),
                            });
                            for p in problems {
                                found(at, hash, Kind::Rule, p);
                            }
                        }
                    }
                }
            }
        }
        // What the ledger never allows, where one chain can tell; the rest is left online.
        match &action.data {
            Data::DeleteLink { .. } => found(
                at,
                hash,
                Kind::Rule,
                "index links are never deleted: the ledger is append-only".into(),
            ),
            Data::Delete {
                deletes_address, ..
            } => match created.get(deletes_address.as_slice()) {
                Some(&name) if name != "PrivateProfile" => found(
                    at,
                    hash,
                    Kind::Rule,
                    format!(
                        "{name}: entries of this type are never deleted: the ledger is append-only"
                    ),
                ),
                _ => replayer.replay.rules_online += 1,
            },
            Data::CreateLink { .. } => replayer.replay.rules_online += 1,
            _ => {}
        }
        if matches!(
            prev.as_ref().map(|(_, p)| &p.data),
            Some(Data::CloseChain { .. })
        ) {
            found(
                at,
                hash,
                Kind::Link,
                "an action after the chain was closed".into(),
            );
        }
        prev = Some((&exported.hash, action));
    }
    if export.actions.len() < 3 {
        found(
            None,
            None,
            Kind::Genesis,
            format!(
                "{} actions: every chain opens with Dna, AgentValidationPkg and the agent's key",
                export.actions.len()
            ),
        );
    }
    progress(export.actions.len());
    match (&export.head, export.actions.last()) {
        (None, None) => {}
        (Some(head), Some(last))
            if head.hash == last.hash && head.seq as usize + 1 == export.actions.len() => {}
        (Some(head), _) => found(
            None,
            Some(&head.hash),
            Kind::Link,
            format!(
                "the chain ends at position {} but its head is sequence number {}",
                export.actions.len().saturating_sub(1),
                head.seq
            ),
        ),
        (None, Some(_)) => found(None, None, Kind::Export, "actions without a head".into()),
    }
    v.signatures_verified = signatures;
    v.entries_verified = entries;
    v.private_entries_withheld = withheld;
    v.replay = replayer.replay;
    v
}

/// Checks an entry against its action; returns an app entry's own bytes.
fn check_entry(
    t: &EntryType,
    claimed: &[u8],
    author: &[u8],
    e: &ovn_domain::export::ExportedEntry,
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
