//! [`CustodyRequest`]: a member asks the custodian for a resource. The custodian sees it under
//! the resource and answers with a transfer (or not). Immutable.

use crate::members::profile::own_profile;
use crate::resources::custody_transfer::custody_state;
use crate::resources::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::resources::custody::check_requester;
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
    /// The custody state the request is made under: the resource's creation, or the
    /// acceptance that made its custodian the one asked.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub custody: ActionHash,
}

/// Rules:
/// 1. The note is non-empty and bounded; the resource is a Resource.
/// 2. The requester is a member: `requester_profile` is a Profile the author authored.
/// 3. `custody` is a custody state of the resource ([`custody_state`]) whose custodian is not
///    the requester ([`check_requester`]): a custodian does not request what they hold. Who
///    holds it *now* is the DHT's view, not a validator's, so this binds the named state; the
///    coordinator names the current one, and `get_custody_requests` leaves out the current
///    custodian's own.
pub fn validate_create_custody_request(
    header: &ActionHeader,
    request: &CustodyRequest,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_text("note", &request.note, MAX_PROSE));
    let resource = check!(must_get_app_entry::<Resource>(
        &request.resource,
        UnitEntryTypes::Resource
    )?);
    check!(own_profile(&request.requester_profile, &header.author, "")?);
    let state = check!(custody_state(&resource, &request.custody)?);
    check!(check_requester(&header.author, &state.holding.custodian));
    valid()
}

/// Rules:
/// 1. Requests are never updated: ask again.
pub fn validate_update_custody_request() -> ExternResult<ValidateCallbackResult> {
    invalid("custody requests cannot be updated: ask again")
}
