//! `AgentToCustodyStates`: agent → each custody state they came to hold (their creation of a
//! resource, their acceptances). "Resources held by" reads these and keeps the resources whose
//! replayed custodian is still the agent. Created by that agent only; never deleted.

use crate::links::{base_is_author, target_action};
use crate::verdict::{invalid, unit_entry_type, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The base is the author's own key.
/// 2. The target is a Resource or a CustodyAcceptance the author made.
pub fn validate_create_link_agent_to_custody_states(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    check!(base_is_author(link, header));
    let target = check!(target_action(link));
    let record = must_get_valid_record(target.clone())?;
    if !matches!(
        unit_entry_type(&record)?,
        Some(UnitEntryTypes::Resource | UnitEntryTypes::CustodyAcceptance)
    ) {
        return invalid(format!(
            "{target} is not a resource or a custody acceptance"
        ));
    }
    if record.action().author() != &header.author {
        return invalid(format!("{target} is not {}'s custody state", header.author));
    }
    valid()
}
