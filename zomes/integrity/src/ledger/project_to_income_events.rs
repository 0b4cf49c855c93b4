//! `ProjectToIncomeEvents`: project → its IncomeEvents. Created by the agent who recorded the income; never deleted.

use crate::ledger::income_event::IncomeEvent;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is an IncomeEvent the author made.
/// 2. The base is the project it names.
pub fn validate_create_link_project_to_income_events(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::IncomeEvent,
        |e: &IncomeEvent| &e.project,
    )
}
