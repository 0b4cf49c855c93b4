//! Membership: the caller's own Profile read from their chain, and any agent's through the index.

use hdk::prelude::*;
use ovn_integrity::{LinkTypes, Profile, UnitEntryTypes};

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
