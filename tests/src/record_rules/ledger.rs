//! Incomes, distributions, settlements, receipts and value equations are never updated; the
//! income, equation and receipt index links are the author's own, under what they name.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use hostile::AnyEntry;
use ovn_domain::Period;
use ovn_integrity::{
    Contribution, Distribution, IncomeEvent, PaymentReceipt, Settlement, ValueEquation,
};

/// These rules in order; `needs` names earlier rules whose records a rule uses.
pub fn rules() -> Vec<Rule<Records>> {
    vec![
        rule!(an_income_is_never_updated),
        rule!(a_distribution_is_never_updated, needs: [an_income_is_never_updated]),
        rule!(a_settlement_is_never_updated),
        rule!(a_payment_receipt_is_never_updated, needs: [a_distribution_is_never_updated]),
        rule!(a_value_equation_is_never_updated),
        rule!(bob_cannot_index_alices_income, needs: [an_income_is_never_updated]),
        rule!(an_income_is_indexed_only_under_its_project, needs: [an_income_is_never_updated]),
        rule!(bob_cannot_index_alices_value_equation, needs: [a_value_equation_is_never_updated]),
        rule!(a_value_equation_is_indexed_only_under_its_project,
            needs: [a_value_equation_is_never_updated]),
        rule!(alice_cannot_index_bobs_receipt, needs: [a_payment_receipt_is_never_updated]),
        rule!(a_receipt_is_indexed_only_under_its_distribution,
            needs: [a_payment_receipt_is_never_updated]),
    ]
}

/// validate_update_income_event, rule 1: a difference is recorded as a new income.
pub async fn an_income_is_never_updated(w: &Records) {
    let input = income_input(&w.project, 10_000);
    let record: Record = w.peers.call(ALICE, "ledger", "record_income", input).await;
    let hash = record.action_address().clone();
    let doubled = IncomeEvent {
        amount: 20_000,
        ..entry(&record)
    };
    let entry = AnyEntry::IncomeEvent(doubled);
    let reason = "income events cannot be updated";
    w.update_rejected(ALICE, &hash, entry, reason).await;
    w.income.set(hash);
}

/// validate_update_distribution, rule 1: what was paid was paid.
pub async fn a_distribution_is_never_updated(w: &Records) {
    let record = distribute(&w.peers, ALICE, w.income.get()).await;
    let hash = record.action_address().clone();
    let valid: Distribution = entry(&record);
    let kept_back = Distribution {
        retained: valid.retained + 1,
        ..valid
    };
    let entry = AnyEntry::Distribution(kept_back);
    let reason = "distributions cannot be updated";
    w.update_rejected(ALICE, &hash, entry, reason).await;
    w.distribution.set(hash);
}

/// validate_update_settlement, rule 1: settle again; distributions name what they used.
pub async fn a_settlement_is_never_updated(w: &Records) {
    let c: Contribution = entry(&w.counted);
    let item = crate::ledger_rules::books::settled(&w.counted, vec![w.bobs_confirmation.clone()]);
    let settlement = Settlement {
        project: w.project.clone(),
        period: Period::of_micros(c.when.as_micros()),
        items: vec![item],
    };
    let hash = commit(&w.peers, ALICE, "commit_settlement", settlement.clone())
        .await
        .expect("alice settles her counted hour");
    let emptied = AnyEntry::Settlement(Settlement {
        items: vec![],
        ..settlement
    });
    let reason = "settlements cannot be updated";
    w.update_rejected(ALICE, &hash, emptied, reason).await;
}

/// validate_update_payment_receipt, rule 1.
pub async fn a_payment_receipt_is_never_updated(w: &Records) {
    w.peers.sync().await;
    let distribution = w.distribution.get().clone();
    let record: Record = w
        .peers
        .call(BOB, "ledger", "confirm_payment", distribution)
        .await;
    let hash = record.action_address().clone();
    let receipt: PaymentReceipt = entry(&record);
    let less = AnyEntry::PaymentReceipt(PaymentReceipt {
        amount: receipt.amount - 1,
        ..receipt
    });
    let reason = "payment receipts cannot be updated";
    w.update_rejected(BOB, &hash, less, reason).await;
    w.receipt.set(hash);
}

/// validate_update_value_equation, rule 1: a new version replaces it.
pub async fn a_value_equation_is_never_updated(w: &Records) {
    let network = AgentPubKey::from_raw_32(vec![7; 32]);
    let record = set_equation(&w.peers, ALICE, &w.project, sensorica_equation(network)).await;
    let hash = record.action_address().clone();
    let renumbered = AnyEntry::ValueEquation(ValueEquation {
        version: 2,
        ..entry(&record)
    });
    let reason = "value equations cannot be updated";
    w.update_rejected(ALICE, &hash, renumbered, reason).await;
    w.equation.set(hash);
}

/// validate_create_link_project_to_income_events, rule 1 (and
/// links::validate_index_of_own_entry, rule 1).
pub async fn bob_cannot_index_alices_income(w: &Records) {
    w.peers.sync().await;
    let kind = "ProjectToIncomeEvents";
    let reason = not_own(&w.income, &w.bob, "income event");
    w.forged(BOB, &w.project, &w.income, kind, &reason).await;
    w.links(ALICE, &w.project, &w.income, kind).await;
}

/// validate_create_link_project_to_income_events, rule 2 (and
/// links::validate_index_of_own_entry, rule 2).
pub async fn an_income_is_indexed_only_under_its_project(w: &Records) {
    let kind = "ProjectToIncomeEvents";
    let reason = not_under(&w.income, &w.bobs_project);
    w.forged(ALICE, &w.bobs_project, &w.income, kind, &reason)
        .await;
    w.links(ALICE, &w.project, &w.income, kind).await;
}

/// validate_create_link_project_to_value_equations, rule 1.
pub async fn bob_cannot_index_alices_value_equation(w: &Records) {
    w.peers.sync().await;
    let kind = "ProjectToValueEquations";
    let reason = not_own(&w.equation, &w.bob, "value equation");
    w.forged(BOB, &w.project, &w.equation, kind, &reason).await;
    w.links(ALICE, &w.project, &w.equation, kind).await;
}

/// validate_create_link_project_to_value_equations, rule 2.
pub async fn a_value_equation_is_indexed_only_under_its_project(w: &Records) {
    let kind = "ProjectToValueEquations";
    let reason = not_under(&w.equation, &w.bobs_project);
    w.forged(ALICE, &w.bobs_project, &w.equation, kind, &reason)
        .await;
    w.links(ALICE, &w.project, &w.equation, kind).await;
}

/// validate_create_link_distribution_to_payment_receipts, rule 1.
pub async fn alice_cannot_index_bobs_receipt(w: &Records) {
    w.peers.sync().await;
    let (kind, distribution) = ("DistributionToPaymentReceipts", w.distribution.get());
    let reason = not_own(&w.receipt, &w.alice, "payment receipt");
    w.forged(ALICE, distribution, &w.receipt, kind, &reason)
        .await;
    w.links(BOB, distribution, &w.receipt, kind).await;
}

/// validate_create_link_distribution_to_payment_receipts, rule 2.
pub async fn a_receipt_is_indexed_only_under_its_distribution(w: &Records) {
    let kind = "DistributionToPaymentReceipts";
    let reason = not_under(&w.receipt, &w.project);
    w.forged(BOB, &w.project, &w.receipt, kind, &reason).await;
    w.links(BOB, w.distribution.get(), &w.receipt, kind).await;
}
