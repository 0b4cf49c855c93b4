//! `AgentToProfile`: agent → their Profile creation.

use crate::links::{base_is_author, own_target};
use crate::members::profile::Profile;
use crate::verdict::valid;
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
    check!(own_target::<Profile>(
        header,
        link,
        UnitEntryTypes::Profile
    )?);
    valid()
}
