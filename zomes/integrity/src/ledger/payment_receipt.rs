//! [`PaymentReceipt`]: a payee confirms that their payout from a distribution arrived.

use crate::ledger::distribution::Distribution;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PaymentReceipt {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub distribution: ActionHash,
    /// What arrived, in minor units.
    pub amount: u64,
}

/// Rules:
/// 1. The distribution is a Distribution.
/// 2. It pays the author exactly `amount`.
pub fn validate_create_payment_receipt(
    header: &ActionHeader,
    receipt: &PaymentReceipt,
) -> ExternResult<ValidateCallbackResult> {
    let distribution = check!(must_get_app_entry::<Distribution>(
        &receipt.distribution,
        UnitEntryTypes::Distribution
    )?);
    let owed = distribution
        .entry
        .payouts
        .iter()
        .find(|p| p.agent == header.author)
        .map(|p| p.amount);
    match owed {
        Some(amount) if amount == receipt.amount => valid(),
        Some(amount) => invalid(format!(
            "distribution {} pays {} {amount}, not {}",
            receipt.distribution, header.author, receipt.amount
        )),
        None => invalid(format!(
            "distribution {} pays {} nothing",
            receipt.distribution, header.author
        )),
    }
}

/// Rules:
/// 1. Receipts are never updated.
pub fn validate_update_payment_receipt() -> ExternResult<ValidateCallbackResult> {
    invalid("payment receipts cannot be updated")
}
