//! `AgentToProfile`: agent → their Profile creation.

use crate::links::{base_is_author, target_action};
use crate::members::profile::Profile;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The base is the author's own key.
/// 2. The target is a Profile the author created.
pub fn validate_create_link_agent_to_profile(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    check!(base_is_author(link, header));
    let target = check!(target_action(link));
    let profile = check!(must_get_app_entry::<Profile>(
        &target,
        UnitEntryTypes::Profile
    )?);
    if profile.author() != &header.author {
        return invalid(format!("{target} is not {}'s profile", header.author));
    }
    valid()
}
