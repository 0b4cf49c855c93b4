//! `ProjectToPeriods`: project → its period buckets, tagged `YYYY-MM`, so a reader finds which
//! months hold contributions without reading them.

use crate::links::{base_action, period_bucket};
use crate::members::project::Project;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::Period;

/// Rules (any agent may announce a period; duplicates are harmless, readers de-duplicate):
/// 1. The base is a Project.
/// 2. The tag is a period in its canonical form `YYYY-MM`, not after the action's own month.
/// 3. The target is that project's bucket for that period.
pub fn validate_create_link_project_to_periods(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let project = check!(base_action(link));
    check!(must_get_app_entry::<Project>(
        &project,
        UnitEntryTypes::Project
    )?);
    let tag = String::from_utf8(link.tag.0.clone()).unwrap_or_default();
    let period: Period = check!(tag.parse());
    if period.to_string() != tag {
        return invalid(format!("{tag:?} is not written as YYYY-MM"));
    }
    if period > Period::of_micros(header.timestamp.as_micros()) {
        return invalid(format!("{period} is after the month this link was made in"));
    }
    if link.target_address != AnyLinkableHash::from(period_bucket(&project, period)?) {
        return invalid(format!(
            "the target is not the bucket of {project} for {period}"
        ));
    }
    valid()
}
