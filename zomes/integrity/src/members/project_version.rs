//! [`ProjectVersion`]: a change of a project's stewards, purpose or parent, in force from its
//! creation. Carried out on a passed decision it names (`Change::Project`), or, where the
//! network lets them (`decisions_bind: false`), by the stewards of the version it replaces.
//! Versions chain: the project as created is version 1, and each change names the version it
//! replaces and is numbered one more. Which version is in force at a time is
//! `ovn_domain::members::versions::chained_in_force` over the project's index (a side branch
//! from a replaced version never counts). Every act only stewards make names the version whose
//! stewards it acts under; validators check that version lists its author, and the audit
//! reports an act whose author the version in force at its time does not list, and a change
//! replacing a version that was not in force (`audit::stewards`).

use super::project::Project;
use crate::governance::binding::decided_or_stewarded;
use crate::governance::proposal::Change;
use crate::verdict::{
    fetched_app_entry, invalid, must_get, must_get_app_entry, valid, Fetch, Verdict,
};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::binding::Made;
use ovn_domain::members::project::check_parent_level;
use ovn_domain::members::versions::check_number;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProjectVersion {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    /// 2 for a project's first change, then one more than the version it replaces.
    pub version: u32,
    /// The ProjectVersion it replaces; `None`: the project as created.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub replaces: Option<ActionHash>,
    pub purpose: String,
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub parent: Option<ActionHash>,
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::AgentPubKey>"))]
    pub stewards: Vec<AgentPubKey>,
    /// The passed Decision making exactly this change; `None` only where the network lets
    /// stewards act alone.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
}

impl ProjectVersion {
    /// The change it makes, as a proposal states it.
    pub fn as_change(&self) -> Change {
        Change::Project {
            purpose: self.purpose.clone(),
            parent: self.parent.clone(),
            stewards: self.stewards.clone(),
        }
    }
}

/// Rules:
/// 1. The change can be made (`Change::check`): a bounded purpose; one steward at least, at
///    most 50, distinct; a parent, if named, another Project of the same level or a higher one.
/// 2. It is made on a passed decision's authority (`ovn_domain::governance::binding`): the
///    named Decision passed, on a proposal of this project to make exactly this change, opened
///    under the version this one replaces; it is dated no earlier than the decision. Without
///    one, only where the network's decisions do not bind, and then the author stewards the
///    version it replaces.
/// 3. The project is a Project; a first change is version 2; a later one replaces a
///    ProjectVersion of the same project and is numbered one more. (One dated before the
///    version it replaces never comes into force: `chained_in_force`; the audit reports it.)
pub fn validate_create_project_version(
    header: &ActionHeader,
    changed: &ProjectVersion,
) -> ExternResult<ValidateCallbackResult> {
    check!(must_get_app_entry::<Project>(
        &changed.project,
        UnitEntryTypes::Project
    )?);
    let change = changed.as_change();
    check!(change.check());
    check!(check_change_of(&changed.project, &change, &must_get)?);
    let made = Made {
        project: &changed.project,
        change: &change,
        replaces: changed.replaces.as_ref(),
        at: header.timestamp.as_micros(),
    };
    check!(decided_or_stewarded(
        "project change",
        &made,
        changed.decision.as_ref(),
        changed.replaces.as_ref(),
        &header.author,
        "change it"
    )?);
    let replaced = match &changed.replaces {
        None => None,
        Some(previous) => {
            let previous = check!(must_get_app_entry::<ProjectVersion>(
                previous,
                UnitEntryTypes::ProjectVersion
            )?);
            if previous.entry.project != changed.project {
                return invalid(format!(
                    "{} is another project's version",
                    previous.record.action_address()
                ));
            }
            Some(previous.entry.version)
        }
    };
    check!(check_number("project change", replaced, changed.version));
    valid()
}

/// Rule 1 for a `Change::Project` of `project` beyond its terms (`Change::check`), read with
/// `fetch` (a proposal checks it too): a parent that is another Project of its level or a
/// higher one.
pub fn check_change_of(project: &ActionHash, change: &Change, fetch: Fetch) -> Verdict<()> {
    let Change::Project {
        parent: Some(parent),
        ..
    } = change
    else {
        return Ok(Ok(()));
    };
    if parent == project {
        return Ok(Err(format!("project {project} cannot be its own parent")));
    }
    let read = |hash: &ActionHash| -> Verdict<Project> {
        let p = fetched_app_entry::<Project>(hash, fetch(hash)?, UnitEntryTypes::Project)?;
        Ok(p.map(|p| p.entry))
    };
    let child = check_verdict!(read(project)?);
    let parent = check_verdict!(read(parent)?);
    Ok(check_parent_level(child.level, parent.level).map_err(|e| e.to_string()))
}

/// Rules:
/// 1. Project versions are never updated: change the project again.
pub fn validate_update_project_version() -> ExternResult<ValidateCallbackResult> {
    invalid("project versions cannot be updated: change the project again")
}
