//! Resources: named, with well-formed usage rules, under a Project; never updated. Custody
//! requests: with a reason, for a Resource, in the requester's own name.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
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
            regime: PropertyRegime::Private,
            ..w.printer_entry().await
        },
    };
    let reason = "resources cannot be updated";
    rejects(&w.peers, ALICE, "update_resource_raw", privatised, reason).await;
}

fn request(resource: &ActionHash, profile: &ActionHash, note: &str) -> CustodyRequest {
    CustodyRequest {
        resource: resource.clone(),
        requester_profile: profile.clone(),
        note: note.into(),
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
