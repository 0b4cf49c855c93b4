//! Requests: under the resource's own license, in the asker's own name, of a well-formed
//! category; a contributing for-profit shows counted contributions of its own to this commons;
//! never updated.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use ovn_domain::licenses::{LicenseeCategory, Usage};
use ovn_domain::PropertyRegime;
use ovn_integrity::{Category, LicenseRequest, Licensee};

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(bob_asks_under_the_designs_own_license_only,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(bob_asks_in_his_own_name_for_a_named_licensee,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(a_worker_cooperative_of_no_workers_is_rejected,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(a_request_for_more_units_than_any_amount_is_rejected,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(a_contributing_for_profit_shows_its_confirmed_contribution,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(a_contributing_for_profit_names_only_its_own_work_on_this_commons,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(a_license_request_with_an_overlong_note_is_rejected,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(a_license_request_is_never_updated,
            needs: [bob_asks_under_the_designs_own_license_only]),
    ]
}

const REQUEST: &str = "commit_license_request";

/// validate_create_license_request, rule 1.
pub async fn bob_asks_under_the_designs_own_license_only(w: &World) {
    let World { peers, .. } = w;
    let for_profit = commit(
        peers,
        BOB,
        REQUEST,
        w.request(Licensee::Requester, Category::ForProfit),
    )
    .await
    .expect("bob asks as a for-profit");
    w.for_profit.set(for_profit);
    let exempted = commit(
        peers,
        BOB,
        REQUEST,
        w.request(Licensee::Requester, Category::ForProfit),
    )
    .await
    .expect("bob asks again, for another product line");
    w.exempted.set(exempted);
    let of_another_resource = LicenseRequest {
        resource: w.bobs_design.clone(),
        ..w.request(Licensee::Requester, Category::ForProfit)
    };
    rejects(
        peers,
        BOB,
        REQUEST,
        of_another_resource,
        "is the license of",
    )
    .await;
    let unlicensed = create_resource(peers, BOB, "Bob's jig", PropertyRegime::Commons, None).await;
    peers.sync().await;
    let ask = license_request_input(&unlicensed, None, LicenseeCategory::ForProfit);
    let reason = "carries no license yet";
    refuses(peers, ALICE, "licenses", "request_license", ask, reason).await;
}

/// validate_create_license_request, rule 2.
pub async fn bob_asks_in_his_own_name_for_a_named_licensee(w: &World) {
    let World { peers, .. } = w;
    let as_alice = LicenseRequest {
        requester_profile: w.alices_profile.clone(),
        ..w.request(Licensee::Requester, Category::ForProfit)
    };
    let reason = "members ask in their own name";
    rejects(peers, BOB, REQUEST, as_alice, reason).await;
    let nameless = Licensee::Outside { name: " ".into() };
    let for_nobody = w.request(nameless, Category::ForProfit);
    let reason = "licensee name must not be empty";
    rejects(peers, BOB, REQUEST, for_nobody, reason).await;
}

/// validate_create_license_request, rule 3.
pub async fn a_worker_cooperative_of_no_workers_is_rejected(w: &World) {
    let no_workers = Category::WorkerCooperative { workers: 0 };
    let request = w.request(Licensee::Requester, no_workers);
    rejects(&w.peers, BOB, REQUEST, request, "workers").await;
}

/// validate_create_license_request, rule 3 (`Usage::check`): usage of u64::MAX units is
/// refused by the coordinator and rejected raw, even for an exempt non-profit; units and
/// revenue of at most `MAX_AMOUNT` are kept by every other request here.
pub async fn a_request_for_more_units_than_any_amount_is_rejected(w: &World) {
    let reason = "usage units is 18446744073709551615; the limit is 1000000000000000";
    let huge = Usage {
        units: u64::MAX,
        revenue: 0,
    };
    let mut input = license_request_input(&w.design, None, LicenseeCategory::NonProfit);
    input.usage = huge;
    refuses(&w.peers, BOB, "licenses", "request_license", input, reason).await;
    let raw = LicenseRequest {
        usage: huge,
        ..w.request(Licensee::Requester, Category::NonProfit)
    };
    rejects(&w.peers, BOB, REQUEST, raw, reason).await;
}

/// validate_create_license_request, rule 4: K confirmations (at most 50) of the contribution.
pub async fn a_contributing_for_profit_shows_its_confirmed_contribution(w: &World) {
    let World {
        peers,
        b_work,
        a_confirms_b,
        b_confirms_a,
        ..
    } = w;
    let as_bob = |category| w.request(Licensee::Requester, category);
    for (payload, reason) in [
        (
            as_bob(counted(b_work, vec![])),
            "0 confirmations; 1 are needed",
        ),
        (
            as_bob(counted(b_work, vec![a_confirms_b.clone(); 51])),
            "confirmations has 51 items; the limit is 50",
        ),
        (
            as_bob(counted(b_work, vec![b_confirms_a.clone()])),
            "is not a confirmation of",
        ),
    ] {
        rejects(peers, BOB, REQUEST, payload, reason).await;
    }
    let contributing = as_bob(counted(b_work, vec![a_confirms_b.clone()]));
    let contributing = commit(peers, BOB, REQUEST, contributing)
        .await
        .expect("a real, counted contribution");
    w.contributing.set(contributing);
    peers.sync().await;
}

/// validate_create_license_request, rule 4: the requester's own work on the design's project.
pub async fn a_contributing_for_profit_names_only_its_own_work_on_this_commons(w: &World) {
    let World {
        peers,
        a_work,
        b_confirms_a,
        b_elsewhere,
        a_confirms_elsewhere,
        b_work,
        a_confirms_b,
        ..
    } = w;
    let as_bob = |category| w.request(Licensee::Requester, category);
    let acme = Licensee::Outside {
        name: "Acme Instruments Inc.".into(),
    };
    for (payload, reason) in [
        (
            as_bob(counted(a_work, vec![b_confirms_a.clone()])),
            "'s contribution to project",
        ),
        (
            as_bob(counted(b_elsewhere, vec![a_confirms_elsewhere.clone()])),
            "'s contribution to project",
        ),
        (
            w.request(acme, counted(b_work, vec![a_confirms_b.clone()])),
            "a contributing for-profit is a member",
        ),
    ] {
        rejects(peers, BOB, REQUEST, payload, reason).await;
    }
}

/// validate_create_license_request, rule 5.
pub async fn a_license_request_with_an_overlong_note_is_rejected(w: &World) {
    let rambling = LicenseRequest {
        note: "x".repeat(10_001),
        ..w.request(Licensee::Requester, Category::ForProfit)
    };
    let reason = "note is 10001 characters long; the limit is 10000";
    rejects(&w.peers, BOB, REQUEST, rambling, reason).await;
}

/// validate_update_license_request, rule 1: no for-profit turns into a cooperative later.
pub async fn a_license_request_is_never_updated(w: &World) {
    let relabelled = hostile::UpdateLicenseEntryRaw {
        original: w.for_profit.get().clone(),
        entry: hostile::LicenseEntry::LicenseRequest(w.request(
            Licensee::Requester,
            Category::WorkerCooperative { workers: 12 },
        )),
    };
    let reason = "license requests cannot be updated";
    rejects(
        &w.peers,
        BOB,
        "update_license_entry_raw",
        relabelled,
        reason,
    )
    .await;
}
