//! `ProjectToResources`: project → the Resources it produced or funded. Created by the
//! resource's creator; never deleted.

use crate::links::{base_action, target_action};
use crate::resources::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Resource the author created.
/// 2. The base is the project it names.
pub fn validate_create_link_project_to_resources(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let base = check!(base_action(link));
    let target = check!(target_action(link));
    let resource = check!(must_get_app_entry::<Resource>(
        &target,
        UnitEntryTypes::Resource
    )?);
    if resource.author() != &header.author {
        return invalid(format!("only the creator of {target} may index it"));
    }
    if resource.entry.project.as_ref() != Some(&base) {
        return invalid(format!("{target} does not belong under {base}"));
    }
    valid()
}
