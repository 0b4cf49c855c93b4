//! `ProposalToDecisions`: Proposal → the Decisions published on it. Created by who published it; never deleted.

use super::decision::Decision;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Decision the author made.
/// 2. The base is the proposal it names.
pub fn validate_create_link_proposal_to_decisions(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(header, link, UnitEntryTypes::Decision, |t: &Decision| {
        &t.proposal
    })
}
