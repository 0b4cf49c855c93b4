//! Each action as signed: its claimed hash is the hash of its bytes, the bytes decode, and the
//! chain's agent signed exactly these bytes.
//!
//! The hash is a HoloHash (the action prefix, the BLAKE2b-256 core, 4 location bytes) of the
//! bytes; the bytes decode as a Holochain 0.7 action ([`crate::mirror`]); the author is the
//! export's agent, and the ed25519 signature verifies over the bytes (both computed ahead, on
//! every core: `super::parallel`).

use super::{At, Kind, Verifier};
use crate::mirror::{check_holo_hash, Action, HashKind};
use ovn_domain::export::{Bytes, ExportedAction};

impl Verifier<'_> {
    /// The claimed hash must be the BLAKE2b-256 of the bytes, well formed (`hash_ok`: it is,
    /// as computed ahead in `parallel`).
    pub(super) fn hash(&mut self, at: At<'_>, exported: &ExportedAction, hash_ok: bool) {
        if !hash_ok {
            let why = check_holo_hash(HashKind::Action, &exported.hash.0)
                .err()
                .unwrap_or_else(|| "it is not the hash of the action's bytes".into());
            self.found(at, Kind::Hash, why);
        }
    }

    /// The bytes, read without re-encoding; `None` when they do not decode.
    pub(super) fn decode(&mut self, at: At<'_>, exported: &ExportedAction) -> Option<Action> {
        match rmp_serde::from_slice(&exported.action.0) {
            Ok(action) => Some(action),
            Err(e) => {
                let detail = format!("the action's bytes do not decode: {e}");
                self.found(at, Kind::Undecodable, detail);
                None
            }
        }
    }

    /// The signature, by the chain's agent, over the exact bytes (`verified`: whether it
    /// verifies under the agent key, as computed ahead in `parallel`).
    pub(super) fn signature(
        &mut self,
        at: At<'_>,
        exported: &ExportedAction,
        action: &Action,
        verified: Option<bool>,
    ) {
        let author = &action.header.author;
        if author.as_slice() != self.export.agent.0.as_slice() {
            let author = Bytes(author.to_vec()).to_text();
            let detail = format!("authored by {author}, not by the chain's agent");
            self.found(at, Kind::Author, detail);
            return;
        }
        if self.agent_key.is_none() {
            return;
        }
        let signature = &exported.signature.0;
        let verified = match verified {
            Some(true) => Ok(()),
            Some(false) => Err("the signature does not verify over the action's bytes".to_string()),
            None => Err(format!(
                "the signature has {} bytes, not 64",
                signature.len()
            )),
        };
        match verified {
            Ok(()) => self.signatures += 1,
            Err(why) => self.found(at, Kind::Signature, why),
        }
    }
}
