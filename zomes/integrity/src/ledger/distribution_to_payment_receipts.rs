//! `DistributionToPaymentReceipts`: distribution → the receipts of its payees. Created by the payee; never deleted.

use crate::ledger::payment_receipt::PaymentReceipt;
use crate::links::index_of_own_entry;
use crate::UnitEntryTypes;
use hdi::prelude::*;

/// Rules:
/// 1. The target is a PaymentReceipt the author made.
/// 2. The base is the distribution it names.
pub fn validate_create_link_distribution_to_payment_receipts(
    header: &ActionHeader,
    link: &CreateLinkData,
) -> ExternResult<ValidateCallbackResult> {
    index_of_own_entry(
        header,
        link,
        UnitEntryTypes::PaymentReceipt,
        |e: &PaymentReceipt| &e.distribution,
    )
}
