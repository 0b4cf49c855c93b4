//! `AgentToContributions`: agent → their Contributions.

use crate::accounting::contribution::Contribution;
use crate::links::{base_is_author, target_action};
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The base is the author's own key.
/// 2. The target is a Contribution the author made.
pub fn validate_create_link_agent_to_contributions(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    check!(base_is_author(link, header));
    let target = check!(target_action(link));
    let c = check!(must_get_app_entry::<Contribution>(
        &target,
        UnitEntryTypes::Contribution
    )?);
    if c.author() != &header.author {
        return invalid(format!("{target} is not {}'s contribution", header.author));
    }
    valid()
}
