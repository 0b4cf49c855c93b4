//! `ProjectToGovernanceRules`: project → every GovernanceRulesVersion of it. Created by
//! whoever makes the change; never deleted.

use super::rules_version::GovernanceRulesVersion;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a GovernanceRulesVersion the author made.
/// 2. The base is the project it names.
pub fn validate_create_link_project_to_rules(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::GovernanceRulesVersion,
        |v: &GovernanceRulesVersion| &v.project,
    )
}
