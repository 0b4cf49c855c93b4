//! [`LedgerError`]: what the ledger API reports instead of writing bad data.

use hdk::prelude::*;
use ovn_domain::DomainError;
use ovn_zome_support::membership::StewardRefusal;

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("decision {0} is not about a value equation: only an equation's decision adopts one")]
    NotAnEquation(ActionHash),
    #[error("decision {decision} was already carried out: it adopted version {version}")]
    AlreadyAdopted { decision: ActionHash, version: u32 },
    /// What validation would refuse, in its words.
    #[error("{0}")]
    Refused(String),
    #[error("this decision cannot be carried out: {0}")]
    NotStanding(String),
    #[error("invalid input: {0}")]
    Invalid(#[from] DomainError),
    #[error(transparent)]
    Steward(#[from] StewardRefusal),
    #[error("resource {0} belongs to no project: it has no contributors to chart")]
    NoProject(ActionHash),
    #[error("only {licensor}, who granted {grant}, records its fee")]
    NotTheLicensor {
        grant: ActionHash,
        licensor: AgentPubKey,
    },
    #[error("only {collector}, who collects the fees of the custody state use {resource_use} names, records its fee")]
    NotTheCollector {
        resource_use: ActionHash,
        collector: AgentPubKey,
    },
    #[error("a counted contribution cannot be settled: {0}")]
    Unsettleable(String),
    #[error("what set this fee cannot be read: {0}")]
    UnreadableFeeSource(String),
    #[error("the income from {record} was already recorded as income {income}")]
    FeeAlreadyRecorded {
        record: ActionHash,
        income: ActionHash,
    },
    #[error(
        "income {income} was recorded by {holder}, who holds the funds; only they distribute it"
    )]
    NotYourIncome {
        income: ActionHash,
        holder: AgentPubKey,
    },
    #[error("income {income} was already distributed by {distribution}")]
    AlreadyDistributed {
        income: ActionHash,
        distribution: ActionHash,
    },
    #[error("the cutoff {cutoff} is in the future")]
    CutoffInTheFuture { cutoff: Timestamp },
    #[error("income {0} would pay nobody: no counted contribution takes part and no fixed share applies; nothing was written")]
    NothingToPay(ActionHash),
    #[error("distribution {distribution} pays {agent} nothing")]
    NotAPayee {
        distribution: ActionHash,
        agent: AgentPubKey,
    },
    #[error("the network's value equation in the DNA properties is unusable: {0}")]
    BadNetworkEquation(String),
    #[error("the inputs of distribution {distribution} cannot be read: {reason}")]
    UnreadableInputs {
        distribution: ActionHash,
        reason: String,
    },
}

impl From<LedgerError> for WasmError {
    fn from(e: LedgerError) -> Self {
        wasm_error!(WasmErrorInner::Guest(e.to_string()))
    }
}
