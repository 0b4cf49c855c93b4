//! [`CustodyRequest`]: a member asks the custodian for a resource. The custodian sees it under
//! the resource and answers with a transfer (or not). Immutable.

use crate::members::profile::own_profile;
use crate::resources::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::text::{check_text, MAX_PROSE};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustodyRequest {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    /// The requester's Profile: the custodian can only hand the resource to a member.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub requester_profile: ActionHash,
    /// Why and for how long.
    pub note: String,
}

/// Rules:
/// 1. The note is non-empty and bounded; the resource is a Resource.
/// 2. The requester is a member: `requester_profile` is a Profile the author authored.
pub fn validate_create_custody_request(
    header: &ActionHeader,
    request: &CustodyRequest,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_text("note", &request.note, MAX_PROSE));
    check!(must_get_app_entry::<Resource>(
        &request.resource,
        UnitEntryTypes::Resource
    )?);
    check!(own_profile(&request.requester_profile, &header.author, "")?);
    valid()
}

/// Rules:
/// 1. Requests are never updated: ask again.
pub fn validate_update_custody_request() -> ExternResult<ValidateCallbackResult> {
    invalid("custody requests cannot be updated: ask again")
}
