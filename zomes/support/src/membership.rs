//! Membership: the caller's own Profile read from their chain, and any agent's through the index.

use crate::index::project_version_in_force;
use crate::records::{get_entry, not_found, wrong_kind};
use hdk::prelude::*;
use ovn_domain::members::project::check_steward;
use ovn_domain::DomainError;
use ovn_integrity::{LinkTypes, Profile, Project, UnitEntryTypes};

/// The action that created the caller's profile, from the caller's own chain.
pub fn my_profile_creation() -> ExternResult<Option<ActionHash>> {
    let records = query(
        ChainQueryFilter::new()
            .entry_type(UnitEntryTypes::Profile.try_into()?)
            .action_type(ActionType::Create),
    )?;
    Ok(records.first().map(|r| r.action_address().clone()))
}

/// The caller's current profile (their latest version of it) from their own chain: the record
/// to name as proof of membership and skills.
pub fn my_latest_profile() -> ExternResult<Option<(ActionHash, Profile)>> {
    let records = query(
        ChainQueryFilter::new()
            .entry_type(UnitEntryTypes::Profile.try_into()?)
            .include_entries(true),
    )?;
    Ok(records.last().and_then(|r| {
        let profile: Profile = r.entry().to_app_option().ok().flatten()?;
        Some((r.action_address().clone(), profile))
    }))
}

/// The action that created `agent`'s profile, as the DHT's agent → profile index has it.
pub fn profile_creation_of(agent: &AgentPubKey) -> ExternResult<Option<ActionHash>> {
    let links = get_links(
        LinkQuery::try_new(agent.clone(), LinkTypes::AgentToProfile)?,
        GetStrategy::default(),
    )?;
    Ok(links
        .into_iter()
        .min_by_key(|l| l.timestamp)
        .and_then(|l| l.target.into_action_hash()))
}

/// Why the caller may not act for a project as its steward.
#[derive(Debug, thiserror::Error)]
pub enum StewardRefusal {
    /// Nothing is known at the hash, or it is something else: [`must_read`]'s message.
    #[error("{0}")]
    NoProject(String),
    /// The rule's own refusal ([`check_steward`]).
    #[error(transparent)]
    NotASteward(DomainError),
}

/// A project as its version in force has it, and that version (`None`: as created).
pub struct InForceProject {
    pub project: Project,
    pub version: Option<ActionHash>,
    /// 1 for the project as created, then one more per change in force.
    pub number: u32,
    /// Other versions replacing the same one as the version in force (a fork).
    pub rivals: Vec<ActionHash>,
    /// The decision that made the version in force; `None` for the project as created or a
    /// stewards' change.
    pub decision: Option<ActionHash>,
    pub purpose: String,
    pub parent: Option<ActionHash>,
    pub stewards: Vec<AgentPubKey>,
}

/// The project at `project` as its version in force at `at` has it
/// ([`project_version_in_force`]), or why it cannot be read.
pub fn project_in_force(
    project: &ActionHash,
    at: Timestamp,
) -> ExternResult<Result<InForceProject, String>> {
    let found = match get_entry::<Project>(project)? {
        Some(Ok((_, found))) => found,
        None => return Ok(Err(not_found(project, UnitEntryTypes::Project))),
        Some(Err(what)) => return Ok(Err(wrong_kind(project, &what, UnitEntryTypes::Project))),
    };
    Ok(Ok(match project_version_in_force(project, at)? {
        None => InForceProject {
            purpose: found.purpose.clone(),
            parent: found.parent.clone(),
            stewards: found.stewards.clone(),
            project: found,
            version: None,
            number: 1,
            rivals: vec![],
            decision: None,
        },
        Some((chosen, v)) => InForceProject {
            project: found,
            version: Some(chosen.hash),
            number: chosen.version,
            rivals: chosen.rivals,
            decision: v.decision,
            purpose: v.purpose,
            parent: v.parent,
            stewards: v.stewards,
        },
    }))
}

/// The project at `project` as its version in force now has it, if the caller is one of its
/// stewards ([`check_steward`], the rule validators apply): an entry only stewards make names
/// that version. `what` names what only they do. `Err` = the host failed; `Ok(Err(_))` =
/// refused, typed, for the caller's own error to wrap.
pub fn must_be_steward(
    project: &ActionHash,
    what: &'static str,
) -> ExternResult<Result<InForceProject, StewardRefusal>> {
    let found = match project_in_force(project, sys_time()?)? {
        Ok(found) => found,
        Err(why) => return Ok(Err(StewardRefusal::NoProject(why))),
    };
    let me = agent_info()?.agent_initial_pubkey;
    Ok(check_steward(&found.stewards, &me, project, what)
        .map(|()| found)
        .map_err(StewardRefusal::NotASteward))
}
