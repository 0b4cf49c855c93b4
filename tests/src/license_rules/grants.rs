//! Grants: of a request as asked, under the resource's terms, by the licensor, with the rule's
//! category and fee unless an exception for that request decides otherwise; once;
//! never updated.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule, Slot};
use ovn_domain::licenses::{FeeSchedule, LicenseTerms};
use ovn_integrity::{Category, Licensee};

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(alice_grants_a_for_profit_for_its_fee_and_a_contributor_for_free, needs: [
            bob_asks_under_the_designs_own_license_only,
            a_contributing_for_profit_shows_its_confirmed_contribution,
        ]),
        rule!(a_grant_is_of_a_request_for_its_resource_licensee_and_usage,
            needs: [bob_asks_under_the_designs_own_license_only]),
        rule!(a_grant_carries_the_terms_of_the_license_the_design_carries,
            needs: [bob_asks_under_the_designs_own_license_only]),
        rule!(bob_cannot_grant_a_license_to_alices_design,
            needs: [bob_asks_under_the_designs_own_license_only]),
        rule!(a_request_is_granted_once,
            needs: [alice_grants_a_for_profit_for_its_fee_and_a_contributor_for_free]),
        rule!(a_grant_under_an_exception_is_what_the_exception_decided,
            needs: [only_a_steward_of_the_designs_project_decides_an_exception]),
        rule!(a_license_grant_is_never_updated,
            needs: [alice_grants_a_for_profit_for_its_fee_and_a_contributor_for_free]),
    ]
}

const GRANT: &str = "commit_license_grant";

/// validate_create_license_grant, rule 4: without an exception, the category and fee asked.
pub async fn alice_grants_a_for_profit_for_its_fee_and_a_contributor_for_free(w: &World) {
    let World {
        peers,
        b_work,
        a_confirms_b,
        ..
    } = w;
    let for_profit = w.for_profit.get();
    let paid = commit(
        peers,
        ALICE,
        GRANT,
        w.grant(for_profit, Category::ForProfit, 50_000, None),
    )
    .await
    .expect("a for-profit pays 500.00");
    w.paid.set(paid);
    let counted = counted(b_work, vec![a_confirms_b.clone()]);
    commit(
        peers,
        ALICE,
        GRANT,
        w.grant(w.contributing.get(), counted, 0, None),
    )
    .await
    .expect("a contributing for-profit is exempt");
    let free = w.grant(for_profit, Category::ForProfit, 0, None);
    let reason = "the license fee due from a ForProfit licensee is 50000, not 0";
    rejects(peers, ALICE, GRANT, free, reason).await;
    let cooperative = Category::WorkerCooperative { workers: 12 };
    let relabelled = w.grant(for_profit, cooperative, 0, None);
    let reason = "needs an exception decided for this case";
    rejects(peers, ALICE, GRANT, relabelled, reason).await;
    peers.sync().await;
}

/// validate_create_license_grant, rule 1.
pub async fn a_grant_is_of_a_request_for_its_resource_licensee_and_usage(w: &World) {
    let mut other_licensee = w.grant(w.for_profit.get(), Category::ForProfit, 50_000, None);
    other_licensee.licensee = Licensee::Outside {
        name: "Someone else".into(),
    };
    let reason = "must be those of the request";
    rejects(&w.peers, ALICE, GRANT, other_licensee, reason).await;
    let of_no_request = w.grant(&w.design, Category::ForProfit, 50_000, None);
    let reason = "is not a LicenseRequest";
    rejects(&w.peers, ALICE, GRANT, of_no_request, reason).await;
}

/// validate_create_license_grant, rule 2.
pub async fn a_grant_carries_the_terms_of_the_license_the_design_carries(w: &World) {
    let mut other_terms = w.grant(w.for_profit.get(), Category::ForProfit, 50_000, None);
    other_terms.terms = LicenseTerms::ppl(FeeSchedule::Flat { amount: 50_000 });
    let reason = "the terms granted are not those";
    rejects(&w.peers, ALICE, GRANT, other_terms, reason).await;
}

/// validate_create_license_grant, rule 3.
pub async fn bob_cannot_grant_a_license_to_alices_design(w: &World) {
    let World { peers, .. } = w;
    let by_bob = w.grant(w.for_profit.get(), Category::ForProfit, 50_000, None);
    rejects(
        peers,
        BOB,
        GRANT,
        by_bob,
        "only its stewards grant licenses",
    )
    .await;
    let input = licenses::grants::GrantLicenseInput {
        request: w.for_profit.get().clone(),
        exception: None,
    };
    let reason = "may not grant licenses";
    refuses(peers, BOB, "licenses", "grant_license", input, reason).await;
}

/// validate_create_license_grant, rule 5.
pub async fn a_request_is_granted_once(w: &World) {
    let World { peers, .. } = w;
    let again = w.grant(w.for_profit.get(), Category::ForProfit, 50_000, None);
    rejects(peers, ALICE, GRANT, again, "a request is granted once").await;
    peers.sync().await;
    let twice = licenses::grants::GrantLicenseInput {
        request: w.for_profit.get().clone(),
        exception: None,
    };
    let reason = "was already granted";
    refuses(peers, ALICE, "licenses", "grant_license", twice, reason).await;
}

/// validate_create_license_grant, rule 4: with an exception, what it decided for this request.
pub async fn a_grant_under_an_exception_is_what_the_exception_decided(w: &World) {
    let as_decided = |fee, exception: &Slot| {
        let cooperative = Category::WorkerCooperative { workers: 12 };
        w.grant(
            w.exempted.get(),
            cooperative,
            fee,
            Some(exception.get().clone()),
        )
    };
    for (payload, reason) in [
        (as_decided(10_000, &w.for_contributing), "was decided for"),
        (
            as_decided(0, &w.decided),
            "grants as WorkerCooperative for a fee of 10000",
        ),
    ] {
        rejects(&w.peers, ALICE, GRANT, payload, reason).await;
    }
    commit(&w.peers, ALICE, GRANT, as_decided(10_000, &w.decided))
        .await
        .expect("a grant under the exception");
}

/// validate_update_license_grant, rule 1: not even to lower a fee already due.
pub async fn a_license_grant_is_never_updated(w: &World) {
    let lowered = hostile::UpdateLicenseGrantRaw {
        original: w.paid.get().clone(),
        grant: w.grant(w.for_profit.get(), Category::ForProfit, 0, None),
    };
    let reason = "license grants cannot be updated";
    rejects(&w.peers, ALICE, "update_license_grant_raw", lowered, reason).await;
}
