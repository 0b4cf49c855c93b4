//! The governance coordinator zome: a project's members propose, vote, delegate and decide, and
//! every read counts as validation does. The count lives in [`count`]; the electorate in the
//! integrity zome's `governance::electorate::electorate_of`; the rules in
//! `ovn_domain::governance`.
//!
//! # Layout
//! - [`error`]: [`GovernanceError`], the typed errors of this zome's API.
//! - [`proposals`]: `open_proposal`, `get_proposals`, `get_proposal` (the proposal, its
//!   electorate, the count so far, its decisions and which stands).
//! - [`votes`]: `cast_vote`, `delegate`, `get_delegations_of`.
//! - [`count`]: the votes and delegations a decision names, their tally, and `decide`.
//! - [`reputation`]: `get_reputation_history`, a project's reputations month by month.
//! - [`rules`]: a project's own governance rules: `get_governance_rules_in_force`,
//!   `change_governance_rules` (stewards, where decisions do not bind),
//!   `change_decided_governance_rules`.

pub mod count;
pub mod error;
pub mod proposals;
pub mod reputation;
pub mod rules;
pub mod votes;

pub use error::GovernanceError;
