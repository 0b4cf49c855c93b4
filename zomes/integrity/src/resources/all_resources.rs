//! `AllResources`: the all-resources anchor → each Resource.

use crate::links::{all_resources_anchor, own_target};
use crate::resources::resource::Resource;
use crate::verdict::{invalid, valid};
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
    check!(own_target::<Resource>(
        header,
        link,
        UnitEntryTypes::Resource
    )?);
    valid()
}
