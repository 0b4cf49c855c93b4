//! [`ContributionError`]: what the contributions API reports instead of writing bad data.

use hdk::prelude::*;
use ovn_domain::DomainError;

#[derive(Debug, thiserror::Error)]
pub enum ContributionError {
    #[error("invalid input: {0}")]
    Invalid(#[from] DomainError),
    #[error("a correction must correct your own contribution to the same project; {0} is not")]
    BadCorrection(ActionHash),
    #[error("you cannot endorse your own contribution {0}")]
    SelfEndorsement(ActionHash),
    #[error("only members endorse: {0} has no profile yet; create one first")]
    NotAMember(AgentPubKey),
}

impl From<ContributionError> for WasmError {
    fn from(e: ContributionError) -> Self {
        wasm_error!(WasmErrorInner::Guest(e.to_string()))
    }
}
