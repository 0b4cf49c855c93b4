//! Value equations adopted by stewards in version order; incomes and receipts; and the ledger
//! coordinator's typed refusals, which write nothing.

use super::books::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ledger::distributions::{DistributeInput, DistributionPreview};
use ledger::equations::SetValueEquationInput;
use ovn_integrity::ledger::value_equation::Equation;
use ovn_integrity::{IncomeEvent, PaymentReceipt, ValueEquation};

/// These rules in order.
pub fn rules() -> Vec<Rule<Books>> {
    vec![
        rule!(only_a_steward_adopts_the_projects_equation),
        rule!(an_equation_sharing_more_than_the_whole_income_is_rejected),
        rule!(a_bucket_window_of_no_length_or_without_bounds_is_rejected),
        rule!(alice_adopts_version_one_first),
        rule!(an_income_of_nothing_is_rejected),
        rule!(an_income_received_after_it_was_recorded_is_rejected),
        rule!(an_income_of_something_that_is_no_project_is_rejected),
        rule!(the_ledger_coordinator_refuses_to_distribute_what_it_must_not),
        rule!(bob_receipts_exactly_what_he_was_paid),
        rule!(a_receipt_for_something_that_is_no_distribution_is_rejected),
    ]
}

fn network() -> AgentPubKey {
    AgentPubKey::from_raw_32(vec![7; 32])
}

/// The Sensorica-like equation as the project's version 1.
fn version_one(b: &Books) -> ValueEquation {
    ValueEquation {
        project_version: None,
        project: b.project.clone(),
        version: 1,
        replaces: None,
        equation: sensorica_equation(network()),
        decision: None,
    }
}

/// validate_create_value_equation, rule 2.
pub async fn only_a_steward_adopts_the_projects_equation(b: &Books) {
    let input = SetValueEquationInput {
        project: b.project.clone(),
        equation: sensorica_equation(network()),
    };
    let refused = b
        .peers
        .try_call::<_, Record>(BOB, "ledger", "set_value_equation", input)
        .await;
    let reason = "only its stewards adopt its value equation";
    assert_refused(refused, reason);
    let by_bob = version_one(b);
    rejects(&b.peers, BOB, "commit_value_equation", by_bob, reason).await;
}

/// validate_create_value_equation, rule 1.
pub async fn an_equation_sharing_more_than_the_whole_income_is_rejected(b: &Books) {
    let mut greedy = sensorica_equation(network());
    greedy.buckets[1].behaviour = ovn_domain::Behaviour::Straight;
    refused_and_rejected(b, greedy, "at most 10000 can be shared").await;
}

/// alice's `equation` is refused by the coordinator and rejected raw as her version 1, both
/// saying `reason`.
async fn refused_and_rejected(b: &Books, equation: Equation, reason: &str) {
    let input = SetValueEquationInput {
        project: b.project.clone(),
        equation: equation.clone(),
    };
    let refused = b
        .peers
        .try_call::<_, Record>(ALICE, "ledger", "set_value_equation", input)
        .await;
    assert_refused(refused, reason);
    let raw = ValueEquation {
        equation,
        ..version_one(b)
    };
    rejects(&b.peers, ALICE, "commit_value_equation", raw, reason).await;
}

/// validate_create_value_equation, rule 1, through `ValueEquation::check` rule 5: a bucket's
/// window of no length, and one from i64::MIN to i64::MAX, are refused by the coordinator and
/// rejected raw, each naming the bucket; the rule's valid windows are kept by every
/// distribution test that windows a bucket (`crates/domain`).
pub async fn a_bucket_window_of_no_length_or_without_bounds_is_rejected(b: &Books) {
    let year_2020 = 1_577_836_800_000_000;
    for ((from_micros, until_micros), reason) in [
        (
            (year_2020, year_2020),
            "'s window must end after it starts (2020-01-01 to 2020-01-01)",
        ),
        ((i64::MIN, i64::MAX), "'s window starts before 2000-01-01"),
        ((year_2020, i64::MAX), "'s window ends after 2100-01-01"),
    ] {
        let mut windowed = sensorica_equation(network());
        windowed.buckets[1].window = Some(ovn_domain::ledger::value_equation::Window {
            from_micros,
            until_micros,
        });
        refused_and_rejected(b, windowed, reason).await;
    }
}

