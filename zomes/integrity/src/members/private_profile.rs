//! [`PrivateProfile`]: contact and payout details. A private entry: it never leaves the member's
//! own chain, so only the member's own conductor ever validates its content.

use crate::verdict::{invalid, valid};
use hdi::prelude::*;
use ovn_domain::members::profile::check_private_profile;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PrivateProfile {
    pub contact: String,
    pub payout_details: String,
}

/// Rules:
/// 1. Contact and payout details are bounded.
pub fn validate_private_profile(profile: &PrivateProfile) -> ExternResult<ValidateCallbackResult> {
    check!(check_private_profile(
        &profile.contact,
        &profile.payout_details
    ));
    valid()
}

/// Rules:
/// 1. Only the author updates their private profile.
/// 2. The fields obey the creation rules (checked by the author's own conductor, the only one
///    that sees them).
pub fn validate_update_private_profile(
    action: &TypedAction<UpdateData>,
    profile: &PrivateProfile,
) -> ExternResult<ValidateCallbackResult> {
    match validate_update_private_profile_author(action)? {
        ValidateCallbackResult::Valid => validate_private_profile(profile),
        verdict => Ok(verdict),
    }
}

/// Rule 1 of [`validate_update_private_profile`], which every peer can check: the entry is
/// hidden from them, the update's author and original are not.
pub fn validate_update_private_profile_author(
    action: &TypedAction<UpdateData>,
) -> ExternResult<ValidateCallbackResult> {
    let original = must_get_action(action.original_action_address.clone())?;
    if original.action().author() != action.author() {
        return invalid(format!(
            "only its author may update the private profile {}",
            action.original_action_address
        ));
    }
    valid()
}

/// Rules:
/// 1. Only the author deletes their private profile: personal data stays theirs to remove.
pub fn validate_delete_private_profile(
    action: &TypedAction<DeleteData>,
    original: &Record,
) -> ExternResult<ValidateCallbackResult> {
    if original.action().author() != action.author() {
        return invalid(format!(
            "only its author may delete the private profile {}",
            action.deletes_address
        ));
    }
    valid()
}
