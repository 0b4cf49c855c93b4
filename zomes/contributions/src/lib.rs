//! The contributions coordinator zome: the Contribution Accounting System's API. Logging
//! contributions, endorsing them, listing them by project month or by agent, and telling
//! whether each one counts.
//!
//! # Layout
//! - [`error`]: [`ContributionError`], the typed errors of this zome's API.
//! - [`contributions`]: `log_contribution`, `get_contributions_for_project`,
//!   `get_periods_for_project`, `get_contributions_for_agent`.
//! - [`endorsements`]: `endorse_contribution`, `get_contribution_status`.

pub mod contributions;
pub mod endorsements;
pub mod error;

pub use error::ContributionError;
