//! The common ledger: income, value equations, settlements (the ledger's pages of counted
//! contributions), distributions every validator recomputes, and payment receipts.
//!
//! # Layout
//! - [`income_event`] and its link [`project_to_income_events`].
//! - [`value_equation`] and its link [`project_to_value_equations`].
//! - [`settlement`] and its link [`project_to_settlements`].
//! - [`distribution`] and its link [`project_to_distributions`].
//! - [`payment_receipt`] and its link [`distribution_to_payment_receipts`].

pub mod distribution;
pub mod distribution_to_payment_receipts;
pub mod income_event;
pub mod payment_receipt;
pub mod project_to_distributions;
pub mod project_to_income_events;
pub mod project_to_settlements;
pub mod project_to_value_equations;
pub mod settlement;
pub mod value_equation;
