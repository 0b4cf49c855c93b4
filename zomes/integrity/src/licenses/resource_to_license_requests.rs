//! `ResourceToLicenseRequests`: resource → LicenseRequests for it. Created by the target's author; never deleted.

use crate::licenses::license_request::LicenseRequest;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a LicenseRequest the author made.
/// 2. The base is the resource it names.
pub fn validate_create_link_resource_to_license_requests(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::LicenseRequest,
        |t: &LicenseRequest| &t.resource,
    )
}
