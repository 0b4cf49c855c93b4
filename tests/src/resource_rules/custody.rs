//! Custody moves in two steps: the custodian offers a resource, from a custody state they
//! hold, once, to another member (a nondominium resource is never sold); only the recipient
//! accepts, once, and hands it on from that acceptance.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use ovn_domain::Rights;
use ovn_integrity::{CustodyAcceptance, CustodyTransfer};

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<Custody>> {
    vec![
        rule!(a_transfer_names_a_resource_and_a_bounded_condition_note),
        rule!(bob_cannot_hand_on_a_printer_he_does_not_hold),
        rule!(custody_goes_to_a_member_under_their_own_profile),
        rule!(a_nondominium_printer_changes_custodian_never_owner),
        rule!(a_transfer_hands_on_a_custody_state_with_its_owner),
        rule!(alice_cannot_hand_the_printer_to_herself),
        rule!(alice_hands_the_printer_to_bob_once),
        rule!(only_bob_the_recipient_accepts, needs: [alice_hands_the_printer_to_bob_once]),
        rule!(an_acceptance_names_the_resource_its_transfer_hands_on,
            needs: [alice_hands_the_printer_to_bob_once]),
        rule!(an_acceptance_with_an_overlong_condition_note_is_rejected,
            needs: [alice_hands_the_printer_to_bob_once]),
        rule!(bob_accepts_the_printer_once, needs: [alice_hands_the_printer_to_bob_once]),
        rule!(bob_hands_on_from_his_acceptance_and_alice_cannot,
            needs: [bob_accepts_the_printer_once]),
    ]
}

const TRANSFER: &str = "commit_custody_transfer";
const ACCEPTANCE: &str = "commit_custody_acceptance";

/// validate_create_custody_transfer, rule 1.
pub async fn a_transfer_names_a_resource_and_a_bounded_condition_note(w: &Custody) {
    let rambling = CustodyTransfer {
        condition_note: "x".repeat(10_001),
        ..w.to_bob()
    };
    let reason = "condition_note is 10001 characters long; the limit is 10000";
    rejects(&w.peers, ALICE, TRANSFER, rambling, reason).await;
    let of_a_project = CustodyTransfer {
        resource: w.project.clone(),
        ..w.to_bob()
    };
    rejects(&w.peers, ALICE, TRANSFER, of_a_project, "is not a Resource").await;
}

/// validate_create_custody_transfer, rule 3: the author is the custodian.
pub async fn bob_cannot_hand_on_a_printer_he_does_not_hold(w: &Custody) {
    let by_bob = raw_transfer(&w.printer, &w.printer, w.alice.clone(), &w.alices_profile);
    rejects(&w.peers, BOB, TRANSFER, by_bob, "is not the custodian").await;
}

/// validate_create_custody_transfer, rule 3: the recipient is someone else.
pub async fn alice_cannot_hand_the_printer_to_herself(w: &Custody) {
    let to_herself = raw_transfer(&w.printer, &w.printer, w.alice.clone(), &w.alices_profile);
    rejects(&w.peers, ALICE, TRANSFER, to_herself, "to themselves").await;
}

/// validate_create_custody_transfer, rule 3: a nondominium resource is never sold.
pub async fn a_nondominium_printer_changes_custodian_never_owner(w: &Custody) {
    let sale = CustodyTransfer {
        rights: Rights::Ownership { price: 10_000 },
        ..w.to_bob()
    };
    let reason = "changes custodian, never owner";
    rejects(&w.peers, ALICE, TRANSFER, sale, reason).await;
}

/// validate_create_custody_transfer, rule 4.
pub async fn custody_goes_to_a_member_under_their_own_profile(w: &Custody) {
    let borrowed = raw_transfer(&w.printer, &w.printer, w.bob.clone(), &w.alices_profile);
    rejects(
        &w.peers,
        ALICE,
        TRANSFER,
        borrowed,
        "custody goes to members",
    )
    .await;
}

/// validate_create_custody_transfer, rule 2: `prev` is a custody state, with its owner.
pub async fn a_transfer_hands_on_a_custody_state_with_its_owner(w: &Custody) {
    let claimed_owner = CustodyTransfer {
        owner: Some(w.alice.clone()),
        ..w.to_bob()
    };
    rejects(&w.peers, ALICE, TRANSFER, claimed_owner, "as the owner").await;
    let not_a_state = CustodyTransfer {
        prev: w.project.clone(),
        ..w.to_bob()
    };
    let reason = "neither the resource's creation nor an acceptance";
    rejects(&w.peers, ALICE, TRANSFER, not_a_state, reason).await;
}

/// validate_create_custody_transfer, rule 5.
pub async fn alice_hands_the_printer_to_bob_once(w: &Custody) {
    let first = commit(&w.peers, ALICE, TRANSFER, w.to_bob())
        .await
        .expect("the custodian's first transfer is valid");
    w.first.set(first);
    let again = w.to_bob();
    rejects(&w.peers, ALICE, TRANSFER, again, "is still offered").await;
    w.peers.sync().await;
}

/// validate_create_custody_acceptance, rule 1.
pub async fn an_acceptance_with_an_overlong_condition_note_is_rejected(w: &Custody) {
    let rambling = CustodyAcceptance {
        condition_note: "x".repeat(10_001),
        ..acceptance(&w.printer, w.first.get())
    };
    let reason = "condition_note is 10001 characters long; the limit is 10000";
    rejects(&w.peers, BOB, ACCEPTANCE, rambling, reason).await;
}

/// validate_create_custody_acceptance, rule 2.
pub async fn an_acceptance_names_the_resource_its_transfer_hands_on(w: &Custody) {
    let Custody {
        peers,
        printer,
        project,
        ..
    } = w;
    let of_the_project = acceptance(project, w.first.get());
    let reason = format!("transfers {printer}, not {project}");
    rejects(peers, BOB, ACCEPTANCE, of_the_project, &reason).await;
}

/// validate_create_custody_acceptance, rule 3.
pub async fn only_bob_the_recipient_accepts(w: &Custody) {
    let by_alice = acceptance(&w.printer, w.first.get());
    rejects(&w.peers, ALICE, ACCEPTANCE, by_alice, "only the recipient").await;
}

/// validate_create_custody_acceptance, rule 4.
pub async fn bob_accepts_the_printer_once(w: &Custody) {
    let accepted = commit(
        &w.peers,
        BOB,
        ACCEPTANCE,
        acceptance(&w.printer, w.first.get()),
    )
    .await
    .expect("the recipient's acceptance is valid");
    w.accepted.set(accepted);
    let again = acceptance(&w.printer, w.first.get());
    rejects(&w.peers, BOB, ACCEPTANCE, again, "was already answered").await;
}

/// validate_create_custody_transfer, rule 2: from one's own acceptance only.
pub async fn bob_hands_on_from_his_acceptance_and_alice_cannot(w: &Custody) {
    let accepted = w.accepted.get();
    let onward = raw_transfer(&w.printer, accepted, w.alice.clone(), &w.alices_profile);
    commit(&w.peers, BOB, TRANSFER, onward)
        .await
        .expect("the new custodian hands on from his acceptance");
    w.peers.sync().await;
    let from_bobs_state = raw_transfer(&w.printer, accepted, w.bob.clone(), &w.bobs_profile);
    rejects(
        &w.peers,
        ALICE,
        TRANSFER,
        from_bobs_state,
        "'s custody state, not",
    )
    .await;
}
