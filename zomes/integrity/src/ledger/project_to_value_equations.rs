//! `ProjectToValueEquations`: project → every version of its ValueEquation. Created by whoever adopts it; never deleted.

use crate::ledger::value_equation::ValueEquation;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a ValueEquation the author made.
/// 2. The base is the project it names.
pub fn validate_create_link_project_to_value_equations(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::ValueEquation,
        |e: &ValueEquation| &e.project,
    )
}
