//! The resource index links point at the linker's own entries, under the right base.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<Custody>> {
    vec![
        rule!(bob_cannot_index_alices_transfer, needs: [alice_hands_the_printer_to_bob_once]),
        rule!(a_transfer_is_indexed_only_under_its_resource,
            needs: [alice_hands_the_printer_to_bob_once]),
        rule!(bob_indexes_custody_states_only_under_his_own_key,
            needs: [bob_accepts_the_printer_once]),
        rule!(bob_cannot_list_alices_printer_as_his_custody_state),
        rule!(bob_cannot_list_alices_printer_under_her_project),
        rule!(a_resource_is_listed_only_under_its_project),
        rule!(all_resources_hang_from_the_all_resources_anchor,
            needs: [alice_hands_the_printer_to_bob_once]),
        rule!(bob_cannot_list_alices_printer_among_all_resources),
    ]
}

async fn forged(
    w: &Custody,
    author: usize,
    base: impl Into<AnyLinkableHash>,
    target: &ActionHash,
    kind: &str,
    reason: &str,
) {
    let link = raw_link(base, target.clone(), kind, "");
    rejects(&w.peers, author, "create_link_raw", link, reason).await;
}

/// validate_create_link_resource_to_custody, rule 1.
pub async fn bob_cannot_index_alices_transfer(w: &Custody) {
    let first = w.first.get();
    forged(
        w,
        BOB,
        w.printer.clone(),
        first,
        "ResourceToCustody",
        "only the author",
    )
    .await;
}

/// validate_create_link_resource_to_custody, rule 2.
pub async fn a_transfer_is_indexed_only_under_its_resource(w: &Custody) {
    let (first, reason) = (w.first.get(), "does not belong under");
    forged(
        w,
        ALICE,
        w.project.clone(),
        first,
        "ResourceToCustody",
        reason,
    )
    .await;
}

/// validate_create_link_agent_to_custody_states, rule 1.
pub async fn bob_indexes_custody_states_only_under_his_own_key(w: &Custody) {
    let accepted = w.accepted.get();
    let reason = "may only index under their own key";
    forged(
        w,
        BOB,
        w.alice.clone(),
        accepted,
        "AgentToCustodyStates",
        reason,
    )
    .await;
}

/// validate_create_link_agent_to_custody_states, rule 2.
pub async fn bob_cannot_list_alices_printer_as_his_custody_state(w: &Custody) {
    let reason = "'s custody state";
    forged(
        w,
        BOB,
        w.bob.clone(),
        &w.printer,
        "AgentToCustodyStates",
        reason,
    )
    .await;
}

/// validate_create_link_project_to_resources, rule 1.
pub async fn bob_cannot_list_alices_printer_under_her_project(w: &Custody) {
    let reason = format!("{} is not {}'s resource", w.printer, w.bob);
    let project = w.project.clone();
    forged(w, BOB, project, &w.printer, "ProjectToResources", &reason).await;
}

/// validate_create_link_project_to_resources, rule 2.
pub async fn a_resource_is_listed_only_under_its_project(w: &Custody) {
    let reason = "does not belong under";
    forged(
        w,
        ALICE,
        w.printer.clone(),
        &w.printer,
        "ProjectToResources",
        reason,
    )
    .await;
}

/// validate_create_link_all_resources, rule 1.
pub async fn all_resources_hang_from_the_all_resources_anchor(w: &Custody) {
    let (first, reason) = (w.first.get(), "all-resources anchor");
    forged(w, BOB, w.printer.clone(), first, "AllResources", reason).await;
}

/// validate_create_link_all_resources, rule 2.
pub async fn bob_cannot_list_alices_printer_among_all_resources(w: &Custody) {
    let anchor = ovn_integrity::links::all_resources_anchor().expect("the anchor's hash");
    let reason = format!("{} is not {}'s resource", w.printer, w.bob);
    forged(w, BOB, anchor, &w.printer, "AllResources", &reason).await;
}
