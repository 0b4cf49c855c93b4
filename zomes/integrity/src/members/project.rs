//! [`Project`]: a unit of common work at one level (network, open enterprise, project), with
//! stewards. The creator is the first steward.

use super::project_version::ProjectVersion;
use crate::verdict::{
    fetched_app_entry, invalid, must_get, must_get_app_entry, valid, Fetch, Verdict,
};
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
/// 1. Projects are not updated: a change of its stewards, purpose or parent is a
///    [`ProjectVersion`].
pub fn validate_update_project(
    action: &TypedAction<UpdateData>,
) -> ExternResult<ValidateCallbackResult> {
    invalid(format!(
        "project {} cannot be updated",
        action.original_action_address
    ))
}

/// The stewards of `project` as its version `version` has them (`None`: the project as
/// created), read with `fetch`, checking that version is one of the project's.
pub fn stewards_of(
    project: &ActionHash,
    version: Option<&ActionHash>,
    fetch: Fetch,
) -> Verdict<Vec<AgentPubKey>> {
    let Some(version) = version else {
        let record = check_verdict!(fetched_app_entry::<Project>(
            project,
            fetch(project)?,
            UnitEntryTypes::Project
        )?);
        return Ok(Ok(record.entry.stewards));
    };
    let changed = check_verdict!(fetched_app_entry::<ProjectVersion>(
        version,
        fetch(version)?,
        UnitEntryTypes::ProjectVersion
    )?);
    if &changed.entry.project != project {
        return Ok(Err(format!(
            "{version} is a version of project {}, not of {project}",
            changed.entry.project
        )));
    }
    Ok(Ok(changed.entry.stewards))
}

/// Whether `agent` is one of `project`'s stewards in its version `version` (`None`: the project
/// as created) ([`check_steward`]); `what` names what only they do, for the refusal. Which
/// version is in force at a time is the index's to say: the audit reports an act whose author
/// the version then in force does not list.
pub fn steward_of(
    project: &ActionHash,
    version: Option<&ActionHash>,
    agent: &AgentPubKey,
    what: &'static str,
) -> Verdict<()> {
    let stewards = match stewards_of(project, version, &must_get)? {
        Ok(stewards) => stewards,
        Err(e) => return Ok(Err(e)),
    };
    Ok(check_steward(&stewards, agent, project, what).map_err(|e| e.to_string()))
}
