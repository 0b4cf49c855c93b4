//! Contribution accounting: what a contribution is, the month it is indexed under, and when
//! its endorsements make it count.
//!
//! # Layout
//! - [`contribution`]: contribution kinds (Valueflows names), quantity bounds and time rules.
//! - [`period`]: the calendar month a contribution is indexed under.
//! - [`endorsement`]: endorsement kinds and when a contribution counts.

pub mod contribution;
pub mod endorsement;
pub mod period;
