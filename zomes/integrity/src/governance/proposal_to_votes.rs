//! `ProposalToVotes`: Proposal → the Votes cast on it. Created by the voter; never deleted.

use super::vote::Vote;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Vote the author made.
/// 2. The base is the proposal it names.
pub fn validate_create_link_proposal_to_votes(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(header, link, UnitEntryTypes::Vote, |t: &Vote| &t.proposal)
}
