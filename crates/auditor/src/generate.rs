//! Chains generated and signed here, shaped as a conductor writes them (the Sweettest suite
//! checks that these types re-encode a real conductor's actions byte for byte): for the tests
//! that tamper with chains or break rules, and for the throughput benchmark.

use crate::mirror::{
    blake2b_256, holo_hash, Action, AppEntryDef, AppEntryOut, Data, EntryType, HashKind, Header,
    Visibility,
};
use crate::replay;
use ed25519_dalek::{Signer, SigningKey};
use ovn_domain::export::{
    Bytes, ChainExport, ExportSource, ExportedAction, ExportedEntry, ExportedHead,
    CHAIN_EXPORT_FORMAT,
};
use ovn_domain::ContributionKind;
use serde::Serialize;
use serde_bytes::ByteBuf;

/// The msgpack holochain_serialized_bytes writes: structs as maps in declaration order.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    rmp_serde::to_vec_named(value).expect("plain data encodes")
}

/// An agent's signing key, from a seed.
pub fn agent(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

/// The agent's 39-byte AgentPubKey: its core is the ed25519 key itself, not a hash of it.
pub fn agent_hash(key: &SigningKey) -> [u8; 39] {
    holo_hash(HashKind::Agent, &key.verifying_key().to_bytes())
}

#[derive(Serialize)]
#[serde(tag = "entry_type", content = "entry")]
enum AgentEntry {
    Agent(ByteBuf),
}

/// Writes a chain action by action, signing each, starting with genesis.
pub struct ChainBuilder {
    key: SigningKey,
    agent: [u8; 39],
    dna: [u8; 39],
    actions: Vec<ExportedAction>,
}

impl ChainBuilder {
    /// Genesis for `key`: Dna, AgentValidationPkg, the agent's key.
    pub fn new(key: SigningKey) -> Self {
        let agent = agent_hash(&key);
        let dna = holo_hash(HashKind::Dna, &blake2b_256(b"ovn generated dna"));
        let mut b = ChainBuilder {
            key,
            agent,
            dna,
            actions: Vec::new(),
        };
        b.push(
            Data::Dna {
                dna_hash: ByteBuf::from(dna.to_vec()),
            },
            None,
        );
        b.push(
            Data::AgentValidationPkg {
                membrane_proof: None,
            },
            None,
        );
        let mut hash = agent;
        hash[..3].copy_from_slice(&HashKind::Entry.prefix());
        let entry = encode(&AgentEntry::Agent(ByteBuf::from(agent.to_vec())));
        b.push(
            create(EntryType::AgentPubKey, hash.to_vec()),
            Some((hash.to_vec(), entry)),
        );
        b
    }

    /// Appends a public app entry of the integrity zome's type `entry_index`; returns its
    /// action's hash.
    pub fn app_entry(&mut self, entry_index: u8, app: Vec<u8>) -> Vec<u8> {
        let (entry_type, hash, entry) = public_app_entry(entry_index, app);
        self.push(create(entry_type, hash.clone()), Some((hash, entry)))
    }

    /// Appends a Profile entry.
    pub fn profile(&mut self, nickname: &str) -> Vec<u8> {
        let profile = replay::Profile {
            nickname: nickname.into(),
            skills: vec!["design".into()],
        };
        self.app_entry(0, encode(&profile))
    }

    /// Appends the agent's own Contribution of `minutes` of work, dated when it is logged.
    pub fn contribution(&mut self, minutes: u32) -> Vec<u8> {
        let contribution = replay::Contribution {
            contributor: ByteBuf::from(self.agent.to_vec()),
            kind: ContributionKind::Work {
                minutes,
                skill: "design".into(),
            },
            description: "Drew the optics".into(),
            evidence: vec![],
            when: self.next_timestamp(),
        };
        self.app_entry(3, encode(&contribution))
    }

    fn next_timestamp(&self) -> i64 {
        1_760_000_000_000_000 + self.actions.len() as i64 * 1_000
    }

    /// Appends a link from the agent to the last action.
    pub fn link(&mut self) -> Vec<u8> {
        let target = self
            .actions
            .last()
            .map(|a| a.hash.0.clone())
            .unwrap_or_default();
        let data = Data::CreateLink {
            base_address: ByteBuf::from(self.agent.to_vec()),
            target_address: ByteBuf::from(target),
            zome_index: 0,
            link_type: 0,
            tag: ByteBuf::new(),
        };
        self.push(data, None)
    }

    /// Appends an Update of the app entry at `original` to new bytes.
    pub fn app_update(&mut self, entry_index: u8, original: &[u8], app: Vec<u8>) -> Vec<u8> {
        let (entry_type, hash, entry) = public_app_entry(entry_index, app);
        let data = Data::Update {
            original_action_address: ByteBuf::from(original.to_vec()),
            original_entry_address: ByteBuf::from(vec![0; 39]),
            entry_type,
            entry_hash: ByteBuf::from(hash.clone()),
        };
        self.push(data, Some((hash, entry)))
    }

    /// Appends any action, with an entry's (hash, bytes) if it carries one.
    pub fn push(&mut self, data: Data, entry: Option<(Vec<u8>, Vec<u8>)>) -> Vec<u8> {
        let seq = self.actions.len();
        let action = Action {
            header: Header {
                author: ByteBuf::from(self.agent.to_vec()),
                timestamp: self.next_timestamp(),
                action_seq: seq as u32,
                prev_action: self.actions.last().map(|a| ByteBuf::from(a.hash.0.clone())),
            },
            data,
        };
        let bytes = encode(&action);
        let hash = holo_hash(HashKind::Action, &blake2b_256(&bytes)).to_vec();
        let signature = self.key.sign(&bytes).to_bytes().to_vec();
        self.actions.push(ExportedAction {
            hash: Bytes(hash.clone()),
            signature: Bytes(signature),
            action: Bytes(bytes),
            entry: entry.map(|(h, e)| ExportedEntry {
                hash: Bytes(h),
                entry: Bytes(e),
            }),
        });
        hash
    }

    /// The export of the chain as written.
    pub fn finish(self) -> ChainExport {
        let n = self.actions.len();
        ChainExport {
            format: CHAIN_EXPORT_FORMAT.into(),
            dna_hash: Bytes(self.dna.to_vec()),
            agent: Bytes(self.agent.to_vec()),
            source: ExportSource::Author,
            head: self.actions.last().map(|a| ExportedHead {
                seq: n as u32 - 1,
                hash: a.hash.clone(),
            }),
            private_entries: false,
            exported_at: 1_760_000_000_000_000 + n as i64 * 1_000,
            actions: self.actions,
        }
    }
}

/// A valid chain of `n` actions (at least the three of genesis) by `key`: genesis, a profile,
/// then alternately a contribution and a link.
pub fn chain(key: &SigningKey, n: usize) -> ChainExport {
    let mut b = ChainBuilder::new(key.clone());
    for seq in 3..n {
        if seq == 3 {
            b.profile("alice");
        } else if seq % 2 == 1 {
            b.contribution(60);
        } else {
            b.link();
        }
    }
    b.finish()
}

/// A public app entry of the integrity zome's type `entry_index`: its type, hash and bytes.
fn public_app_entry(entry_index: u8, app: Vec<u8>) -> (EntryType, Vec<u8>, Vec<u8>) {
    let entry = encode(&AppEntryOut::App(ByteBuf::from(app)));
    let hash = holo_hash(HashKind::Entry, &blake2b_256(&entry)).to_vec();
    let def = AppEntryDef {
        entry_index,
        zome_index: 0,
        visibility: Visibility::Public,
    };
    (EntryType::App(def), hash, entry)
}

fn create(entry_type: EntryType, entry_hash: Vec<u8>) -> Data {
    Data::Create {
        entry_type,
        entry_hash: ByteBuf::from(entry_hash),
    }
}
