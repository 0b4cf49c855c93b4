//! [`Decision`]: a proposal's outcome, published by any member after it closed, naming every
//! vote and delegation it counted and the tally they give. Every validator recomputes it with
//! `ovn_domain::governance::decision::check_decision`. What validation cannot see (a vote left
//! out) the audit reports; of two decisions on one proposal, the one that counted most votes
//! stands (`ovn_domain::governance::rules::standing`). Immutable.

use super::delegation::Delegation;
use super::electorate::electorate_of;
use super::rules_version::rules_of;
use super::vote::{proposal_of, Vote};
use crate::verdict::{invalid, must_get, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::decision::{check_decision, NamedDelegation, NamedVote, Proposed};
use ovn_domain::governance::tally::Tally;

/// The most votes or delegations a decision names.
pub const MAX_NAMED: usize = 5_000;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Decision {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub proposal: ActionHash,
    /// Each voter's latest vote.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub votes: Vec<ActionHash>,
    /// Each delegator's latest delegation made before the close, in this project or the network.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub delegations: Vec<ActionHash>,
    pub tally: Tally,
}

/// Rules:
/// 1. The proposal is a Proposal; at most 5,000 votes and 5,000 delegations are named.
/// 2. Each named vote is a Vote and each delegation a Delegation.
/// 3. It is dated at or after the close; each vote is on this proposal, dated while it was
///    open, one per voter, each voter in the electorate; each delegation was made before the
///    close, in this project or the whole network, one per delegator; and the tally is exactly
///    what they give under the rule for the change in the governance rules the proposal names.
pub fn validate_create_decision(
    header: &ActionHeader,
    decision: &Decision,
) -> ExternResult<ValidateCallbackResult> {
    if decision.votes.len() > MAX_NAMED || decision.delegations.len() > MAX_NAMED {
        return invalid(format!(
            "a decision names at most {MAX_NAMED} votes and {MAX_NAMED} delegations"
        ));
    }
    let proposal = check!(proposal_of(&decision.proposal)?);
    let opened = proposal.record.action().timestamp();
    let mut votes = Vec::with_capacity(decision.votes.len());
    for hash in &decision.votes {
        let vote = check!(must_get_app_entry::<Vote>(hash, UnitEntryTypes::Vote)?);
        votes.push(NamedVote {
            hash: hash.clone(),
            voter: vote.author().clone(),
            proposal: vote.entry.proposal,
            at: vote.record.action().timestamp().as_micros(),
            choice: vote.entry.choice,
        });
    }
    let mut delegations = Vec::with_capacity(decision.delegations.len());
    for hash in &decision.delegations {
        let d = check!(must_get_app_entry::<Delegation>(
            hash,
            UnitEntryTypes::Delegation
        )?);
        delegations.push(NamedDelegation {
            hash: hash.clone(),
            delegator: d.author().clone(),
            delegate: d.entry.delegate,
            scope: d.entry.scope,
            at: d.record.action().timestamp().as_micros(),
        });
    }
    let rule =
        check!(rules_of(&proposal.entry, opened, &must_get)?).rule(proposal.entry.change.kind());
    let proposed = Proposed {
        hash: decision.proposal.clone(),
        project: proposal.entry.project.clone(),
        opened: opened.as_micros(),
        closes: proposal.entry.closes.as_micros(),
        method: rule.method,
        electorate: check!(electorate_of(&proposal.entry, opened, &must_get)?),
    };
    check!(check_decision(
        &proposed,
        header.timestamp.as_micros(),
        &votes,
        &delegations,
        &decision.tally
    ));
    valid()
}

/// Rules:
/// 1. Decisions are never updated: a later decision on the same proposal competes with it.
pub fn validate_update_decision() -> ExternResult<ValidateCallbackResult> {
    invalid("decisions cannot be updated")
}
