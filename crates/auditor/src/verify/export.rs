//! The export's own fields: its format, agent and DNA hash; that it holds at least genesis; and
//! that the head it names is its last action.

use super::{At, Kind, Verifier, EXPORT};
use crate::mirror::{check_holo_hash, HashKind};
use ed25519_dalek::VerifyingKey;
use ovn_domain::export::CHAIN_EXPORT_FORMAT;

impl Verifier<'_> {
    /// The format, the agent (kept as the key the signatures verify under) and the DNA hash.
    pub(super) fn export_fields(&mut self) {
        let export = self.export;
        if export.format != CHAIN_EXPORT_FORMAT {
            self.found(
                EXPORT,
                Kind::Export,
                format!("format is {:?}, not {CHAIN_EXPORT_FORMAT:?}", export.format),
            );
        }
        self.agent_key = match check_holo_hash(HashKind::Agent, &export.agent.0) {
            Ok(core) => match VerifyingKey::from_bytes(&core) {
                Ok(key) => Some(key),
                Err(e) => {
                    let detail = format!("the agent is not an ed25519 key: {e}");
                    self.found(EXPORT, Kind::Export, detail);
                    None
                }
            },
            Err(e) => {
                self.found(EXPORT, Kind::Export, format!("the agent: {e}"));
                None
            }
        };
        if let Err(e) = check_holo_hash(HashKind::Dna, &export.dna_hash.0) {
            self.found(EXPORT, Kind::Export, format!("the DNA hash: {e}"));
        }
    }

    /// Every chain holds at least its three genesis actions.
    pub(super) fn genesis_length(&mut self) {
        let actions = self.export.actions.len();
        if actions < 3 {
            self.found(
                EXPORT,
                Kind::Genesis,
                format!(
                    "{actions} actions: every chain opens with Dna, AgentValidationPkg and the agent's key"
                ),
            );
        }
    }

    /// The head the export names is its last action, at the sequence number of its position.
    pub(super) fn head(&mut self) {
        let export = self.export;
        match (&export.head, export.actions.last()) {
            (None, None) => {}
            (Some(head), Some(last))
                if head.hash == last.hash && head.seq as usize + 1 == export.actions.len() => {}
            (Some(head), _) => self.found(
                At {
                    index: None,
                    hash: Some(&head.hash),
                },
                Kind::Link,
                format!(
                    "the chain ends at position {} but its head is sequence number {}",
                    export.actions.len().saturating_sub(1),
                    head.seq
                ),
            ),
            (None, Some(_)) => self.found(EXPORT, Kind::Export, "actions without a head"),
        }
    }
}
