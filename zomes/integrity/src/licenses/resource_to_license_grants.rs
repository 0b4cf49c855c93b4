//! `ResourceToLicenseGrants`: resource → its LicenseGrants. Created by the target's author; never deleted.

use crate::licenses::license_grant::LicenseGrant;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a LicenseGrant the author made.
/// 2. The base is the resource it names.
pub fn validate_create_link_resource_to_license_grants(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::LicenseGrant,
        |t: &LicenseGrant| &t.resource,
    )
}
