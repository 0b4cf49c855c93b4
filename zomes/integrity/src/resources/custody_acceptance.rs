//! [`CustodyAcceptance`]: the recipient of a [`CustodyTransfer`] takes the resource. Only then
//! has custody moved; the acceptance is the recipient's new custody state. Immutable. Only the
//! named recipient accepts, and only once (a scan of the recipient's own chain).

use crate::resources::custody_transfer::CustodyTransfer;
use crate::verdict::{earlier_actions, entries_created, invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::resources::custody::{check_acceptance, check_condition_note};
use ovn_domain::DomainError;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustodyAcceptance {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub transfer: ActionHash,
    /// The resource's condition as received.
    pub condition_note: String,
}

/// Rules:
/// 1. The condition note is bounded.
/// 2. The transfer is a CustodyTransfer of the named resource.
/// 3. The author is the transfer's recipient.
/// 4. The author has not accepted this transfer before (a scan of the author's chain).
pub fn validate_create_custody_acceptance(
    header: &ActionHeader,
    acceptance: &CustodyAcceptance,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_condition_note(&acceptance.condition_note));
    let transfer = check!(must_get_app_entry::<CustodyTransfer>(
        &acceptance.transfer,
        UnitEntryTypes::CustodyTransfer
    )?);
    if transfer.entry.resource != acceptance.resource {
        return invalid(format!(
            "{} transfers {}, not {}",
            acceptance.transfer, transfer.entry.resource, acceptance.resource
        ));
    }
    check!(check_acceptance(&transfer.entry.to, &header.author));
    let earlier: Vec<CustodyAcceptance> =
        entries_created(&earlier_actions(header)?, UnitEntryTypes::CustodyAcceptance)?;
    if earlier.iter().any(|a| a.transfer == acceptance.transfer) {
        return invalid(
            DomainError::AlreadyAccepted {
                transfer: acceptance.transfer.to_string(),
            }
            .to_string(),
        );
    }
    valid()
}

/// Rules:
/// 1. Acceptances are never updated.
pub fn validate_update_custody_acceptance() -> ExternResult<ValidateCallbackResult> {
    invalid("custody acceptances cannot be updated")
}
