//! [`CustodyDecline`]: the recipient of a [`CustodyTransfer`] turns it down. The offer lapses
//! and its custodian may offer the state again, naming this decline
//! ([`CustodyTransfer::after_decline`]). Immutable. A recipient answers an offer once: an
//! acceptance or a decline, never both (a scan of the recipient's own chain).

use crate::resources::custody_acceptance::answered_before;
use crate::resources::custody_transfer::CustodyTransfer;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::resources::custody::{check_acceptance, check_condition_note};
use ovn_domain::DomainError;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustodyDecline {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub transfer: ActionHash,
    /// Why, for the custodian (may be empty).
    pub note: String,
}

/// Rules:
/// 1. The note is bounded.
/// 2. The transfer is a CustodyTransfer of the named resource.
/// 3. The author is the transfer's recipient.
/// 4. The author has not answered this transfer before: no acceptance or decline of it on their
///    chain.
pub fn validate_create_custody_decline(
    header: &ActionHeader,
    decline: &CustodyDecline,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_condition_note(&decline.note));
    let transfer = check!(must_get_app_entry::<CustodyTransfer>(
        &decline.transfer,
        UnitEntryTypes::CustodyTransfer
    )?);
    if transfer.entry.resource != decline.resource {
        return invalid(format!(
            "{} transfers {}, not {}",
            decline.transfer, transfer.entry.resource, decline.resource
        ));
    }
    check!(check_acceptance(&transfer.entry.to, &header.author));
    if answered_before(header, &decline.transfer)? {
        return invalid(
            DomainError::AlreadyAnswered {
                transfer: decline.transfer.to_string(),
            }
            .to_string(),
        );
    }
    valid()
}

/// Rules:
/// 1. Declines are never updated.
pub fn validate_update_custody_decline() -> ExternResult<ValidateCallbackResult> {
    invalid("custody declines cannot be updated")
}
