//! `ContributionToCorrections`: contribution → the contributions that correct it.

use crate::accounting::contribution::Contribution;
use crate::links::{base_action, target_action};
use crate::verdict::{invalid, must_get_app_entry, valid};
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
    let target = check!(target_action(link));
    let c = check!(must_get_app_entry::<Contribution>(
        &target,
        UnitEntryTypes::Contribution
    )?);
    if c.author() != &header.author {
        return invalid(format!("only its contributor may index {target}"));
    }
    if c.entry.corrects.as_ref() != Some(&base) {
        return invalid(format!("{target} does not correct {base}"));
    }
    valid()
}
