//! The ledger coordinator zome: the common ledger's API. Any member carries out a decision
//! adopting a value equation (stewards adopt alone where decisions do not bind); the agent who
//! holds a project's income records it, previews how it would be shared, and
//! distributes it; payees explain and confirm their payouts; anyone exports a distribution with
//! its trace. Every figure comes from `ovn_domain::distribute`, the function validators rerun.
//!
//! # Layout
//! - [`error`]: [`LedgerError`], the typed errors of this zome's API.
//! - [`equations`]: `adopt_decided_equation`, `set_value_equation`, `get_value_equation`,
//!   `get_version_adopted_by`.
//! - [`incomes`]: `record_income`, `get_incomes_for_project`.
//! - [`plan`]: gathering a distribution's inputs: counted contributions settled by month.
//! - [`distributions`]: `preview_distribution`, `distribute`, `get_distributions_for_project`,
//!   `explain_payout`, `confirm_payment`, `get_payment_receipts`.
//! - [`export`]: `export_distribution`, a distribution and its trace as JSON and CSV.
//! - [`pie_chart`]: `export_pie_chart`, a resource's contributor shares as `pie-chart.json`.

pub mod distributions;
pub mod equations;
pub mod error;
pub mod export;
pub mod incomes;
pub mod pie_chart;
pub mod plan;

pub use error::LedgerError;
