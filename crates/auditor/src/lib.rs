//! `ovn-audit`: verifies an OVN chain export (`ovn-chain-export/1`, written by the audit zome's
//! `export_chain`) offline, without a conductor, taking nothing in the file on trust. It proves
//! that the agent signed these actions, in this order, up to the head the export names, and that
//! they keep the rules one chain can answer; that this is the whole chain the network holds is
//! the online audit's question (`audit_agent`): an author can export a shorter chain that ends
//! at a head of their choosing, and the export's `source` is the exporter's word, so compare the
//! head with `audit_agent`'s.
//! It depends on no Holochain crate: ed25519-dalek checks signatures, blake2 the hashes,
//! rmp-serde (the exact version Holochain encodes with) reads the signed bytes, and the
//! protocol's rules are the same `ovn_domain` functions the integrity zome validates with.
//!
//! # Layout
//! - [`mirror`]: Holochain 0.7.1's actions, entries and hashes, byte for byte.
//! - [`verify`]: one pass over the chain, then the rules; a file per phase under `verify/`:
//!   - `verify/export`: the export's own fields (format, agent, DNA hash), length and head.
//!   - `verify/signed`: each action's hash, its bytes decoded, its author and signature.
//!   - `verify/chain`: sequence numbers, links, time, genesis, nothing after a closed chain.
//!   - `verify/entry`: each entry against its action, app entries replayed, nothing deleted.
//! - [`replay`]: the protocol's rules over one chain's decoded entries:
//!   - `replay/entries`: the entry fields the rules read (mirror structs), [`replay::ENTRY_TYPES`].
//!   - `replay/rules`: the rules of each entry type.
//! - [`report`]: the human-readable report.
//! - [`cli`]: the command line (`ovn-audit [--json] [--quiet] FILE`).
//! - [`generate`]: signed chains for tests and benchmarks.

pub mod cli;
pub mod generate;
pub mod mirror;
pub mod replay;
pub mod report;
pub mod verify;

use ovn_domain::export::{ChainExport, CHAIN_EXPORT_FORMAT};

/// Reads an export from JSON, naming what is wrong with a malformed or truncated file.
pub fn read_export(json: &[u8]) -> Result<ChainExport, String> {
    if json.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".into());
    }
    serde_json::from_slice(json).map_err(|e| {
        let what = if e.is_eof() {
            "it ends too early (truncated?)"
        } else if e.is_syntax() {
            "it is not valid JSON"
        } else {
            "it is not a chain export"
        };
        format!("{what}: {e} (expected an {CHAIN_EXPORT_FORMAT} file, as written by the audit zome's export_chain)")
    })
}

#[cfg(test)]
mod tests;
