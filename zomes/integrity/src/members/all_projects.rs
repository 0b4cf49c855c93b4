//! `AllProjects`: the all-projects anchor → each Project.

use crate::links::{all_projects_anchor, target_action};
use crate::members::project::Project;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The base is the all-projects anchor.
/// 2. The target is a Project the author created.
pub fn validate_create_link_all_projects(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    if link.base_address != AnyLinkableHash::from(all_projects_anchor()?) {
        return invalid("AllProjects links hang from the all-projects anchor");
    }
    let target = check!(target_action(link));
    let project = check!(must_get_app_entry::<Project>(
        &target,
        UnitEntryTypes::Project
    )?);
    if project.author() != &header.author {
        return invalid(format!("only the creator of {target} may list it"));
    }
    valid()
}
