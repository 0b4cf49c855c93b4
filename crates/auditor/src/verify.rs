//! Verifying an export: every action's hash and signature over its exact bytes, the chain's
//! links and genesis, every entry's hash, and then the protocol's rules ([`crate::replay`]).
//! Nothing in the export is trusted: a claimed hash is compared with the hash computed from the
//! bytes, and the bytes are decoded only to read what was signed.
//!
//! The costly checks (hashes, signatures) run ahead on every core, a block of actions at a time
//! (`parallel`); then one `Verifier` passes over the block in order, action by action, phase by
//! phase:
//! - `export`: the export's own fields (format, agent, DNA hash), its length and its head.
//! - `signed`: each action's hash, its bytes decoded, its author and signature.
//! - `chain`: sequence numbers, links, time, genesis, nothing after a closed chain.
//! - `entry`: each entry against its action, app entries replayed, nothing deleted.

mod chain;
mod entry;
mod export;
mod parallel;
mod signed;

use crate::mirror::Action;
use crate::replay::{Replay, Replayer};
use ed25519_dalek::VerifyingKey;
use ovn_domain::export::{Bytes, ChainExport, ExportedAction};
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
/// Actions checked ahead on every core at a time, between two reports of progress.
const BLOCK: usize = 8192;

/// Verifies `export`, calling `progress` with the number of actions done so far.
pub fn verify(export: &ChainExport, mut progress: impl FnMut(usize)) -> Verification {
    let mut verifier = Verifier::new(export);
    verifier.export_fields();
    let key = verifier.agent_key;
    for (b, block) in export.actions.chunks(BLOCK).enumerate() {
        progress(b * BLOCK);
        let checked = parallel::check(block, key.as_ref());
        for (j, (exported, checked)) in block.iter().zip(checked).enumerate() {
            verifier.action(b * BLOCK + j, exported, checked);
        }
    }
    verifier.genesis_length();
    progress(export.actions.len());
    verifier.head();
    verifier.finish()
}

/// Where a finding is: an action's position and claimed hash, or the export as a whole.
#[derive(Clone, Copy)]
struct At<'a> {
    index: Option<usize>,
    hash: Option<&'a Bytes>,
}

/// A finding about the export as a whole.
const EXPORT: At<'static> = At {
    index: None,
    hash: None,
};

/// One pass over an export: what is found, and what later actions need from earlier ones.
struct Verifier<'a> {
    export: &'a ChainExport,
    /// The chain's agent as the key signatures verify under, when the export names a valid one.
    agent_key: Option<VerifyingKey>,
    findings: Vec<Finding>,
    replayer: Replayer,
    /// The previous action, when its bytes decoded: its claimed hash and what it says.
    prev: Option<(&'a Bytes, Action)>,
    signatures: usize,
    entries: usize,
    withheld: usize,
    /// The entry type of each app entry created so far, by its action's claimed hash.
    created: HashMap<&'a [u8], &'static str>,
}

impl<'a> Verifier<'a> {
    fn new(export: &'a ChainExport) -> Self {
        Verifier {
            export,
            agent_key: None,
            findings: Vec::new(),
            replayer: Replayer::default(),
            prev: None,
            signatures: 0,
            entries: 0,
            withheld: 0,
            created: HashMap::new(),
        }
    }

    fn found(&mut self, at: At<'_>, kind: Kind, detail: impl Into<String>) {
        self.findings.push(Finding {
            index: at.index,
            action: at.hash.map(Bytes::to_text),
            kind,
            detail: detail.into(),
        })
    }

    /// Action `i`, phase by phase; one whose bytes do not decode is checked no further, and the
    /// next one has no previous action to link to.
    fn action(&mut self, i: usize, exported: &'a ExportedAction, checked: parallel::Checked) {
        let at = At {
            index: Some(i),
            hash: Some(&exported.hash),
        };
        self.hash(at, exported, checked.hash_ok);
        let Some(action) = self.decode(at, exported) else {
            self.prev = None;
            return;
        };
        self.signature(at, exported, &action, checked.signature_ok);
        self.sequence_and_link(at, i, &action);
        self.time(at, &action);
        self.genesis(at, i, &action);
        self.entry(at, exported, &action);
        self.append_only(at, &action);
        self.not_after_close(at);
        self.prev = Some((&exported.hash, action));
    }

    fn finish(self) -> Verification {
        let export = self.export;
        Verification {
            format: export.format.clone(),
            agent: export.agent.to_text(),
            dna_hash: export.dna_hash.to_text(),
            source: export.source,
            actions: export.actions.len(),
            signatures_verified: self.signatures,
            entries_verified: self.entries,
            private_entries_withheld: self.withheld,
            replay: self.replayer.replay,
            findings: self.findings,
        }
    }
}
