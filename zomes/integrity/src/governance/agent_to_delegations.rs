//! `AgentToDelegations`: agent → their Delegations. Created by that agent only; never deleted.

use super::delegation::Delegation;
use crate::links::{base_is_author, own_target};
use crate::verdict::valid;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The base is the author's own key.
/// 2. The target is a Delegation the author made.
pub fn validate_create_link_agent_to_delegations(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    check!(base_is_author(link, header));
    check!(own_target::<Delegation>(
        header,
        link,
        UnitEntryTypes::Delegation
    )?);
    valid()
}
