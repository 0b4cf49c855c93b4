//! [`Project`]: a unit of common work at one level (network, open enterprise, project), with
//! stewards. The creator is the first steward.

use crate::verdict::{invalid, must_get_app_entry, valid, Referenced, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::members::project::{check_parent_level, check_project, check_steward};
use ovn_domain::ProjectLevel;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Project {
    pub name: String,
    pub purpose: String,
    pub level: ProjectLevel,
    /// The project this one belongs to (an open enterprise's network, say).
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub parent: Option<ActionHash>,
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::AgentPubKey>"))]
    pub stewards: Vec<AgentPubKey>,
}

/// Rules:
/// 1. The name is non-empty and bounded; the purpose is bounded.
/// 2. The author is the first steward; stewards are distinct.
/// 3. A parent, if named, is a Project of the same level or a higher one.
pub fn validate_create_project(
    header: &ActionHeader,
    project: &Project,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_project(
        &project.name,
        &project.purpose,
        &project.stewards,
        &header.author
    ));
    if let Some(parent) = &project.parent {
        let parent = check!(must_get_app_entry::<Project>(
            parent,
            UnitEntryTypes::Project
        )?);
        check!(check_parent_level(project.level, parent.entry.level));
    }
    valid()
}

/// Rules:
/// 1. Projects are not updated: changing a project's stewards or purpose is a governance
///    decision, which later work will record as its own entry.
pub fn validate_update_project(
    action: &TypedAction<UpdateData>,
) -> ExternResult<ValidateCallbackResult> {
    invalid(format!(
        "project {} cannot be updated",
        action.original_action_address
    ))
}

/// The project at `project`, if `agent` is one of its stewards
/// ([`check_steward`]); `what` names what only
/// they do, for the refusal.
pub fn steward_of(
    project: &ActionHash,
    agent: &AgentPubKey,
    what: &'static str,
) -> Verdict<Referenced<Project>> {
    let record = match must_get_app_entry::<Project>(project, UnitEntryTypes::Project)? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    Ok(check_steward(&record.entry.stewards, agent, project, what)
        .map(|()| record)
        .map_err(|e| e.to_string()))
}
