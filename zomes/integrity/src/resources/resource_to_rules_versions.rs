//! `ResourceToRulesVersions`: resource → every UsageRulesVersion of it. Created by whoever
//! makes the change; never deleted.

use super::usage_rules_version::UsageRulesVersion;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a UsageRulesVersion the author made.
/// 2. The base is the resource it names.
pub fn validate_create_link_resource_to_rules_versions(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::UsageRulesVersion,
        |v: &UsageRulesVersion| &v.resource,
    )
}
