//! `LicenseRequestToExceptions`: license request → the LicenseExceptions decided for it. Created by the target's author; never deleted.

use crate::licenses::license_exception::LicenseException;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a LicenseException the author made.
/// 2. The base is the request it names.
pub fn validate_create_link_license_request_to_exceptions(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::LicenseException,
        |t: &LicenseException| &t.request,
    )
}
