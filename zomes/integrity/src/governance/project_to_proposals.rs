//! `ProjectToProposals`: Project → its Proposals. Created by the proposer; never deleted.

use super::proposal::Proposal;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Proposal the author made.
/// 2. The base is the project it names.
pub fn validate_create_link_project_to_proposals(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(header, link, UnitEntryTypes::Proposal, |t: &Proposal| {
        &t.project
    })
}
