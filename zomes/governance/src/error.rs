//! [`GovernanceError`]: what the governance API reports instead of writing bad data.

use hdk::prelude::*;
use ovn_domain::DomainError;

#[derive(Debug, thiserror::Error)]
pub enum GovernanceError {
    #[error("invalid input: {0}")]
    Invalid(#[from] DomainError),
    /// A record the proposal names, or its electorate, as validation would refuse it.
    #[error("{0}")]
    Refused(String),
    #[error("{agent} is not in the electorate of this proposal: {why}")]
    NotInElectorate { agent: AgentPubKey, why: String },
    #[error("proposal {proposal} is closed: votes count only while it is open")]
    Closed { proposal: ActionHash },
    #[error(transparent)]
    Steward(#[from] ovn_zome_support::membership::StewardRefusal),
    #[error("decision {0} is not on a change of the project's governance rules")]
    NotARulesChange(ActionHash),
    #[error(
        "decision {decision} was already carried out: it made version {version} of the project's \
         governance rules"
    )]
    AlreadyChanged { decision: ActionHash, version: u32 },
    #[error("this decision cannot be carried out: {0}")]
    NotStanding(String),
    #[error("proposal {proposal} is still open until {closes}: decide after it closes")]
    StillOpen {
        proposal: ActionHash,
        closes: Timestamp,
    },
}

impl From<GovernanceError> for WasmError {
    fn from(e: GovernanceError) -> Self {
        wasm_error!(WasmErrorInner::Guest(e.to_string()))
    }
}
