//! `ContributionToEndorsements`: contribution → the endorsements of it.

use crate::accounting::endorsement::Endorsement;
use crate::links::{base_action, target_action};
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is an Endorsement the author made.
/// 2. The base is the contribution that endorsement is about.
pub fn validate_create_link_contribution_to_endorsements(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let base = check!(base_action(link));
    let target = check!(target_action(link));
    let e = check!(must_get_app_entry::<Endorsement>(
        &target,
        UnitEntryTypes::Endorsement
    )?);
    if e.author() != &header.author {
        return invalid(format!("only its endorser may index {target}"));
    }
    if e.entry.contribution != base {
        return invalid(format!(
            "{target} endorses {}, not {base}",
            e.entry.contribution
        ));
    }
    valid()
}
