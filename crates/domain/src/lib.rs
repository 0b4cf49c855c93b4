//! The OVN protocol's rules as pure functions: no hdk, no hdi, no I/O. The integrity zome calls
//! them to validate, the coordinator zomes to check input before committing, and native tests
//! (unit and property) exercise them directly. Compiles for native and `wasm32-unknown-unknown`.
//!
//! Identifiers of agents and records are generic type parameters here (`A`, `R`), so the same
//! rules serve the zomes (with `AgentPubKey` / `ActionHash`) and plain tests (with integers).
//!
//! # Layout
//! Cross-cutting, at the root:
//! - [`error`]: [`DomainError`], the one error type of every rule, with typed payloads.
//! - [`bounds`]: the numeric and date bounds every area shares (`MAX_AMOUNT`, dates).
//! - [`text`]: bounds on free text (names, descriptions, evidence).
//! - [`constitution`]: the network constitution carried in DNA properties, and its defaults.
//! - [`export`]: the chain export format the audit zome writes and `ovn-audit` reads.
//! - `ts` (feature `ts`): the TypeScript names of Holochain's types, for the UI's generated
//!   types (crates/ts).
//!
//! One folder per area, as in the integrity zome:
//! - [`members`]: profiles; projects, their levels and stewards.
//! - [`accounting`]: contributions, their periods, endorsements and when a contribution counts.
//! - [`ledger`]: income, the value equation, apportionment, [`distribute`], settlements.
//! - [`resources`]: property regimes, usage rules and uses; two-party custody.
//! - [`licenses`]: license terms, who owes what (`license_fee`), grants, derivatives.
//! - [`governance`]: vote counts with delegation, reputation, participatory budgets.
//!
//! A new area (coordination, interop) is a folder of its own beside these.

pub mod accounting;
pub mod bounds;
pub mod constitution;
pub mod error;
pub mod export;
pub mod governance;
pub mod ledger;
pub mod licenses;
pub mod members;
pub mod resources;
pub mod text;
#[cfg(feature = "ts")]
pub mod ts;

pub use accounting::contribution::ContributionKind;
pub use accounting::endorsement::{contribution_status, ContributionStatus, EndorsementKind};
pub use accounting::period::Period;
pub use constitution::{Currency, Membrane, NetworkConstitution};
pub use error::DomainError;
pub use ledger::distribution::{
    distribute, AgentShare, BucketResult, ClaimPaid, Input, Outcome, PaidClaims, Payee, Payout,
    TraceLine,
};
pub use ledger::income::IncomeSource;
pub use ledger::value_equation::{
    Behaviour, Bucket, BucketKind, Claim, ValuationRules, ValueEquation,
};
pub use members::project::ProjectLevel;
pub use resources::custody::{Holding, Rights};
pub use resources::resource::{Permitted, PropertyRegime, UsageRules};
