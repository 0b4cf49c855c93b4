//! Profiles: one per agent, edited only by its agent.

use crate::common::*;
use holochain::prelude::*;
use members::profiles::{CreateProfileInput, UpdateProfileInput};
use ovn_integrity::{PrivateProfile, Profile};

#[tokio::test(flavor = "multi_thread")]
async fn alice_creates_a_profile_and_bob_reads_it_but_not_her_contact_details() {
    let peers = Peers::honest(2).await;
    let private = PrivateProfile {
        contact: "alice@example.org".into(),
        payout_details: "IBAN XX00".into(),
    };
    let input = CreateProfileInput {
        nickname: "alice".into(),
        skills: vec!["cad".into()],
        private: Some(private.clone()),
    };
    let _: Record = peers.call(0, "members", "create_profile", input).await;
    peers.sync().await;

    let seen: Option<Record> = peers
        .call(1, "members", "get_profile", peers.agent(0))
        .await;
    let profile: Profile = entry(&seen.expect("bob sees alice's profile"));
    assert_eq!(profile.nickname, "alice");
    let mine: Option<PrivateProfile> = peers.call(0, "members", "get_my_private_profile", ()).await;
    assert_eq!(mine, Some(private));
    let bobs: Option<PrivateProfile> = peers.call(1, "members", "get_my_private_profile", ()).await;
    assert_eq!(
        bobs, None,
        "bob has no private profile, and never sees alice's"
    );
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn alice_updates_her_profile_and_bob_sees_the_new_version() {
    let peers = Peers::honest(2).await;
    create_profile(&peers, 0, "alice").await;
    let update = UpdateProfileInput {
        nickname: "alice the maker".into(),
        skills: vec!["cad".into(), "pcb".into()],
    };
    let _: Record = peers.call(0, "members", "update_profile", update).await;
    peers.sync().await;

    let seen: Option<Record> = peers
        .call(1, "members", "get_profile", peers.agent(0))
        .await;
    let profile: Profile = entry(&seen.expect("a profile"));
    assert_eq!(profile.nickname, "alice the maker");
    assert_eq!(profile.skills.len(), 2);
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_profile_is_refused_and_rejected() {
    let peers = Peers::honest(1).await;
    create_profile(&peers, 0, "alice").await;
    let again = CreateProfileInput {
        nickname: "alice2".into(),
        skills: vec![],
        private: None,
    };
    let refused = peers
        .try_call::<_, Record>(0, "members", "create_profile", again)
        .await;
    assert_refused(refused, "already has a profile");
    let raw = Profile {
        nickname: "alice2".into(),
        skills: vec![],
    };
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_profile", raw)
        .await;
    assert_invalid_commit(rejected, "already has a profile");
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bob_cannot_update_alices_profile() {
    let peers = Peers::honest(2).await;
    let alices = create_profile(&peers, 0, "alice").await;
    peers.sync().await;
    let forged = hostile::UpdateProfileRaw {
        original: alices.action_address().clone(),
        profile: Profile {
            nickname: "alice is bob now".into(),
            skills: vec![],
        },
    };
    let rejected = peers
        .try_call::<_, ActionHash>(1, "hostile", "update_profile_raw", forged)
        .await;
    assert_invalid_commit(rejected, "may update their profile");
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_blank_nickname_is_refused_and_nothing_is_written() {
    let peers = Peers::honest(1).await;
    let blank = CreateProfileInput {
        nickname: "  ".into(),
        skills: vec![],
        private: None,
    };
    let refused = peers
        .try_call::<_, Record>(0, "members", "create_profile", blank)
        .await;
    assert_refused(refused, "nickname must not be empty");
    let mine: Option<Record> = peers.call(0, "members", "get_my_profile", ()).await;
    assert!(mine.is_none());
    let raw = Profile {
        nickname: "".into(),
        skills: vec![],
    };
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_profile", raw)
        .await;
    assert_invalid_commit(rejected, "nickname must not be empty");
    peers.shutdown().await;
}
