//! Profiles: alice's profile read by bob, her contact details kept from him, and her updates
//! seen by him. (The profile rules, one function each: `member_rules`.)

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
