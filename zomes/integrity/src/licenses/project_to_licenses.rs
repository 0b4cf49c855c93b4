//! `ProjectToLicenses`: project → the Licenses it added. Created by the target's author; never deleted.

use crate::licenses::license::License;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a License the author made.
/// 2. The base is the project it names.
pub fn validate_create_link_project_to_licenses(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(header, link, UnitEntryTypes::License, |t: &License| {
        &t.project
    })
}
