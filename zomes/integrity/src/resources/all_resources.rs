//! `AllResources`: the all-resources anchor → each Resource.

use crate::links::{all_resources_anchor, target_action};
use crate::resources::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The base is the all-resources anchor.
/// 2. The target is a Resource the author created.
pub fn validate_create_link_all_resources(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    if link.base_address != AnyLinkableHash::from(all_resources_anchor()?) {
        return invalid("AllResources links hang from the all-resources anchor");
    }
    let target = check!(target_action(link));
    let resource = check!(must_get_app_entry::<Resource>(
        &target,
        UnitEntryTypes::Resource
    )?);
    if resource.author() != &header.author {
        return invalid(format!("only the creator of {target} may list it"));
    }
    valid()
}
