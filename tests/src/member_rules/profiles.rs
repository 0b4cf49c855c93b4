//! Public profiles: named, one per agent, edited only by their agent.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use members::profiles::{CreateProfileInput, UpdateProfileInput};
use ovn_integrity::Profile;

/// These rules in order; `needs` names earlier rules whose records a rule uses.
pub fn rules() -> Vec<Rule<Members>> {
    vec![
        rule!(a_nickname_is_visible_nfc_text_without_control_characters),
        rule!(a_blank_nickname_is_refused_and_nothing_is_written),
        rule!(a_second_profile_is_refused_and_rejected,
            needs: [a_blank_nickname_is_refused_and_nothing_is_written]),
        rule!(bob_cannot_update_alices_profile,
            needs: [a_blank_nickname_is_refused_and_nothing_is_written]),
        rule!(alice_cannot_blank_her_nickname_by_an_update,
            needs: [a_blank_nickname_is_refused_and_nothing_is_written]),
    ]
}

fn profile(nickname: &str) -> Profile {
    Profile {
        nickname: nickname.into(),
        skills: vec![],
    }
}

/// Text rules 2-4 (`ovn_domain::text`), met here by a nickname as by every text field: one made
/// of zero-width spaces, one holding NUL, bell and a right-to-left override, and one not in
/// NFC are each refused by the coordinator, naming the field, and rejected raw; nothing is
/// written.
pub async fn a_nickname_is_visible_nfc_text_without_control_characters(w: &Members) {
    let peers = &w.peers;
    for (nickname, reason) in [
        (
            "\u{200B}\u{200B}\u{200B}",
            "nickname must not be empty or made only of invisible",
        ),
        (
            "al\u{0}ice\u{7}",
            "nickname holds the control character U+0000 at character 2",
        ),
        (
            "\u{202E}ecila",
            "nickname holds the bidirectional control character U+202E",
        ),
        ("Ame\u{301}lie", "nickname is not in Unicode normal form C"),
    ] {
        let input = CreateProfileInput {
            nickname: nickname.into(),
            skills: vec![],
            private: None,
        };
        let refused = peers
            .try_call::<_, Record>(ALICE, "members", "create_profile", input)
            .await;
        assert_refused(refused, reason);
        rejects(peers, ALICE, "commit_profile", profile(nickname), reason).await;
    }
    let mine: Option<Record> = peers.call(ALICE, "members", "get_my_profile", ()).await;
    assert!(mine.is_none(), "a refused nickname wrote {mine:?}");
}

/// validate_create_profile, rule 1: a blank nickname is refused by the coordinator, nothing is
/// written, and a raw one is rejected; then alice joins under a real nickname.
pub async fn a_blank_nickname_is_refused_and_nothing_is_written(w: &Members) {
    let peers = &w.peers;
    let blank = CreateProfileInput {
        nickname: "  ".into(),
        skills: vec![],
        private: None,
    };
    let refused = peers
        .try_call::<_, Record>(ALICE, "members", "create_profile", blank)
        .await;
    assert_refused(refused, "nickname must not be empty");
    let mine: Option<Record> = peers.call(ALICE, "members", "get_my_profile", ()).await;
    assert!(mine.is_none());
    let reason = "nickname must not be empty";
    rejects(peers, ALICE, "commit_profile", profile(""), reason).await;
    let alices = create_profile(peers, ALICE, "alice").await;
    w.alices_profile.set(alices.action_address().clone());
}

/// validate_create_profile, rule 2: alice, who has a profile, cannot create another.
pub async fn a_second_profile_is_refused_and_rejected(w: &Members) {
    let peers = &w.peers;
    let again = CreateProfileInput {
        nickname: "alice2".into(),
        skills: vec![],
        private: None,
    };
    let refused = peers
        .try_call::<_, Record>(ALICE, "members", "create_profile", again)
        .await;
    assert_refused(refused, "already has a profile");
    let raw = profile("alice2");
    rejects(peers, ALICE, "commit_profile", raw, "already has a profile").await;
    let mine: Option<Record> = peers.call(ALICE, "members", "get_my_profile", ()).await;
    let mine = mine.expect("alice's first profile was kept");
    assert_eq!(mine.action_address(), w.alices_profile.get());
}

/// validate_update_profile, rule 1: bob's update of alice's profile is rejected; hers passes.
pub async fn bob_cannot_update_alices_profile(w: &Members) {
    let peers = &w.peers;
    peers.sync().await;
    let update = |nickname: &str| hostile::UpdateProfileRaw {
        original: w.alices_profile.get().clone(),
        profile: profile(nickname),
    };
    let forged = update("alice is bob now");
    let reason = "may update their profile";
    rejects(peers, BOB, "update_profile_raw", forged, reason).await;
    commit(
        peers,
        ALICE,
        "update_profile_raw",
        update("alice of the lab"),
    )
    .await
    .expect("alice updates her own profile");
}

/// validate_update_profile, rule 2: an update obeys the creation rules on its fields.
pub async fn alice_cannot_blank_her_nickname_by_an_update(w: &Members) {
    let peers = &w.peers;
    let update = |nickname: &str| UpdateProfileInput {
        nickname: nickname.into(),
        skills: vec!["cad".into()],
    };
    let reason = "nickname must not be empty";
    refuses(
        peers,
        ALICE,
        "members",
        "update_profile",
        update(" "),
        reason,
    )
    .await;
    let blank = hostile::UpdateProfileRaw {
        original: w.alices_profile.get().clone(),
        profile: profile(" "),
    };
    rejects(peers, ALICE, "update_profile_raw", blank, reason).await;
    let _: Record = peers
        .call(ALICE, "members", "update_profile", update("alice"))
        .await;
}
