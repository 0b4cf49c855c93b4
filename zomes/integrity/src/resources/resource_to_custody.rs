//! `ResourceToCustody`: resource → its CustodyTransfers, CustodyAcceptances and CustodyDeclines,
//! from which its history is replayed. Created by the event's author; never deleted.

use crate::links::{base_action, target_action};
use crate::resources::custody_acceptance::CustodyAcceptance;
use crate::resources::custody_decline::CustodyDecline;
use crate::resources::custody_transfer::CustodyTransfer;
use crate::verdict::{invalid, must_get_app_entry, unit_entry_type, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a CustodyTransfer, CustodyAcceptance or CustodyDecline the author made.
/// 2. The base is the resource it names.
pub fn validate_create_link_resource_to_custody(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    let base = check!(base_action(link));
    let target = check!(target_action(link));
    let record = must_get_valid_record(target.clone())?;
    let (author, resource) = match unit_entry_type(&record)? {
        Some(UnitEntryTypes::CustodyTransfer) => {
            let t = check!(must_get_app_entry::<CustodyTransfer>(
                &target,
                UnitEntryTypes::CustodyTransfer
            )?);
            (t.author().clone(), t.entry.resource)
        }
        Some(UnitEntryTypes::CustodyAcceptance) => {
            let a = check!(must_get_app_entry::<CustodyAcceptance>(
                &target,
                UnitEntryTypes::CustodyAcceptance
            )?);
            (a.author().clone(), a.entry.resource)
        }
        Some(UnitEntryTypes::CustodyDecline) => {
            let d = check!(must_get_app_entry::<CustodyDecline>(
                &target,
                UnitEntryTypes::CustodyDecline
            )?);
            (d.author().clone(), d.entry.resource)
        }
        _ => {
            return invalid(format!(
                "{target} is not a custody transfer, acceptance or decline"
            ))
        }
    };
    if author != header.author {
        return invalid(format!("only the author of {target} may index it"));
    }
    if resource != base {
        return invalid(format!("{target} does not belong under {base}"));
    }
    valid()
}
