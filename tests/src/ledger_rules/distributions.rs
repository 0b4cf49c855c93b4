//! Distributions: of the author's own income, from the project's equation, settlements and
//! earlier distributions, respecting the cutoff, equal to their recomputation, once.

use super::books::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_integrity::Distribution;

/// These rules in order.
pub fn rules() -> Vec<Rule<Books>> {
    vec![
        rule!(alice_distributes_a_new_income_as_recomputed_once),
        rule!(a_payout_skewed_by_one_unit_is_rejected),
        rule!(an_upstream_share_no_citation_earned_is_rejected),
        rule!(a_distribution_settling_work_after_its_cutoff_is_rejected),
        rule!(bob_cannot_distribute_alices_income),
        rule!(a_distribution_under_something_that_is_no_equation_is_rejected),
        rule!(a_distribution_of_something_that_is_no_settlement_is_rejected),
        rule!(a_distribution_after_something_that_is_no_distribution_is_rejected),
        rule!(a_distribution_uses_an_equation_adopted_by_its_cutoff),
        rule!(an_original_and_its_correction_settled_apart_are_not_both_paid),
    ]
}

const DISTRIBUTION: &str = "commit_distribution";

/// validate_create_distribution, rule 7.
pub async fn alice_distributes_a_new_income_as_recomputed_once(b: &Books) {
    let [first, second] = &b.valid.payouts[..] else {
        panic!("two payees expected: {:?}", b.valid.payouts);
    };
    assert_eq!((first.amount, second.amount), (5_000, 5_000));
    let restated = b.restated_for_new_income().await;
    commit(&b.peers, ALICE, DISTRIBUTION, restated.clone())
        .await
        .expect("a correct distribution of alice's own income is valid");
    let reason = "was already distributed";
    rejects(&b.peers, ALICE, DISTRIBUTION, restated, reason).await;
}

/// validate_create_distribution, rule 6.
pub async fn a_payout_skewed_by_one_unit_is_rejected(b: &Books) {
    let mut skewed = b.restated_for_new_income().await;
    skewed.payouts[0].amount += 1;
    skewed.payouts[1].amount -= 1;
    let reason = "differs from the recomputed";
    rejects(&b.peers, ALICE, DISTRIBUTION, skewed, reason).await;
}

/// validate_create_distribution, rule 6: an upstream share with no citation behind it, taken
/// from a payee so the total still matches the income.
pub async fn an_upstream_share_no_citation_earned_is_rejected(b: &Books) {
    let mut diverted = b.restated_for_new_income().await;
    diverted.payouts[0].amount -= 1_000;
    diverted.upstream = vec![ovn_domain::Payout {
        agent: b.project.clone(),
        amount: 1_000,
    }];
    let reason = "differs from the recomputed";
    rejects(&b.peers, ALICE, DISTRIBUTION, diverted.clone(), reason).await;
    diverted.payouts = b.valid.payouts.clone();
    let reason = "the upstream shares are stated";
    rejects(&b.peers, ALICE, DISTRIBUTION, diverted, reason).await;
}

/// validate_create_distribution, rule 3.
pub async fn a_distribution_settling_work_after_its_cutoff_is_rejected(b: &Books) {
    let early = Distribution {
        cutoff: Timestamp::from_micros(0),
        ..b.restated_for_new_income().await
    };
    let reason = "dated after the cutoff";
    rejects(&b.peers, ALICE, DISTRIBUTION, early, reason).await;
}

/// validate_create_distribution, rule 1.
pub async fn bob_cannot_distribute_alices_income(b: &Books) {
    let alices = b.restated_for_new_income().await;
    b.peers.sync().await;
    let reason = "only the agent who recorded income";
    rejects(&b.peers, BOB, DISTRIBUTION, alices, reason).await;
}

/// validate_create_distribution, rule 2.
pub async fn a_distribution_under_something_that_is_no_equation_is_rejected(b: &Books) {
    let under_a_project = Distribution {
        equation: Some(b.project.clone()),
        ..b.valid.clone()
    };
    let reason = "is not a ValueEquation";
    rejects(&b.peers, ALICE, DISTRIBUTION, under_a_project, reason).await;
}

