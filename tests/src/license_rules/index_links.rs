//! The license index links point at the linker's own entries, under the base they name.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule, Slot};
use holochain::prelude::*;

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(bob_cannot_index_alices_grant,
            needs: [alice_grants_a_for_profit_for_its_fee_and_a_contributor_for_free]),
        rule!(a_grant_is_indexed_only_under_its_resource,
            needs: [alice_grants_a_for_profit_for_its_fee_and_a_contributor_for_free]),
        rule!(an_exception_is_not_indexed_as_a_request,
            needs: [only_a_steward_of_the_designs_project_decides_an_exception]),
        rule!(a_request_is_indexed_only_under_its_resource,
            needs: [bob_asks_under_the_designs_own_license_only]),
        rule!(bob_cannot_index_alices_exception,
            needs: [only_a_steward_of_the_designs_project_decides_an_exception]),
        rule!(an_exception_is_indexed_only_under_its_request,
            needs: [only_a_steward_of_the_designs_project_decides_an_exception]),
    ]
}

async fn forged(
    w: &World,
    author: usize,
    base: &ActionHash,
    target: &Slot,
    kind: &str,
    reason: &str,
) {
    let link = raw_link(base.clone(), target.get().clone(), kind, "");
    rejects(&w.peers, author, "create_link_raw", link, reason).await;
}

/// validate_create_link_resource_to_license_grants, rule 1.
pub async fn bob_cannot_index_alices_grant(w: &World) {
    let kind = "ResourceToLicenseGrants";
    let reason = format!(
        "{} is not {}'s license grant",
        w.paid.get(),
        w.peers.agent(BOB)
    );
    forged(w, BOB, &w.design, &w.paid, kind, &reason).await;
}

/// validate_create_link_resource_to_license_grants, rule 2.
pub async fn a_grant_is_indexed_only_under_its_resource(w: &World) {
    let kind = "ResourceToLicenseGrants";
    forged(
        w,
        ALICE,
        &w.bobs_project,
        &w.paid,
        kind,
        "does not belong under",
    )
    .await;
}

/// validate_create_link_resource_to_license_requests, rule 1.
pub async fn an_exception_is_not_indexed_as_a_request(w: &World) {
    let kind = "ResourceToLicenseRequests";
    forged(
        w,
        ALICE,
        &w.design,
        &w.decided,
        kind,
        "is not a LicenseRequest",
    )
    .await;
}

/// validate_create_link_resource_to_license_requests, rule 2.
pub async fn a_request_is_indexed_only_under_its_resource(w: &World) {
    let kind = "ResourceToLicenseRequests";
    let reason = "does not belong under";
    forged(w, BOB, &w.bobs_design, &w.for_profit, kind, reason).await;
}

/// validate_create_link_license_request_to_exceptions, rule 1.
pub async fn bob_cannot_index_alices_exception(w: &World) {
    let kind = "LicenseRequestToExceptions";
    let (request, bob) = (w.for_profit.get(), w.peers.agent(BOB));
    let reason = format!("{} is not {bob}'s license exception", w.decided.get());
    forged(w, BOB, request, &w.decided, kind, &reason).await;
}

/// validate_create_link_license_request_to_exceptions, rule 2.
pub async fn an_exception_is_indexed_only_under_its_request(w: &World) {
    let kind = "LicenseRequestToExceptions";
    let request = w.for_profit.get();
    forged(w, ALICE, request, &w.decided, kind, "does not belong under").await;
}
