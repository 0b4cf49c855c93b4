//! The chain's order: sequence numbers, links to the previous action, time that never runs
//! back, genesis in its place, and nothing after a CloseChain.
//!
//! Sequence numbers count from 0 and each `prev_action` is the hash of the action before.
//! Genesis is Dna (of the export's DNA), AgentValidationPkg, then the agent's key, and neither
//! Dna nor AgentValidationPkg appears later.

use super::{At, Kind, Verifier};
use crate::mirror::{self, Action, Data, EntryType};

impl Verifier<'_> {
    /// The sequence number is the position, and the link names the action before (the first
    /// action links to none).
    pub(super) fn sequence_and_link(&mut self, at: At<'_>, i: usize, action: &Action) {
        let seq = action.header.action_seq;
        if seq as usize != i {
            self.found(
                at,
                Kind::Link,
                format!("sequence number {seq} at position {i}"),
            );
        }
        let broken = match (&self.prev, &action.header.prev_action) {
            (None, None) if i == 0 => None,
            (Some((prev_hash, _)), Some(link)) if link.as_slice() == prev_hash.0.as_slice() => None,
            (_, None) => Some("no link to a previous action after genesis"),
            (None, Some(_)) if i == 0 => Some("the first action links to a previous one"),
            _ => Some("its previous action is not the one before it"),
        };
        if let Some(why) = broken {
            self.found(at, Kind::Link, why);
        }
    }

    /// No timestamp is earlier than the previous action's.
    pub(super) fn time(&mut self, at: At<'_>, action: &Action) {
        let Some((_, prev)) = &self.prev else {
            return;
        };
        if action.header.timestamp < prev.header.timestamp {
            let detail = format!(
                "timestamp {} is before the previous action's {}",
                action.header.timestamp, prev.header.timestamp
            );
            self.found(at, Kind::Time, detail);
        }
    }

    /// Genesis: Dna of this DNA, AgentValidationPkg, the agent's key; never again after.
    pub(super) fn genesis(&mut self, at: At<'_>, i: usize, action: &Action) {
        let export = self.export;
        let in_place = match (i, &action.data) {
            (0, Data::Dna { dna_hash }) => {
                if dna_hash.as_slice() != export.dna_hash.0.as_slice() {
                    let detail = "the chain is of another DNA than the export names";
                    self.found(at, Kind::Genesis, detail);
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
                    let detail = "the agent key entry is not the chain's agent";
                    self.found(at, Kind::Genesis, detail);
                }
                true
            }
            (0..=2, _) => false,
            (_, Data::Dna { .. } | Data::AgentValidationPkg { .. }) => false,
            _ => true,
        };
        if !in_place {
            self.found(at, Kind::Genesis, format!(
                "{} at position {i}: a chain opens with Dna, AgentValidationPkg and the agent's key",
                action.data.name()
            ));
        }
    }

    /// Nothing follows a CloseChain.
    pub(super) fn not_after_close(&mut self, at: At<'_>) {
        let closed = matches!(
            self.prev.as_ref().map(|(_, prev)| &prev.data),
            Some(Data::CloseChain { .. })
        );
        if closed {
            self.found(at, Kind::Link, "an action after the chain was closed");
        }
    }
}
