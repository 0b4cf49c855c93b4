//! [`ResourcesError`]: what the resources API reports instead of writing bad data.

use hdk::prelude::*;
use ovn_domain::DomainError;
use ovn_zome_support::membership::StewardRefusal;

#[derive(Debug, thiserror::Error)]
pub enum ResourcesError {
    #[error("invalid input: {0}")]
    Invalid(#[from] DomainError),
    #[error(transparent)]
    Steward(#[from] StewardRefusal),
    #[error("decision {0} is not on a change of usage rules")]
    NotARulesChange(ActionHash),
    #[error(
        "decision {decision} was already carried out: it made version {version} of the usage rules"
    )]
    AlreadyChanged { decision: ActionHash, version: u32 },
    /// What validation would refuse, in its words.
    #[error("{0}")]
    Refused(String),
    #[error("this decision cannot be carried out: {0}")]
    NotStanding(String),
    #[error("{agent} has no profile yet; only members hold, ask for or use members' resources")]
    NoProfile { agent: AgentPubKey },
    #[error("{agent} does not hold resource {resource}; {custodian} does")]
    NotCustodian {
        resource: ActionHash,
        agent: AgentPubKey,
        custodian: AgentPubKey,
    },
    #[error("resource {resource} is already offered to {to} (transfer {transfer}) until {expires}; it can be offered again once they decline or the offer expires")]
    AlreadyOffered {
        resource: ActionHash,
        transfer: ActionHash,
        to: AgentPubKey,
        expires: Timestamp,
    },
    #[error("transfer {transfer} is offered to {recipient}; only they may answer it")]
    NotRecipient {
        transfer: ActionHash,
        recipient: AgentPubKey,
    },
    #[error("transfer {0} was already answered (accepted or declined)")]
    AlreadyAnswered(ActionHash),
    #[error("transfer {transfer} expired at {expires}; ask the custodian to offer it again")]
    OfferExpired {
        transfer: ActionHash,
        expires: Timestamp,
    },
    #[error("transfer {transfer} breaks the custody rules ({reason}); accepting it would be rejected too")]
    InvalidOffer {
        transfer: ActionHash,
        reason: String,
    },
    #[error("transfer {transfer} is not the resource's pending offer{}; accepting it would be rejected", match pending { Some(p) => format!(" ({p} is)"), None => String::new() })]
    NotThePendingOffer {
        transfer: ActionHash,
        pending: Option<ActionHash>,
    },
}

impl From<ResourcesError> for WasmError {
    fn from(e: ResourcesError) -> Self {
        wasm_error!(WasmErrorInner::Guest(e.to_string()))
    }
}
