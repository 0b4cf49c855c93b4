//! `ResourceToCustodyRequests`: resource → requests for it. Created by the requester; never
//! deleted.

use crate::links::index_of_own_entry;
use crate::resources::custody_request::CustodyRequest;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a CustodyRequest the author made.
/// 2. The base is the resource it names.
pub fn validate_create_link_resource_to_custody_requests(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::CustodyRequest,
        |r: &CustodyRequest| &r.resource,
    )
}
