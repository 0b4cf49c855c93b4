//! `PeriodToContributions`: a project's bucket for one month → the contributions dated in it.

use crate::accounting::contribution::Contribution;
use crate::links::{period_bucket, target_action};
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Contribution the author made.
/// 2. The base is the bucket of that contribution's project and month.
pub fn validate_create_link_period_to_contributions(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let target = check!(target_action(link));
    let c = check!(must_get_app_entry::<Contribution>(
        &target,
        UnitEntryTypes::Contribution
    )?);
    if c.author() != &header.author {
        return invalid(format!("only its contributor may index {target}"));
    }
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
