//! [`Vote`]: a member's choice on a proposal, cast while it is open. A later vote by the same
//! voter names the one it replaces; a decision counts each voter's latest. Immutable.

use super::electorate::electorate_of;
use super::proposal::Proposal;
use crate::verdict::{invalid, must_get, must_get_app_entry, valid, Referenced, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::rules::check_vote_time;
use ovn_domain::governance::tally::Choice;
use ovn_domain::text::{check_optional_text, check_text, MAX_PROSE};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Vote {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub proposal: ActionHash,
    pub choice: Choice,
    /// Why, in the voter's words (a block's reason is its own).
    pub reason: String,
    /// The voter's earlier vote on the same proposal that this one replaces.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub replaces: Option<ActionHash>,
}

/// Rules:
/// 1. The reason is bounded; a block says why (a non-empty reason of its own).
/// 2. The proposal is a Proposal, and the vote is dated while it is open (after its creation,
///    before it closes).
/// 3. The voter is in the proposal's electorate.
/// 4. A replaced vote is the voter's own Vote on the same proposal.
pub fn validate_create_vote(
    header: &ActionHeader,
    vote: &Vote,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_optional_text("reason", &vote.reason, MAX_PROSE));
    if let Choice::Block { reason } = &vote.choice {
        check!(check_text("block reason", reason, MAX_PROSE));
    }
    let proposal = check!(proposal_of(&vote.proposal)?);
    let opened = proposal.record.action().timestamp();
    check!(check_vote_time(
        header.timestamp.as_micros(),
        opened.as_micros(),
        proposal.entry.closes.as_micros()
    ));
    let electorate = check!(electorate_of(&proposal.entry, opened, &must_get)?);
    if !electorate.contains_key(&header.author) {
        return invalid(format!(
            "{} is not in the electorate of proposal {}",
            header.author, vote.proposal
        ));
    }
    if let Some(earlier) = &vote.replaces {
        let earlier = check!(must_get_app_entry::<Vote>(earlier, UnitEntryTypes::Vote)?);
        if earlier.author() != &header.author || earlier.entry.proposal != vote.proposal {
            return invalid(format!(
                "{} is not {}'s vote on proposal {}",
                earlier.record.action_address(),
                header.author,
                vote.proposal
            ));
        }
    }
    valid()
}

/// The Proposal at `hash`.
pub fn proposal_of(hash: &ActionHash) -> Verdict<Referenced<Proposal>> {
    must_get_app_entry::<Proposal>(hash, UnitEntryTypes::Proposal)
}

/// Rules:
/// 1. Votes are never updated: vote again, naming the vote replaced.
pub fn validate_update_vote() -> ExternResult<ValidateCallbackResult> {
    invalid("votes cannot be updated: vote again, naming the vote it replaces")
}
