//! The OVN protocol's rules as pure functions: no hdk, no hdi, no I/O. The integrity zome calls
//! them to validate, the coordinator zomes to check input before committing, and native tests
//! (unit and property) exercise them directly. Compiles for native and `wasm32-unknown-unknown`.
//!
//! Identifiers of agents and records are generic type parameters here (`A`, `R`), so the same
//! rules serve the zomes (with `AgentPubKey` / `ActionHash`) and plain tests (with integers).
//!
//! # Layout
//! - [`error`]: [`DomainError`], the one error type of every rule, with typed payloads.
//! - [`text`]: bounds on free text (names, descriptions, evidence).
//! - [`constitution`]: the network constitution carried in DNA properties, and its defaults.
//! - [`profile`]: rules for a member's public and private profile.
//! - [`project`]: project levels and the rules for creating a project.
//! - [`contribution`]: contribution kinds (Valueflows names), quantity bounds and time rules.
//! - [`period`]: the calendar month a contribution is indexed under.
//! - [`endorsement`]: endorsement kinds and when a contribution counts.
//! - [`value_equation`]: the typed value equation: buckets, valuation rules, claim types.
//! - [`apportion`]: exact largest-remainder splits, with caps.
//! - [`distribution`]: [`distribute`], sharing an income exactly, with a trace.
//! - [`settlement`]: the common ledger's pages of counted contributions.
//! - [`income`]: income sources and the rules on recorded income.
//! - [`resource`]: property regimes, typed usage rules, and the rules on one use.
//! - [`custody`]: two-party custody: transfers, acceptances, and a resource's history.
//! - [`license`]: license terms, who owes what (`license_fee`), share-alike for derivatives.
//! - [`export`]: the chain export format the audit zome writes and `ovn-audit` reads.

pub mod apportion;
pub mod constitution;
pub mod contribution;
pub mod custody;
pub mod distribution;
pub mod endorsement;
pub mod error;
pub mod export;
pub mod income;
pub mod license;
pub mod period;
pub mod profile;
pub mod project;
pub mod resource;
pub mod settlement;
pub mod text;
pub mod value_equation;

pub use constitution::{Currency, Membrane, NetworkConstitution};
pub use contribution::ContributionKind;
pub use custody::{Holding, Rights};
pub use distribution::{
    distribute, AgentShare, BucketResult, ClaimPaid, Input, Outcome, PaidClaims, Payout, TraceLine,
};
pub use endorsement::{contribution_status, ContributionStatus, EndorsementKind};
pub use error::DomainError;
pub use income::IncomeSource;
pub use period::Period;
pub use project::ProjectLevel;
pub use resource::{Permitted, PropertyRegime, UsageRules};
pub use value_equation::{Behaviour, Bucket, BucketKind, Claim, ValuationRules, ValueEquation};