/// validate_create_distribution, rule 4.
pub async fn a_distribution_of_something_that_is_no_settlement_is_rejected(b: &Books) {
    let of_a_project = Distribution {
        settlements: vec![b.project.clone()],
        ..b.valid.clone()
    };
    let reason = "is not a Settlement";
    rejects(&b.peers, ALICE, DISTRIBUTION, of_a_project, reason).await;
}

/// validate_create_distribution, rule 5.
pub async fn a_distribution_after_something_that_is_no_distribution_is_rejected(b: &Books) {
    let after_a_project = Distribution {
        earlier: vec![b.project.clone()],
        ..b.valid.clone()
    };
    let reason = "is not a Distribution";
    rejects(&b.peers, ALICE, DISTRIBUTION, after_a_project, reason).await;
}

/// validate_create_distribution, rule 2: the equation was adopted by the cutoff.
pub async fn a_distribution_uses_an_equation_adopted_by_its_cutoff(b: &Books) {
    // alice adopts the network default as the project's version 1, so results do not change.
    let default: ledger::equations::CurrentEquation = b
        .peers
        .call(ALICE, "ledger", "get_value_equation", b.project.clone())
        .await;
    assert_eq!(default.adopted, None);
    let v1 = set_equation(&b.peers, ALICE, &b.project, default.equation).await;
    let under_v1 = Distribution {
        equation: Some(v1.action_address().clone()),
        cutoff: Timestamp::now(),
        ..b.restated_for_new_income().await
    };
    commit(&b.peers, ALICE, DISTRIBUTION, under_v1.clone())
        .await
        .expect("an equation adopted before the cutoff may be used");
    let backdated = Distribution {
        cutoff: b.valid.cutoff,
        ..b.restated_for_new_income().await
    };
    let backdated = Distribution {
        equation: under_v1.equation,
        ..backdated
    };
    let reason = "was adopted after the cutoff";
    rejects(&b.peers, ALICE, DISTRIBUTION, backdated, reason).await;
    let elsewhere = create_project(&b.peers, ALICE, "Elsewhere").await;
    let theirs = set_equation(
        &b.peers,
        ALICE,
        &elsewhere,
        ovn_domain::ValueEquation::default(),
    )
    .await;
    let foreign = Distribution {
        equation: Some(theirs.action_address().clone()),
        cutoff: Timestamp::now(),
        ..b.restated_for_new_income().await
    };
    let reason = "is another project's equation";
    rejects(&b.peers, ALICE, DISTRIBUTION, foreign, reason).await;
}

/// validate_create_distribution, rule 4: no original beside its correction, across settlements.
pub async fn an_original_and_its_correction_settled_apart_are_not_both_paid(b: &Books) {
    // alice corrects her counted hour to 50 minutes; bob confirms the correction, and it is
    // settled on a page of its own.
    let correction = contributions::contributions::LogContributionInput {
        corrects: Some(b.counted.action_address().clone()),
        ..log_input(&b.project, work(50))
    };
    let correction: Record = b
        .peers
        .call(ALICE, "contributions", "log_contribution", correction)
        .await;
    b.peers.sync().await;
    let confirmed = confirm(&b.peers, BOB, correction.action_address()).await;
    b.peers.sync().await;
    let page = settlement(
        &b.project,
        vec![settled(
            &correction,
            vec![confirmed.action_address().clone()],
        )],
    );
    let page = commit(&b.peers, ALICE, "commit_settlement", page)
        .await
        .expect("the correction settles on its own");
    let both = Distribution {
        settlements: [b.valid.settlements.clone(), vec![page]].concat(),
        cutoff: Timestamp::now(),
        ..b.restated_for_new_income().await
    };
    rejects(
        &b.peers,
        ALICE,
        DISTRIBUTION,
        both,
        "only the correction counts",
    )
    .await;
}
