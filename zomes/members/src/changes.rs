//! Changes of a project (its stewards, purpose, parent): carried out on a passed decision by
//! any member, or made by its stewards where the network's decisions do not bind; each a
//! ProjectVersion, read back as the version in force by the equation's rule.

use crate::MembersError;
use hdk::prelude::*;
use ovn_domain::governance::binding::{authority, Made};
use ovn_domain::members::project::check_change;
use ovn_domain::ProjectLevel;
use ovn_integrity::governance::binding::authority_of;
use ovn_integrity::members::project_version::check_change_of;
use ovn_integrity::{Change, EntryTypes, LinkTypes, ProjectVersion};
use ovn_zome_support::governance::check_stands;
use ovn_zome_support::index::project_versions;
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::{must_be_steward, project_in_force};
use ovn_zome_support::records::{committed, fetch, must_read_decision};

/// A project as its version in force has it.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProjectInForce {
    pub name: String,
    pub level: ProjectLevel,
    /// The ProjectVersion in force; `None` while the project as created is.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub version: Option<ActionHash>,
    /// 1 for the project as created, then one more per change.
    pub number: u32,
    /// Other versions with its number: two changes replaced the same version (the first
    /// made is in force).
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub rivals: Vec<ActionHash>,
    /// The decision that made it; `None` for the project as created or a stewards' change.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
    pub purpose: String,
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub parent: Option<ActionHash>,
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::AgentPubKey>"))]
    pub stewards: Vec<AgentPubKey>,
}

/// The project as its version in force now has it; an error for a hash that is no Project.
#[hdk_extern]
pub fn get_project_in_force(project: Input) -> ExternResult<ProjectInForce> {
    let project: ActionHash = project.decode()?;
    let found = project_in_force(&project, sys_time()?)?.map_err(MembersError::Refused)?;
    Ok(ProjectInForce {
        name: found.project.name,
        level: found.project.level,
        version: found.version,
        number: found.number,
        rivals: found.rivals,
        decision: found.decision,
        purpose: found.purpose,
        parent: found.parent,
        stewards: found.stewards,
    })
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChangeProjectInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    pub purpose: String,
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub parent: Option<ActionHash>,
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::AgentPubKey>"))]
    pub stewards: Vec<AgentPubKey>,
}

/// Changes a project as one of the stewards of its version in force: only where the network's
/// decisions do not bind (elsewhere, propose it and [`change_decided_project`]).
#[hdk_extern]
pub fn change_project(input: Input) -> ExternResult<Record> {
    let input: ChangeProjectInput = input.decode()?;
    check_change(&input.purpose, &input.stewards).map_err(MembersError::from)?;
    let change = Change::Project {
        purpose: input.purpose,
        parent: input.parent,
        stewards: input.stewards,
    };
    check_change_of(&input.project, &change, &fetch)?.map_err(MembersError::Refused)?;
    let now = must_be_steward(&input.project, "change it")?.map_err(MembersError::from)?;
    let made = Made {
        project: &input.project,
        change: &change,
        replaces: now.version.as_ref(),
        at: sys_time()?.as_micros(),
    };
    authority_of("project change", &made, None)?.map_err(MembersError::Refused)?;
    make(&input.project, (now.version, now.number), change, None)
}

/// Carries out `decision`, which passed a proposal to change a project: its stewards, purpose
/// and parent become what it decided. Any member may; the decision is the authority, when it
/// is the one that stands and names all this node counts (validators cannot see either), and
/// the project has not changed since the proposal opened.
#[hdk_extern]
pub fn change_decided_project(decision: Input) -> ExternResult<Record> {
    let hash: ActionHash = decision.decode()?;
    let named = must_read_decision(&hash)?;
    let proposal = &named.proposal;
    if !matches!(proposal.change, Change::Project { .. }) {
        return Err(MembersError::NotAProjectChange(hash).into());
    }
    let versions = project_versions(&proposal.project)?;
    if let Some((_, _, done)) = versions
        .iter()
        .find(|(_, _, v)| v.decision == Some(hash.clone()))
    {
        return Err(MembersError::AlreadyChanged {
            decision: hash,
            version: done.version,
        }
        .into());
    }
    let at = sys_time()?;
    let now = project_in_force(&proposal.project, at)?.map_err(MembersError::Refused)?;
    let made = Made {
        project: &proposal.project,
        change: &proposal.change,
        replaces: now.version.as_ref(),
        at: at.as_micros(),
    };
    check_stands(&named)?.map_err(MembersError::NotStanding)?;
    authority("project change", true, &made, Some(&named.decided())).map_err(MembersError::from)?;
    let replaces = (now.version, now.number);
    make(
        &proposal.project,
        replaces,
        proposal.change.clone(),
        Some(hash),
    )
}

/// Commits `change` as the version after `replaces` (the version in force and its number), on
/// `decision`'s authority or none.
fn make(
    project: &ActionHash,
    (replaces, number): (Option<ActionHash>, u32),
    change: Change,
    decision: Option<ActionHash>,
) -> ExternResult<Record> {
    let Change::Project {
        purpose,
        parent,
        stewards,
    } = change
    else {
        return Err(MembersError::NotAProjectChange(project.clone()).into());
    };
    let changed = ProjectVersion {
        project: project.clone(),
        version: number + 1,
        replaces,
        purpose,
        parent,
        stewards,
        decision,
    };
    let hash = create_entry(EntryTypes::ProjectVersion(changed))?;
    create_link(
        project.clone(),
        hash.clone(),
        LinkTypes::ProjectToVersions,
        (),
    )?;
    committed(hash)
}
