//! `ProjectToSettlements`: project → its Settlements, tagged with the settlement's `YYYY-MM`, so
//! a distributor finds the settlements of one month. Created by the settler; never deleted.

use crate::ledger::settlement::Settlement;
use crate::links::validate_index_of_own_entry;
use crate::verdict::{invalid, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Settlement the author made.
/// 2. The base is the project it settles.
/// 3. The tag is its period, `YYYY-MM`.
pub fn validate_create_link_project_to_settlements(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let settlement = match validate_index_of_own_entry(
        header,
        link,
        UnitEntryTypes::Settlement,
        |s: &Settlement| &s.project,
    )? {
        Ok(s) => s,
        Err(refusal) => return Ok(refusal),
    };
    if link.tag.0 != settlement.entry.period.to_string().into_bytes() {
        return invalid(format!(
            "the tag must be the period {}",
            settlement.entry.period
        ));
    }
    valid()
}
