//! `ProjectToDistributions`: project → its Distributions. Created by the distributor; never deleted.

use crate::ledger::distribution::Distribution;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a Distribution the author made.
/// 2. The base is the project it names.
pub fn validate_create_link_project_to_distributions(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::Distribution,
        |e: &Distribution| &e.project,
    )
}
