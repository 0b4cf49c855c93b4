//! The caller's membership: the action that created their Profile, read from their own chain.

use hdk::prelude::*;
use ovn_integrity::UnitEntryTypes;

/// The action that created the caller's profile, from the caller's own chain.
pub fn my_profile_creation() -> ExternResult<Option<ActionHash>> {
    let records = query(
        ChainQueryFilter::new()
            .entry_type(UnitEntryTypes::Profile.try_into()?)
            .action_type(ActionType::Create),
    )?;
    Ok(records.first().map(|r| r.action_address().clone()))
}
