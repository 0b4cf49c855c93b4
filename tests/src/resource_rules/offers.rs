//! Offers lapse: an offer expires (within 30 days), its recipient may decline it, and only then
//! (an hour after the expiry, or on the decline) is the custody state offered again, so a tool offered to someone who never answers is not
//! locked for ever; a recipient answers once, accepting by the expiry. Each rule on a resource
//! of its own, so the custody world's printer keeps its history.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_domain::PropertyRegime;
use ovn_integrity::{CustodyDecline, CustodyTransfer};

/// These rules in order.
pub fn rules() -> Vec<Rule<Custody>> {
    vec![
        rule!(an_offer_expires_within_thirty_days),
        rule!(a_declined_offer_is_offered_again_naming_the_decline),
        rule!(an_expired_offer_cannot_be_accepted_nor_offered_again_at_once),
        rule!(only_the_recipient_declines_and_answers_once),
        rule!(a_decline_names_a_transfer_of_its_resource_and_a_bounded_note),
        rule!(a_tool_handed_back_is_offered_from_its_newest_state_only),
    ]
}

const TRANSFER: &str = "commit_custody_transfer";
const ACCEPTANCE: &str = "commit_custody_acceptance";
const DECLINE: &str = "commit_custody_decline";

/// A new tool of alice's, and her offer of it to bob (not committed).
async fn new_tool(w: &Custody, name: &str) -> (ActionHash, CustodyTransfer) {
    let tool = create_resource(&w.peers, ALICE, name, PropertyRegime::Nondominium, None).await;
    let to_bob = raw_transfer(&tool, &tool, w.bob.clone(), &w.bobs_profile);
    (tool, to_bob)
}

fn in_micros(from_now: i64) -> Timestamp {
    Timestamp::from_micros(Timestamp::now().as_micros() + from_now)
}

fn decline_of(tool: &ActionHash, transfer: &ActionHash) -> CustodyDecline {
    CustodyDecline {
        resource: tool.clone(),
        transfer: transfer.clone(),
        note: "away that month".into(),
    }
}

/// validate_create_custody_transfer, rule 6.
pub async fn an_offer_expires_within_thirty_days(w: &Custody) {
    let (_, to_bob) = new_tool(w, "Soldering iron").await;
    let reason = "expire after it is made and within 30 days";
    let past = CustodyTransfer {
        expires: in_micros(-1_000_000),
        ..to_bob.clone()
    };
    rejects(&w.peers, ALICE, TRANSFER, past, reason).await;
    let day = 86_400_000_000;
    let too_long = CustodyTransfer {
        expires: in_micros(31 * day),
        ..to_bob.clone()
    };
    rejects(&w.peers, ALICE, TRANSFER, too_long, reason).await;
    let month = CustodyTransfer {
        expires: in_micros(29 * day),
        ..to_bob
    };
    commit(&w.peers, ALICE, TRANSFER, month)
        .await
        .expect("an offer open for 29 days is valid");
}

/// validate_create_custody_transfer, rule 5: after a decline, naming it.
pub async fn a_declined_offer_is_offered_again_naming_the_decline(w: &Custody) {
    let (tool, to_bob) = new_tool(w, "Oscilloscope").await;
    let first = commit(&w.peers, ALICE, TRANSFER, to_bob.clone())
        .await
        .expect("offer");
    rejects(
        &w.peers,
        ALICE,
        TRANSFER,
        to_bob.clone(),
        "is still offered",
    )
    .await;
    w.peers.sync().await;
    let declined = commit(&w.peers, BOB, DECLINE, decline_of(&tool, &first))
        .await
        .expect("bob declines");
    w.peers.sync().await;
    // The decline must be named, and be a decline of that offer.
    rejects(
        &w.peers,
        ALICE,
        TRANSFER,
        to_bob.clone(),
        "is still offered",
    )
    .await;
    let (other_tool, other_offer) = new_tool(w, "Multimeter").await;
    let other = commit(&w.peers, ALICE, TRANSFER, other_offer)
        .await
        .expect("offer");
    w.peers.sync().await;
    let other_decline = commit(&w.peers, BOB, DECLINE, decline_of(&other_tool, &other))
        .await
        .expect("bob declines the multimeter too");
    w.peers.sync().await;
    let wrong = CustodyTransfer {
        after_decline: Some(other_decline),
        ..to_bob.clone()
    };
    rejects(&w.peers, ALICE, TRANSFER, wrong, "declines another offer").await;
    let again = CustodyTransfer {
        after_decline: Some(declined),
        ..to_bob
    };
    commit(&w.peers, ALICE, TRANSFER, again)
        .await
        .expect("offered again after bob declined");
}

