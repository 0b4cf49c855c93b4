//! Contribution accounting: contributions logged by their contributors, and the endorsements
//! (confirmations, disputes) that make them count.
//!
//! # Layout
//! - [`contribution`] and its links [`project_to_periods`], [`period_to_contributions`],
//!   [`agent_to_contributions`], [`contribution_to_corrections`].
//! - [`endorsement`] and its link [`contribution_to_endorsements`].

pub mod agent_to_contributions;
pub mod contribution;
pub mod contribution_to_corrections;
pub mod contribution_to_endorsements;
pub mod endorsement;
pub mod period_to_contributions;
pub mod project_to_periods;
