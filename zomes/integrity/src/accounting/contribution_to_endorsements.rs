//! `ContributionToEndorsements`: contribution → the endorsements of it.

use crate::accounting::endorsement::Endorsement;
use crate::links::{base_action, own_target};
use crate::verdict::{invalid, valid};
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
    let (target, e) = check!(own_target::<Endorsement>(
        header,
        link,
        UnitEntryTypes::Endorsement
    )?);
    if e.entry.contribution != base {
        return invalid(format!(
            "{target} endorses {}, not {base}",
            e.entry.contribution
        ));
    }
    valid()
}
