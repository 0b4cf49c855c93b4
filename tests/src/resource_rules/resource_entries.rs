//! Resources: named, with well-formed usage rules, under a Project; never updated. Custody
//! requests: with a reason, for a Resource, in the requester's own name, never by its
//! custodian.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use holochain::test_utils::retry_fn_until_timeout;
use ovn_domain::{PropertyRegime, UsageRules};
use ovn_integrity::{CustodyRequest, Resource};

/// These rules in order.
pub fn rules() -> Vec<Rule<Custody>> {
    vec![
        rule!(a_nameless_resource_is_rejected),
        rule!(a_resource_whose_uses_last_no_time_is_rejected),
        rule!(a_resource_under_a_printer_instead_of_a_project_is_rejected),
        rule!(a_resource_is_never_updated),
        rule!(a_custody_request_gives_a_reason_for_a_resource),
        rule!(bob_asks_for_the_printer_in_his_own_name),
        rule!(a_custodian_does_not_request_what_they_hold),
    ]
}

/// validate_create_resource, rule 1.
pub async fn a_nameless_resource_is_rejected(w: &Custody) {
    let nameless = Resource {
        name: " ".into(),
        ..w.printer_entry().await
    };
    let reason = "name must not be empty";
    rejects(&w.peers, ALICE, "commit_resource", nameless, reason).await;
}

/// validate_create_resource, rule 2.
pub async fn a_resource_whose_uses_last_no_time_is_rejected(w: &Custody) {
    let unusable = Resource {
        rules: UsageRules {
            max_minutes_per_use: 0,
            ..UsageRules::default()
        },
        ..w.printer_entry().await
    };
    let reason = "max_minutes_per_use must be positive";
    rejects(&w.peers, ALICE, "commit_resource", unusable, reason).await;
}

/// validate_create_resource, rule 3: the project named is a Project.
pub async fn a_resource_under_a_printer_instead_of_a_project_is_rejected(w: &Custody) {
    let under_a_printer = Resource {
        project: Some(w.printer.clone()),
        ..w.printer_entry().await
    };
    let reason = "is not a Project";
    rejects(&w.peers, ALICE, "commit_resource", under_a_printer, reason).await;
}

/// validate_update_resource, rule 1: not even to make a nondominium printer private.
pub async fn a_resource_is_never_updated(w: &Custody) {
    let privatised = hostile::UpdateResourceRaw {
        original: w.printer.clone(),
        resource: Resource {
            project_version: None,
            regime: PropertyRegime::Private,
            ..w.printer_entry().await
        },
    };
    let reason = "resources cannot be updated";
    rejects(&w.peers, ALICE, "update_resource_raw", privatised, reason).await;
}

/// A request made under the resource's creation (alice held the printer then).
fn request(resource: &ActionHash, profile: &ActionHash, note: &str) -> CustodyRequest {
    CustodyRequest {
        resource: resource.clone(),
        requester_profile: profile.clone(),
        note: note.into(),
        custody: resource.clone(),
    }
}

/// validate_create_custody_request, rule 1.
pub async fn a_custody_request_gives_a_reason_for_a_resource(w: &Custody) {
    let Custody {
        peers,
        printer,
        project,
        bobs_profile,
        ..
    } = w;
    let function = "commit_custody_request";
    commit(
        peers,
        BOB,
        function,
        request(printer, bobs_profile, "a week"),
    )
    .await
    .expect("a member's request for a resource is valid");
    let unreasoned = request(printer, bobs_profile, " ");
    rejects(peers, BOB, function, unreasoned, "note must not be empty").await;
    let for_a_project = request(project, bobs_profile, "a week");
    rejects(peers, BOB, function, for_a_project, "is not a Resource").await;
}

/// validate_create_custody_request, rule 2.
pub async fn bob_asks_for_the_printer_in_his_own_name(w: &Custody) {
    let as_alice = request(&w.printer, &w.alices_profile, "a week");
    let function = "commit_custody_request";
    rejects(&w.peers, BOB, function, as_alice, "the profile").await;
}

/// validate_create_custody_request, rule 3: alice held the printer from its creation, so a
/// request of hers under that state is rejected, as is one naming no custody state of it;
/// whoever holds it now is refused by the coordinator, and the other member is not.
pub async fn a_custodian_does_not_request_what_they_hold(w: &Custody) {
    let function = "commit_custody_request";
    let mine = request(&w.printer, &w.alices_profile, "to keep it");
    let reason = "holds this resource already: a custodian does not request it";
    rejects(&w.peers, ALICE, function, mine, reason).await;
    let under_a_project = CustodyRequest {
        custody: w.project.clone(),
        ..request(&w.printer, &w.bobs_profile, "a week")
    };
    let not_a_state = "is neither the resource's creation nor an acceptance of it";
    rejects(&w.peers, BOB, function, under_a_project, not_a_state).await;

    w.peers.sync().await;
    let history: resources::history::CustodyReport = w
        .peers
        .call(ALICE, "resources", "get_custody_history", w.printer.clone())
        .await;
    let (holder, other) = if history.custodian == w.alice {
        (ALICE, BOB)
    } else {
        (BOB, ALICE)
    };
    let ask = || resources::custody::RequestCustodyInput {
        resource: w.printer.clone(),
        note: "a week".into(),
    };
    refuses(
        &w.peers,
        holder,
        "resources",
        "request_custody",
        ask(),
        reason,
    )
    .await;
    let asked: Record = w
        .peers
        .call(other, "resources", "request_custody", ask())
        .await;
    let asked: CustodyRequest = entry(&asked);
    assert_eq!(asked.custody, history.state, "made under the current state");

    // Once bob holds it, a request of his naming the creation (alice's state) is valid, and
    // moot: the requests a custodian reads leave it out.
    if holder == BOB {
        let moot = request(&w.printer, &w.bobs_profile, "to keep it");
        let moot = commit(&w.peers, BOB, function, moot)
            .await
            .expect("a request under a state alice held is valid");
        let link = raw_link(
            w.printer.clone(),
            moot.clone(),
            "ResourceToCustodyRequests",
            "",
        );
        commit(&w.peers, BOB, "create_link_raw", link)
            .await
            .expect("bob indexes his own request");
        let listed = || async {
            let listed: Vec<Record> = w
                .peers
                .call(BOB, "resources", "get_custody_requests", w.printer.clone())
                .await;
            listed
        };
        // The listing works once alice's request has reached bob; his own is never in it.
        let alices = retry_fn_until_timeout(
            || async {
                listed()
                    .await
                    .iter()
                    .any(|r| r.action().author() == &w.alice)
            },
            Some(60_000),
            Some(500),
        )
        .await;
        assert!(
            alices.is_ok(),
            "alice's request never reached bob's listing"
        );
        let listed = listed().await;
        assert!(
            listed.iter().all(|r| r.action_address() != &moot),
            "the custodian's own request is listed: {listed:?}"
        );
    }
}
