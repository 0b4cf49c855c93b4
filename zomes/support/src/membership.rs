//! Membership: the caller's own Profile read from their chain, and any agent's through the index.

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

/// The project at `project`, if the caller is one of its stewards ([`check_steward`], the rule
/// validators apply); `what` names what only they do. `Err` = the host failed; `Ok(Err(_))` =
/// refused, typed, for the caller's own error to wrap.
pub fn must_be_steward(
    project: &ActionHash,
    what: &'static str,
) -> ExternResult<Result<Project, StewardRefusal>> {
    let found = match get_entry::<Project>(project)? {
        Some(Ok((_, found))) => found,
        None => {
            let missing = not_found(project, UnitEntryTypes::Project);
            return Ok(Err(StewardRefusal::NoProject(missing)));
        }
        Some(Err(what)) => {
            let wrong = wrong_kind(project, &what, UnitEntryTypes::Project);
            return Ok(Err(StewardRefusal::NoProject(wrong)));
        }
    };
    let me = agent_info()?.agent_initial_pubkey;
    Ok(check_steward(&found.stewards, &me, project, what)
        .map(|()| found)
        .map_err(StewardRefusal::NotASteward))
}
