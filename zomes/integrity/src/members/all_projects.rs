//! `AllProjects`: the all-projects anchor → each Project.

use crate::links::{all_projects_anchor, own_target};
use crate::members::project::Project;
use crate::verdict::{invalid, valid};
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
    check!(own_target::<Project>(
        header,
        link,
        UnitEntryTypes::Project
    )?);
    valid()
}
