//! `ProjectToResources`: project → the Resources it produced or funded. Created by the
//! resource's creator; never deleted.

use crate::links::{base_action, own_target};
use crate::resources::resource::Resource;
use crate::verdict::{invalid, valid};
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
    let (target, resource) = check!(own_target::<Resource>(
        header,
        link,
        UnitEntryTypes::Resource
    )?);
    if resource.entry.project.as_ref() != Some(&base) {
        return invalid(format!("{target} does not belong under {base}"));
    }
    valid()
}
