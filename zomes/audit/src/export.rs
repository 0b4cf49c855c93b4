//! `export_chain`: an agent's chain exactly as signed, in the `ovn-chain-export/1` format
//! (`ovn_domain::export`), for `ovn-audit` to verify offline. The signed bytes of an action are
//! `holochain_serialized_bytes::encode(action)`; the source is `Author` for the caller's own
//! chain and `Dht` for another's ([`crate::chain`]). Asking for another agent's private entries
//! is refused, and an agent the network holds nothing of is an error, not an empty export.

use crate::chain::{chain_of, is_private};
use crate::AuditError;
use hdk::prelude::*;
use holochain_serialized_bytes::encode;
use ovn_domain::export::{
    Bytes, ChainExport, ExportSource, ExportedAction, ExportedEntry, ExportedHead,
    CHAIN_EXPORT_FORMAT,
};
use ovn_zome_support::input::Input;

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportChainInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub agent: AgentPubKey,
    /// Include private entries (the caller's own chain only).
    #[serde(default)]
    pub include_private: bool,
}

/// `agent`'s chain from genesis to its head: for each action the exact bytes that were signed,
/// the signature and the hash; for each public entry (and each private one, when the caller
/// exports their own chain with `include_private`) its exact bytes and hash.
#[hdk_extern]
pub fn export_chain(input: Input) -> ExternResult<ChainExport> {
    let input: ExportChainInput = input.decode()?;
    let me = agent_info()?.agent_initial_pubkey;
    if input.include_private && input.agent != me {
        return Err(AuditError::PrivateOfOthers { agent: input.agent }.into());
    }
    let chain = chain_of(&input.agent)?;
    if chain.records.is_empty() {
        return Err(AuditError::NoActivity(input.agent).into());
    }
    let mut actions = Vec::with_capacity(chain.records.len());
    for record in &chain.records {
        actions.push(exported(record, input.include_private)?);
    }
    let head = chain.records.last().map(|r| ExportedHead {
        seq: r.action().action_seq(),
        hash: raw(r.action_address()),
    });
    Ok(ChainExport {
        format: CHAIN_EXPORT_FORMAT.into(),
        dna_hash: raw(&dna_info()?.hash),
        agent: raw(&input.agent),
        source: chain.source,
        head,
        private_entries: input.include_private && chain.source == ExportSource::Author,
        exported_at: sys_time()?.as_micros(),
        actions,
    })
}

fn exported(record: &Record, include_private: bool) -> ExternResult<ExportedAction> {
    let action = record.action();
    let bytes = encode(action).map_err(|e| AuditError::Encoding {
        what: format!("action {}", record.action_address()),
        reason: e.to_string(),
    })?;
    let private = is_private(action);
    let entry = match (record.entry().as_option(), action.entry_hash()) {
        (Some(entry), Some(hash)) if include_private || !private => Some(ExportedEntry {
            hash: raw(hash),
            entry: Bytes(encode(entry).map_err(|e| AuditError::Encoding {
                what: format!("entry {hash}"),
                reason: e.to_string(),
            })?),
        }),
        _ => None,
    };
    Ok(ExportedAction {
        hash: raw(record.action_address()),
        signature: Bytes(record.signature().0.to_vec()),
        action: Bytes(bytes),
        entry,
    })
}

fn raw<T: HashType>(hash: &HoloHash<T>) -> Bytes {
    Bytes(hash.get_raw_39().to_vec())
}
