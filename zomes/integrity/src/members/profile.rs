//! [`Profile`]: a member's public face (nickname, skills). One per agent, edited only by them.

use crate::verdict::{
    creates_entry_of, earlier_actions, invalid, must_get_app_entry, valid, Verdict,
};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::members::profile::{check_own_profile, check_profile};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Profile {
    pub nickname: String,
    pub skills: Vec<String>,
}

/// Rules:
/// 1. The nickname is visible, bounded text (`ovn_domain::text`: NFC, no control or
///    bidi-override characters, not blank or invisible); skills are distinct and the same.
/// 2. The author has no earlier profile: one per agent (later changes are updates).
pub fn validate_create_profile(
    header: &ActionHeader,
    profile: &Profile,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_profile(&profile.nickname, &profile.skills));
    if creates_entry_of(&earlier_actions(header)?, UnitEntryTypes::Profile)? {
        return invalid(format!(
            "{} already has a profile: update it instead of creating another",
            header.author
        ));
    }
    valid()
}

/// Rules:
/// 1. Only the profile's own agent updates it.
/// 2. The new profile obeys the creation rules on its fields.
pub fn validate_update_profile(
    action: &TypedAction<UpdateData>,
    profile: &Profile,
) -> ExternResult<ValidateCallbackResult> {
    let original = check!(must_get_app_entry::<Profile>(
        &action.original_action_address,
        UnitEntryTypes::Profile
    )?);
    if original.author() != action.author() {
        return invalid(format!(
            "only {} may update their profile, not {}",
            original.author(),
            action.author()
        ));
    }
    check!(check_profile(&profile.nickname, &profile.skills));
    valid()
}

/// The Profile at `hash`, if `agent` authored it
/// ([`check_own_profile`]); `why` ends the
/// refusal.
pub fn own_profile(hash: &ActionHash, agent: &AgentPubKey, why: &'static str) -> Verdict<Profile> {
    let profile = match must_get_app_entry::<Profile>(hash, UnitEntryTypes::Profile)? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    Ok(check_own_profile(hash, profile.author(), agent, why)
        .map(|()| profile.entry)
        .map_err(|e| e.to_string()))
}
