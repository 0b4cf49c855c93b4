//! `AgentToContributions`: agent → their Contributions.

use crate::accounting::contribution::Contribution;
use crate::links::{base_is_author, own_target};
use crate::verdict::valid;
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
    check!(own_target::<Contribution>(
        header,
        link,
        UnitEntryTypes::Contribution
    )?);
    valid()
}
