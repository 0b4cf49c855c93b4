//! `PeriodToContributions`: a project's bucket for one month → the contributions dated in it.

use crate::accounting::contribution::Contribution;
use crate::links::{own_target, period_bucket};
use crate::verdict::{invalid, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Contribution the author made.
/// 2. The base is the bucket of that contribution's project and month.
pub fn validate_create_link_period_to_contributions(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let (target, c) = check!(own_target::<Contribution>(
        header,
        link,
        UnitEntryTypes::Contribution
    )?);
    let bucket = period_bucket(&c.entry.project, c.entry.period())?;
    if link.base_address != AnyLinkableHash::from(bucket) {
        return invalid(format!(
            "{target} belongs in the bucket of {} for {}",
            c.entry.project,
            c.entry.period()
        ));
    }
    valid()
}
