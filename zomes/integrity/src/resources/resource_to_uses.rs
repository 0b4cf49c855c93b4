//! `ResourceToUses`: resource → its ResourceUses. Created by the user; never deleted.

use crate::links::index_of_own_entry;
use crate::resources::resource_use::ResourceUse;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a ResourceUse the author made.
/// 2. The base is the resource it names.
pub fn validate_create_link_resource_to_uses(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::ResourceUse,
        |u: &ResourceUse| &u.resource,
    )
}
