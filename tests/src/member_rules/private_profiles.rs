//! Private profiles: contact and payout details, bounded, updated and deleted only by their
//! author. The entry never leaves alice's chain, but its action is public: bob's conductor
//! reads who authored it and rejects his own update or deletion of it.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use hostile::{AnyEntry, UpdateEntryRaw};
use members::profiles::CreateProfileInput;
use ovn_integrity::PrivateProfile;

/// These rules in order; `needs` names earlier rules whose records a rule uses.
pub fn rules() -> Vec<Rule<Members>> {
    vec![
        rule!(overlong_contact_details_are_refused_and_rejected),
        rule!(bob_cannot_update_alices_private_profile,
            needs: [overlong_contact_details_are_refused_and_rejected]),
        rule!(alice_cannot_overfill_her_private_profile_by_an_update,
            needs: [overlong_contact_details_are_refused_and_rejected]),
        rule!(bob_cannot_delete_alices_private_profile,
            needs: [overlong_contact_details_are_refused_and_rejected]),
    ]
}

fn private(contact: &str, payout_details: &str) -> PrivateProfile {
    PrivateProfile {
        contact: contact.into(),
        payout_details: payout_details.into(),
    }
}

fn overlong() -> String {
    "x".repeat(10_001)
}

fn update(w: &Members, profile: PrivateProfile) -> UpdateEntryRaw {
    UpdateEntryRaw {
        original: w.alices_private_profile.get().clone(),
        entry: AnyEntry::PrivateProfile(profile),
    }
}

/// validate_private_profile, rule 1.
pub async fn overlong_contact_details_are_refused_and_rejected(w: &Members) {
    let peers = &w.peers;
    let reason = "contact is 10001 characters long; the limit is 10000";
    let input = CreateProfileInput {
        nickname: "bob".into(),
        skills: vec![],
        private: Some(private(&overlong(), "")),
    };
    refuses(peers, BOB, "members", "create_profile", input, reason).await;
    let raw = private(&overlong(), "IBAN XX00");
    rejects(peers, ALICE, "commit_private_profile", raw, reason).await;
    let kept = private("alice@example.org", "IBAN XX00");
    let hash = commit(peers, ALICE, "commit_private_profile", kept)
        .await
        .expect("alice keeps bounded contact details");
    w.alices_private_profile.set(hash);
}

/// validate_update_private_profile, rule 1.
pub async fn bob_cannot_update_alices_private_profile(w: &Members) {
    let peers = &w.peers;
    peers.sync().await;
    let forged = update(w, private("bob@example.org", "IBAN BOB"));
    let reason = format!(
        "only its author may update the private profile {}",
        w.alices_private_profile.get()
    );
    rejects(peers, BOB, "update_entry_raw", forged, &reason).await;
    let moved = update(w, private("alice@example.net", "IBAN XX00"));
    commit(peers, ALICE, "update_entry_raw", moved)
        .await
        .expect("alice updates her own contact details");
}

/// validate_update_private_profile, rule 2: checked by alice's own conductor, the only one
/// that sees the fields.
pub async fn alice_cannot_overfill_her_private_profile_by_an_update(w: &Members) {
    let peers = &w.peers;
    let overfilled = update(w, private("alice@example.org", &overlong()));
    let reason = "payout_details is 10001 characters long; the limit is 10000";
    rejects(peers, ALICE, "update_entry_raw", overfilled, reason).await;
    let bounded = update(w, private("alice@example.org", "IBAN XX01"));
    commit(peers, ALICE, "update_entry_raw", bounded)
        .await
        .expect("alice updates her payout details within bounds");
}

/// validate_delete_private_profile, rule 1: personal data stays alice's to remove.
pub async fn bob_cannot_delete_alices_private_profile(w: &Members) {
    let peers = &w.peers;
    peers.sync().await;
    let hash = w.alices_private_profile.get().clone();
    let reason = format!("only its author may delete the private profile {hash}");
    rejects(peers, BOB, "delete_raw", hash.clone(), &reason).await;
    commit(peers, ALICE, "delete_raw", hash)
        .await
        .expect("alice deletes her own private profile");
}
