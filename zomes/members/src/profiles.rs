//! Profiles: one public profile per agent (with an optional private part), edited only by them.

use crate::MembersError;
use hdk::prelude::*;
use ovn_domain::members::profile::{check_private_profile, check_profile};
use ovn_integrity::{EntryTypes, LinkTypes, PrivateProfile, Profile, UnitEntryTypes};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::my_profile_creation;
use ovn_zome_support::records::committed;

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreateProfileInput {
    pub nickname: String,
    pub skills: Vec<String>,
    /// Contact and payout details, kept on the author's chain only.
    pub private: Option<PrivateProfile>,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UpdateProfileInput {
    pub nickname: String,
    pub skills: Vec<String>,
}

/// Creates the caller's profile. Fails if the caller already has one.
#[hdk_extern]
pub fn create_profile(input: Input) -> ExternResult<Record> {
    let input: CreateProfileInput = input.decode()?;
    check_profile(&input.nickname, &input.skills).map_err(MembersError::from)?;
    if let Some(p) = &input.private {
        check_private_profile(&p.contact, &p.payout_details).map_err(MembersError::from)?;
    }
    let me = agent_info()?.agent_initial_pubkey;
    if my_profile_creation()?.is_some() {
        return Err(MembersError::ProfileExists { agent: me }.into());
    }
    let profile = Profile {
        nickname: input.nickname,
        skills: input.skills,
    };
    let hash = create_entry(EntryTypes::Profile(profile))?;
    create_link(me, hash.clone(), LinkTypes::AgentToProfile, ())?;
    if let Some(private) = input.private {
        create_entry(EntryTypes::PrivateProfile(private))?;
    }
    committed(hash)
}

/// Replaces the caller's public profile.
#[hdk_extern]
pub fn update_profile(input: Input) -> ExternResult<Record> {
    let input: UpdateProfileInput = input.decode()?;
    check_profile(&input.nickname, &input.skills).map_err(MembersError::from)?;
    let me = agent_info()?.agent_initial_pubkey;
    let original = my_profile_creation()?.ok_or(MembersError::NoProfile { agent: me })?;
    let profile = Profile {
        nickname: input.nickname,
        skills: input.skills,
    };
    let hash = update_entry(original, EntryTypes::Profile(profile))?;
    committed(hash)
}

/// An agent's current profile (the latest update of their profile), if they have one.
#[hdk_extern]
pub fn get_profile(agent: Input) -> ExternResult<Option<Record>> {
    profile_of(agent.decode()?)
}

/// [`get_profile`] of a key already read.
fn profile_of(agent: AgentPubKey) -> ExternResult<Option<Record>> {
    let links = get_links(
        LinkQuery::try_new(agent, LinkTypes::AgentToProfile)?,
        GetStrategy::default(),
    )?;
    let Some(link) = links.into_iter().min_by_key(|l| l.timestamp) else {
        return Ok(None);
    };
    let Some(original) = link.target.into_action_hash() else {
        return Ok(None);
    };
    latest_version(original)
}

/// The caller's own current profile.
#[hdk_extern]
pub fn get_my_profile(nothing: Input) -> ExternResult<Option<Record>> {
    nothing.decode::<()>()?;
    profile_of(agent_info()?.agent_initial_pubkey)
}

/// The caller's private profile (contact and payout details), from their own chain.
#[hdk_extern]
pub fn get_my_private_profile(nothing: Input) -> ExternResult<Option<PrivateProfile>> {
    nothing.decode::<()>()?;
    my_private_profile()
}

/// [`get_my_private_profile`], for this zome's own functions.
pub(crate) fn my_private_profile() -> ExternResult<Option<PrivateProfile>> {
    let records = query(
        ChainQueryFilter::new()
            .entry_type(UnitEntryTypes::PrivateProfile.try_into()?)
            .include_entries(true),
    )?;
    let Some(latest) = records.last() else {
        return Ok(None);
    };
    latest.entry().to_app_option().map_err(|e| wasm_error!(e))
}

/// Sets the caller's private profile (contact and payout details): updates the one they have, or
/// creates it. Only the caller's own conductor ever sees it.
#[hdk_extern]
pub fn set_my_private_profile(profile: Input) -> ExternResult<PrivateProfile> {
    let profile: PrivateProfile = profile.decode()?;
    check_private_profile(&profile.contact, &profile.payout_details).map_err(MembersError::from)?;
    let original = query(
        ChainQueryFilter::new()
            .entry_type(UnitEntryTypes::PrivateProfile.try_into()?)
            .action_type(ActionType::Create),
    )?;
    match original.first() {
        Some(created) => update_entry(
            created.action_address().clone(),
            EntryTypes::PrivateProfile(profile.clone()),
        )?,
        None => create_entry(EntryTypes::PrivateProfile(profile.clone()))?,
    };
    Ok(profile)
}

/// The newest update of `original`, or `original` itself.
fn latest_version(original: ActionHash) -> ExternResult<Option<Record>> {
    let Some(Details::Record(details)) = get_details(original, GetOptions::default())? else {
        return Ok(None);
    };
    let newest = details
        .updates
        .iter()
        .max_by_key(|u| (u.action().timestamp(), u.action_address().clone()));
    match newest {
        Some(update) => get(update.action_address().clone(), GetOptions::default()),
        None => Ok(Some(details.record)),
    }
}
