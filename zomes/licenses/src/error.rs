//! [`LicensesError`]: what the licenses API reports instead of writing bad data.

use hdk::prelude::*;
use ovn_domain::DomainError;
use ovn_zome_support::membership::StewardRefusal;

#[derive(Debug, thiserror::Error)]
pub enum LicensesError {
    #[error("invalid input: {0}")]
    Invalid(#[from] DomainError),
    #[error(transparent)]
    Steward(#[from] StewardRefusal),
    #[error("license {0} not found")]
    LicenseNotFound(ActionHash),
    #[error("contribution {0} not found")]
    ContributionNotFound(ActionHash),
    #[error("only {creator}, who created resource {resource}, attaches its license")]
    NotCreator {
        resource: ActionHash,
        creator: AgentPubKey,
    },
    #[error("resource {resource} already carries a license (attachment {attachment})")]
    AlreadyLicensed {
        resource: ActionHash,
        attachment: ActionHash,
    },
    #[error("resource {0} carries no license yet: its creator attaches one first")]
    Unlicensed(ActionHash),
    #[error("{agent} has no profile yet; only members ask for licenses (for themselves or for an outside entity)")]
    NoProfile { agent: AgentPubKey },
    #[error("contribution {contribution} does not count yet ({confirmations} of {required} confirmations, or disputed): a contributing for-profit names counted contributions")]
    NotCounted {
        contribution: ActionHash,
        confirmations: u32,
        required: u32,
    },
    #[error("{agent} may not grant licenses for resource {resource}: only who attached its license, or a steward of its project")]
    NotLicensor {
        agent: AgentPubKey,
        resource: ActionHash,
    },
    /// What an entry names, as validation would refuse it.
    #[error("{0}")]
    Refused(String),
    #[error("this decision cannot be carried out: {0}")]
    NotStanding(String),
    #[error("decision {0} is not about a license exception")]
    NotAnException(ActionHash),
    #[error("decision {decision} was already carried out: it decided exception {exception}")]
    AlreadyDecided {
        decision: ActionHash,
        exception: ActionHash,
    },
    #[error("request {request} was already granted (grant {grant})")]
    AlreadyGranted {
        request: ActionHash,
        grant: ActionHash,
    },
}

impl From<LicensesError> for WasmError {
    fn from(e: LicensesError) -> Self {
        wasm_error!(WasmErrorInner::Guest(e.to_string()))
    }
}
