//! The audit coordinator zome: any agent's chain exported exactly as it was signed, and a report
//! on any agent that replays every rule over every action they authored.
//!
//! An export is the input of `ovn-audit` (crates/auditor), which trusts nothing in it: it checks
//! every signature, hash and link offline. The report is the online half: the network's view of
//! the chain (status, warrants, rejected actions), the integrity zome's own rules run again over
//! each record, the derived figures those rules recompute, and the completeness of each
//! distribution the agent made (counted contributions it left out).
//!
//! # Layout
//! - [`error`]: [`AuditError`], the typed errors of this zome's API.
//! - [`chain`]: reading an agent's chain, from the source chain or the DHT.
//! - [`export`]: the `export_chain` zome function.
//! - [`report`]: the `audit_agent` zome function.
//! - [`findings`]: what the report found that validation cannot see, and which module checks
//!   each entry type for it.
//! - [`completeness`]: counted contributions a distribution left out.
//! - [`decisions`]: settlements a proposal left out, votes and delegations a decision left out,
//!   equations adopted on a decision that does not stand or on such a proposal or decision.
//! - [`stewards`]: acts only stewards make, by an author the version in force did not list.
//! - [`rules`]: uses and usage-rule changes naming rules not in force.

pub mod chain;
pub mod completeness;
pub mod decisions;
pub mod error;
pub mod export;
pub mod findings;
pub mod report;
pub mod rules;
pub mod stewards;

pub use error::AuditError;
