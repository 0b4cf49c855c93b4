//! [`CustodyAcceptance`]: the recipient of a [`CustodyTransfer`] takes the resource, by the
//! offer's expiry. Only then has custody moved; the acceptance is the recipient's new custody
//! state. Immutable. Only the named recipient answers, and only once: an acceptance or a
//! [`CustodyDecline`](crate::resources::custody_decline::CustodyDecline) (a scan of the
//! recipient's own chain).

use crate::resources::custody_decline::CustodyDecline;
use crate::resources::custody_transfer::CustodyTransfer;
use crate::verdict::{earlier_actions, entries_created, invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::resources::custody::{check_acceptance, check_condition_note, check_in_time};
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
/// 4. The author has not answered this transfer before: no acceptance or decline of it on their
///    chain ([`answered_before`]).
/// 5. It is made by the transfer's expiry (`ovn_domain::resources::custody::check_in_time`).
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
    if answered_before(header, &acceptance.transfer)? {
        return invalid(
            DomainError::AlreadyAnswered {
                transfer: acceptance.transfer.to_string(),
            }
            .to_string(),
        );
    }
    check!(check_in_time(
        &acceptance.transfer,
        transfer.entry.expires.as_micros(),
        header.timestamp.as_micros()
    ));
    valid()
}

/// Whether the author's chain holds an acceptance or a decline of `transfer` (rule 4, and the
/// decline's rule 4): a recipient answers an offer once.
pub fn answered_before(header: &ActionHeader, transfer: &ActionHash) -> ExternResult<bool> {
    let earlier = earlier_actions(header)?;
    let accepted: Vec<CustodyAcceptance> =
        entries_created(&earlier, UnitEntryTypes::CustodyAcceptance)?;
    let declined: Vec<CustodyDecline> = entries_created(&earlier, UnitEntryTypes::CustodyDecline)?;
    Ok(accepted.iter().any(|a| &a.transfer == transfer)
        || declined.iter().any(|d| &d.transfer == transfer))
}

/// Rules:
/// 1. Acceptances are never updated.
pub fn validate_update_custody_acceptance() -> ExternResult<ValidateCallbackResult> {
    invalid("custody acceptances cannot be updated")
}
