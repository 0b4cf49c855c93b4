//! `ProjectToVersions`: project → every ProjectVersion of it. Created by whoever makes the
//! change; never deleted.

use super::project_version::ProjectVersion;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a ProjectVersion the author made.
/// 2. The base is the project it names.
pub fn validate_create_link_project_to_versions(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::ProjectVersion,
        |v: &ProjectVersion| &v.project,
    )
}
