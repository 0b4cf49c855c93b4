//! A license fee is income of the resource's project, of exactly the grant's fee, recorded once
//! by the licensor.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_domain::IncomeSource;
use ovn_integrity::IncomeEvent;

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(a_license_fee_is_the_grants_fee_as_income_of_the_designs_project,
            needs: [alice_grants_a_for_profit_for_its_fee_and_a_contributor_for_free]),
        rule!(only_alice_who_granted_records_its_fee_and_only_once,
            needs: [alice_grants_a_for_profit_for_its_fee_and_a_contributor_for_free]),
    ]
}

const INCOME: &str = "commit_income_event";

/// The fee of alice's grant to bob, as income of `project`.
fn fee(w: &World, project: &ActionHash, amount: u64) -> IncomeEvent {
    IncomeEvent {
        project: project.clone(),
        amount,
        source: IncomeSource::LicenseFee {
            grant: w.paid.get().clone(),
        },
        description: "CBRL fee".into(),
        evidence: vec![],
        received: Timestamp::now(),
    }
}

/// validate_create_income_event, rule 4: the grant's fee, of the licensed resource's project.
pub async fn a_license_fee_is_the_grants_fee_as_income_of_the_designs_project(w: &World) {
    let World {
        peers,
        project,
        bobs_project,
        ..
    } = w;
    let less = fee(w, project, 40_000);
    rejects(peers, ALICE, INCOME, less, "set a fee of 50000, not 40000").await;
    let elsewhere = fee(w, bobs_project, 50_000);
    let reason = "does not belong to the project";
    rejects(peers, ALICE, INCOME, elsewhere, reason).await;
}

/// validate_create_income_event, rule 4: recorded by the licensor, once.
pub async fn only_alice_who_granted_records_its_fee_and_only_once(w: &World) {
    let World { peers, project, .. } = w;
    rejects(
        peers,
        BOB,
        INCOME,
        fee(w, project, 50_000),
        "records its fee",
    )
    .await;
    let mut input = income_input(project, 50_000);
    input.source = IncomeSource::LicenseFee {
        grant: w.paid.get().clone(),
    };
    let by_bob = peers
        .try_call::<_, Record>(BOB, "ledger", "record_income", input.clone())
        .await;
    assert_refused(by_bob, "records its fee");
    let _: Record = peers
        .call(ALICE, "ledger", "record_income", input.clone())
        .await;
    let again = peers
        .try_call::<_, Record>(ALICE, "ledger", "record_income", input)
        .await;
    assert_refused(again, "was already recorded as income");
    let reason = "was already recorded as income";
    rejects(peers, ALICE, INCOME, fee(w, project, 50_000), reason).await;
}
