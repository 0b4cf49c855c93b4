//! `ContributionToCorrections`: contribution → the contributions that correct it.

use crate::accounting::contribution::Contribution;
use crate::links::{base_action, own_target};
use crate::verdict::{invalid, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Contribution the author made.
/// 2. It names the base as the contribution it corrects.
pub fn validate_create_link_contribution_to_corrections(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let base = check!(base_action(link));
    let (target, c) = check!(own_target::<Contribution>(
        header,
        link,
        UnitEntryTypes::Contribution
    )?);
    if c.entry.corrects.as_ref() != Some(&base) {
        return invalid(format!("{target} does not correct {base}"));
    }
    valid()
}
