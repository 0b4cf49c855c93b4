//! [`AuditError`]: what the audit API reports instead of a partial answer.

use hdk::prelude::*;

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("only {agent} can export their private entries; others see only their hashes")]
    PrivateOfOthers { agent: AgentPubKey },
    #[error("the network holds no activity of {0} yet (not a member, or not yet gossiped here)")]
    NoActivity(AgentPubKey),
    #[error("the chain of {agent} could not be read to its head {head}: {reason}")]
    Unreadable {
        agent: AgentPubKey,
        head: ActionHash,
        reason: String,
    },
    #[error("could not encode {what}: {reason}")]
    Encoding { what: String, reason: String },
}

impl From<AuditError> for WasmError {
    fn from(e: AuditError) -> Self {
        wasm_error!(WasmErrorInner::Guest(e.to_string()))
    }
}