/// validate_create_custody_acceptance, rule 5; validate_create_custody_transfer, rule 5: an
/// expired offer is offered again only an hour after its expiry (that an offer made then is
/// valid is `ovn_domain`'s `a_declined_or_expired_offer_lapses_and_the_state_is_offered_again`:
/// a conductor cannot be made to wait an hour here).
pub async fn an_expired_offer_cannot_be_accepted_nor_offered_again_at_once(w: &Custody) {
    let (tool, to_bob) = new_tool(w, "Bench power supply").await;
    let brief = CustodyTransfer {
        expires: in_micros(1_000_000),
        ..to_bob.clone()
    };
    let first = commit(&w.peers, ALICE, TRANSFER, brief.clone())
        .await
        .expect("offer");
    w.peers.sync().await;
    await_time_after(brief.expires).await;
    let late = acceptance(&tool, &first);
    rejects(&w.peers, BOB, ACCEPTANCE, late, "expired").await;
    rejects(&w.peers, ALICE, TRANSFER, to_bob, "is still offered").await;
}

/// validate_create_custody_decline, rules 3 and 4; validate_create_custody_acceptance, rule 4.
pub async fn only_the_recipient_declines_and_answers_once(w: &Custody) {
    let (tool, to_bob) = new_tool(w, "Hot air station").await;
    let offered = commit(&w.peers, ALICE, TRANSFER, to_bob)
        .await
        .expect("offer");
    w.peers.sync().await;
    rejects(
        &w.peers,
        ALICE,
        DECLINE,
        decline_of(&tool, &offered),
        "only the recipient",
    )
    .await;
    commit(&w.peers, BOB, DECLINE, decline_of(&tool, &offered))
        .await
        .expect("bob declines");
    let reason = "was already answered";
    rejects(&w.peers, BOB, DECLINE, decline_of(&tool, &offered), reason).await;
    rejects(
        &w.peers,
        BOB,
        ACCEPTANCE,
        acceptance(&tool, &offered),
        reason,
    )
    .await;
    // And the other way round: accepted, then declined.
    let (tool, to_bob) = new_tool(w, "Reflow oven").await;
    let offered = commit(&w.peers, ALICE, TRANSFER, to_bob)
        .await
        .expect("offer");
    w.peers.sync().await;
    commit(&w.peers, BOB, ACCEPTANCE, acceptance(&tool, &offered))
        .await
        .expect("bob accepts");
    rejects(&w.peers, BOB, DECLINE, decline_of(&tool, &offered), reason).await;
}

/// validate_create_custody_decline, rules 1 and 2.
pub async fn a_decline_names_a_transfer_of_its_resource_and_a_bounded_note(w: &Custody) {
    let (tool, to_bob) = new_tool(w, "Fume extractor").await;
    let offered = commit(&w.peers, ALICE, TRANSFER, to_bob)
        .await
        .expect("offer");
    w.peers.sync().await;
    let rambling = CustodyDecline {
        note: "x".repeat(10_001),
        ..decline_of(&tool, &offered)
    };
    let reason = "10001 characters long; the limit is 10000";
    rejects(&w.peers, BOB, DECLINE, rambling, reason).await;
    let of_a_project = decline_of(&tool, &w.project);
    rejects(
        &w.peers,
        BOB,
        DECLINE,
        of_a_project,
        "is not a CustodyTransfer",
    )
    .await;
    let of_the_printer = decline_of(&w.printer, &offered);
    let reason = format!("transfers {tool}, not {}", w.printer);
    rejects(&w.peers, BOB, DECLINE, of_the_printer, &reason).await;
}

/// validate_create_custody_transfer, rule 5: from the author's latest state only, even once an
/// old offer of an older state has lapsed.
pub async fn a_tool_handed_back_is_offered_from_its_newest_state_only(w: &Custody) {
    let (tool, to_bob) = new_tool(w, "Label printer").await;
    let to_bob = commit(&w.peers, ALICE, TRANSFER, to_bob)
        .await
        .expect("offer");
    w.peers.sync().await;
    let bobs = commit(&w.peers, BOB, ACCEPTANCE, acceptance(&tool, &to_bob))
        .await
        .expect("bob takes it");
    w.peers.sync().await;
    let back = raw_transfer(&tool, &bobs, w.alice.clone(), &w.alices_profile);
    let back = commit(&w.peers, BOB, TRANSFER, back)
        .await
        .expect("bob hands it back");
    w.peers.sync().await;
    let alices = commit(&w.peers, ALICE, ACCEPTANCE, acceptance(&tool, &back))
        .await
        .expect("alice takes it back");
    w.peers.sync().await;
    let from_the_creation = raw_transfer(&tool, &tool, w.bob.clone(), &w.bobs_profile);
    let reason = "is not the custodian's latest custody state";
    rejects(&w.peers, ALICE, TRANSFER, from_the_creation, reason).await;
    let from_her_acceptance = raw_transfer(&tool, &alices, w.bob.clone(), &w.bobs_profile);
    commit(&w.peers, ALICE, TRANSFER, from_her_acceptance)
        .await
        .expect("alice offers it from her newest state");
}
