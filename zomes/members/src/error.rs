//! [`MembersError`]: what the members API reports instead of writing bad data.

use hdk::prelude::*;
use ovn_domain::DomainError;
use ovn_zome_support::membership::StewardRefusal;

#[derive(Debug, thiserror::Error)]
pub enum MembersError {
    #[error("invalid input: {0}")]
    Invalid(#[from] DomainError),
    #[error("{agent} already has a profile; update it instead")]
    ProfileExists { agent: AgentPubKey },
    #[error("{agent} has no profile yet; create one first")]
    NoProfile { agent: AgentPubKey },
    #[error("parent project {0} not found")]
    ParentNotFound(ActionHash),
    #[error("{0} is not a project")]
    NotAProject(ActionHash),
    #[error("your payout details are yours already: share them with someone else")]
    ShareWithSelf,
    #[error("{payee} has not shared their payout details with you, or has revoked it; ask them to share them from the distribution")]
    NotShared { payee: AgentPubKey },
    #[error("this network is open: anyone joins without an invitation")]
    OpenNetwork,
    #[error("only the network's progenitor, {progenitor}, issues invitations")]
    NotProgenitor { progenitor: String },
    #[error("the progenitor joins without an invitation: invite another agent's key")]
    InvitingProgenitor,
    #[error("{agent}'s node cannot be reached now ({why}); try again when they are online")]
    Unreachable { agent: AgentPubKey, why: String },
    #[error("decision {0} is not about a change of a project: only a project change's decision changes one")]
    NotAProjectChange(ActionHash),
    #[error(
        "decision {decision} was already carried out: it made version {version} of the project"
    )]
    AlreadyChanged { decision: ActionHash, version: u32 },
    /// What validation would refuse, in its words.
    #[error("{0}")]
    Refused(String),
    #[error("this decision cannot be carried out: {0}")]
    NotStanding(String),
    #[error(transparent)]
    Steward(#[from] StewardRefusal),
}

impl From<MembersError> for WasmError {
    fn from(e: MembersError) -> Self {
        wasm_error!(WasmErrorInner::Guest(e.to_string()))
    }
}
