//! Exceptions: decided by a steward for one request, with a reason, a category a grant could
//! not show otherwise, a bounded fee; never updated.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use ovn_integrity::{Category, LicenseException};

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(only_a_steward_of_the_designs_project_decides_an_exception, needs: [
            bob_asks_under_the_designs_own_license_only,
            a_contributing_for_profit_shows_its_confirmed_contribution,
        ]),
        rule!(an_exception_is_reasoned_bounded_and_never_a_contributing_for_profit,
            needs: [bob_asks_under_the_designs_own_license_only]),
        rule!(a_license_exception_is_never_updated,
            needs: [only_a_steward_of_the_designs_project_decides_an_exception]),
    ]
}

const EXCEPTION: &str = "commit_license_exception";

/// validate_create_license_exception, rule 2.
pub async fn only_a_steward_of_the_designs_project_decides_an_exception(w: &World) {
    let World { peers, .. } = w;
    let by_bob = exception(w.for_profit.get());
    let reason = "only its stewards decide exceptions";
    rejects(peers, BOB, EXCEPTION, by_bob, reason).await;
    let decided = commit(peers, ALICE, EXCEPTION, exception(w.exempted.get()))
        .await
        .expect("a steward decides an exception");
    w.decided.set(decided);
    let for_contributing = commit(peers, ALICE, EXCEPTION, exception(w.contributing.get()))
        .await
        .expect("another exception, for the other request");
    w.for_contributing.set(for_contributing);
    peers.sync().await;
}

/// validate_create_license_exception, rule 1.
pub async fn an_exception_is_reasoned_bounded_and_never_a_contributing_for_profit(w: &World) {
    let World { peers, b_work, .. } = w;
    let exempted = w.exempted.get();
    let as_contributing = LicenseException {
        category: counted(b_work, vec![]),
        fee: 0,
        ..exception(exempted)
    };
    let reason = "an exception cannot make a licensee a contributing for-profit";
    rejects(peers, ALICE, EXCEPTION, as_contributing, reason).await;
    let beyond = LicenseException {
        fee: u64::MAX,
        ..exception(exempted)
    };
    let reason = "fee is 18446744073709551615; the limit is";
    rejects(peers, ALICE, EXCEPTION, beyond, reason).await;
    let unreasoned = LicenseException {
        reason: " ".into(),
        ..exception(exempted)
    };
    rejects(
        peers,
        ALICE,
        EXCEPTION,
        unreasoned,
        "reason must not be empty",
    )
    .await;
    let of_no_request = exception(&w.design);
    let reason = "is not a LicenseRequest";
    rejects(peers, ALICE, EXCEPTION, of_no_request, reason).await;
    let no_workers = LicenseException {
        category: Category::WorkerCooperative { workers: 0 },
        ..exception(exempted)
    };
    rejects(
        peers,
        ALICE,
        EXCEPTION,
        no_workers,
        "workers must be positive",
    )
    .await;
}

/// validate_update_license_exception, rule 1.
pub async fn a_license_exception_is_never_updated(w: &World) {
    let cheaper = hostile::UpdateLicenseEntryRaw {
        original: w.decided.get().clone(),
        entry: hostile::LicenseEntry::LicenseException(LicenseException {
            project_version: None,
            fee: 0,
            ..exception(w.exempted.get())
        }),
    };
    let reason = "license exceptions cannot be updated";
    rejects(&w.peers, ALICE, "update_license_entry_raw", cheaper, reason).await;
}
