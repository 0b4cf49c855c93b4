//! Governance: a project's members decide together, and every peer recounts. A proposal fixes
//! its electorate and weights when it opens (from the settlements and equation it names); votes
//! are cast inside its window; a delegation lets a member be represented; after the close any
//! member publishes the decision, whose tally every validator recomputes with
//! `ovn_domain::governance`.
//!
//! # Layout
//! - [`proposal`] (with [`electorate`], who votes on it) and its link [`project_to_proposals`].
//! - [`vote`] and its link [`proposal_to_votes`].
//! - [`delegation`] and its link [`agent_to_delegations`].
//! - [`decision`] and its link [`proposal_to_decisions`].
//! - [`rules_version`] (a project's own governance rules, which proposals name) and its link
//!   [`project_to_rules`].
//! - [`binding`]: a change carried out on a decision's authority.

pub mod agent_to_delegations;
pub mod binding;
pub mod decision;
pub mod delegation;
pub mod electorate;
pub mod project_to_proposals;
pub mod project_to_rules;
pub mod proposal;
pub mod proposal_to_decisions;
pub mod proposal_to_votes;
pub mod rules_version;
pub mod vote;
