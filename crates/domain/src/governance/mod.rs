//! Governance: how a project's members decide together, counted the same by every peer.
//!
//! # Layout
//! - [`tally`]: choices, methods (Consent, Consensus, Majority with one vote each or weighted),
//!   delegation (liquid: a member who does not vote is represented by their delegate,
//!   transitively) and the count.
//! - [`electorate`]: who votes on a proposal and with what weight, fixed when it opens.
//! - [`reputation`]: the weight of a vote where a project weighs votes: settled, counted value,
//!   decayed by age in exact fixed point.
//! - [`budget`]: a participatory budget shared among items by approval vote.
//! - [`decision`]: a decision as validators check it: its inputs are the proposal's, and its
//!   tally is theirs.
//! - [`binding`]: on whose authority a change is made (a passed decision naming it, or, where
//!   the network allows, its stewards).
//! - [`rules`]: governance rules (windows, half-life, each kind of change's method, electorate
//!   and weighting), the times votes and decisions are checked against, which decision stands.
//!
//! These are the pure functions; proposals, votes, delegations and decisions are entries of the
//! integrity zome's `governance` folder, whose validators call them.

pub mod binding;
pub mod budget;
pub mod decision;
pub mod electorate;
pub mod reputation;
pub mod rules;
pub mod tally;
#[cfg(test)]
mod tests;
