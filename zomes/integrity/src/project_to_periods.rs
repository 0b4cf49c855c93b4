//! `ProjectToPeriods`: project → its period buckets, tagged `YYYY-MM`, so a reader finds which
//! months hold contributions without reading them.

use crate::links::{base_action, period_bucket};
use crate::project::Project;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::Period;

/// Rules:
/// 1. The base is a Project.
/// 2. The tag is a period `YYYY-MM`, and the target is that project's bucket for it.
pub fn validate_create_link_project_to_periods(
    _header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let project = check!(base_action(link));
    check!(must_get_app_entry::<Project>(
        &project,
        UnitEntryTypes::Project
    )?);
    let tag = String::from_utf8(link.tag.0.clone()).unwrap_or_default();
    let period: Period = check!(tag.parse());
    if link.target_address != AnyLinkableHash::from(period_bucket(&project, period)?) {
        return invalid(format!(
            "the target is not the bucket of {project} for {period}"
        ));
    }
    valid()
}