/// validate_create_value_equation, rule 3.
pub async fn alice_adopts_version_one_first(b: &Books) {
    let out_of_order = ValueEquation {
        version: 5,
        ..version_one(b)
    };
    let function = "commit_value_equation";
    rejects(&b.peers, ALICE, function, out_of_order, "must be version 1").await;
    commit(&b.peers, ALICE, function, version_one(b))
        .await
        .expect("the project's steward adopts version 1");
}

fn income(project: &ActionHash, amount: u64, received: Timestamp) -> IncomeEvent {
    IncomeEvent {
        project: project.clone(),
        amount,
        source: ovn_domain::IncomeSource::Donation,
        description: "Nothing at all".into(),
        evidence: vec![],
        received,
    }
}

/// validate_create_income_event, rule 1.
pub async fn an_income_of_nothing_is_rejected(b: &Books) {
    let input = income_input(&b.project, 0);
    let refused = b
        .peers
        .try_call::<_, Record>(ALICE, "ledger", "record_income", input)
        .await;
    assert_refused(refused, "amount must be positive");
    let nothing = income(&b.project, 0, Timestamp::now());
    let reason = "amount must be positive";
    rejects(&b.peers, ALICE, "commit_income_event", nothing, reason).await;
}

/// validate_create_income_event, rule 2.
pub async fn an_income_received_after_it_was_recorded_is_rejected(b: &Books) {
    let tomorrow = Timestamp::from_micros(Timestamp::now().as_micros() + 86_400_000_000);
    let early = income(&b.project, 500, tomorrow);
    let reason = "beyond the allowed clock skew";
    rejects(&b.peers, ALICE, "commit_income_event", early, reason).await;
}

/// validate_create_income_event, rule 3.
pub async fn an_income_of_something_that_is_no_project_is_rejected(b: &Books) {
    let of_a_distribution = income(&b.distribution, 500, Timestamp::now());
    let reason = "is not a Project";
    rejects(
        &b.peers,
        ALICE,
        "commit_income_event",
        of_a_distribution,
        reason,
    )
    .await;
}

/// The ledger coordinator (no validator rule): refused distributions write nothing.
pub async fn the_ledger_coordinator_refuses_to_distribute_what_it_must_not(b: &Books) {
    let Books { peers, project, .. } = b;
    let income = record_income(peers, ALICE, project, 500).await;
    peers.sync().await;
    let by_bob = distribute_input(&income);
    let distribute = "distribute";
    refuses(
        peers,
        BOB,
        "ledger",
        distribute,
        by_bob,
        "only they distribute it",
    )
    .await;
    let future = DistributeInput {
        income: income.clone(),
        cutoff: Some(Timestamp::from_micros(i64::MAX / 2)),
    };
    let refused = peers
        .try_call::<_, DistributionPreview>(ALICE, "ledger", "preview_distribution", future)
        .await;
    assert_refused(refused, "is in the future");
    let listed: Vec<Record> = peers
        .call(
            ALICE,
            "ledger",
            "get_distributions_for_project",
            project.clone(),
        )
        .await;
    assert_eq!(
        listed.len(),
        1,
        "nothing was distributed by the refused calls"
    );
    let empty = create_project(peers, ALICE, "Nobody has contributed yet").await;
    let unclaimed = distribute_input(&record_income(peers, ALICE, &empty, 700).await);
    refuses(
        peers,
        ALICE,
        "ledger",
        distribute,
        unclaimed,
        "would pay nobody",
    )
    .await;
}

/// validate_create_payment_receipt, rule 2.
pub async fn bob_receipts_exactly_what_he_was_paid(b: &Books) {
    b.peers.sync().await;
    let receipt = |amount| PaymentReceipt {
        distribution: b.distribution.clone(),
        amount,
    };
    let function = "commit_payment_receipt";
    rejects(&b.peers, BOB, function, receipt(4_999), "pays").await;
    commit(&b.peers, BOB, function, receipt(5_000))
        .await
        .expect("bob confirms what he was paid");
}

/// validate_create_payment_receipt, rule 1.
pub async fn a_receipt_for_something_that_is_no_distribution_is_rejected(b: &Books) {
    let for_a_project = PaymentReceipt {
        distribution: b.project.clone(),
        amount: 5_000,
    };
    let function = "commit_payment_receipt";
    rejects(
        &b.peers,
        BOB,
        function,
        for_a_project,
        "is not a Distribution",
    )
    .await;
}
