//! Profiles: alice's profile read by bob, her contact details kept from him, and her updates
//! seen by him; bob shares his payout details with the distributor who pays him, until he
//! revokes it. (The profile rules, one function each: `member_rules`.)

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

/// Hole 8: payouts reach people. bob, paid by alice's distribution, lets alice (and only her)
/// read his payout details through a capability grant; he updates them and alice reads the new
/// ones; carol, never granted, is refused; once bob revokes, alice is refused too.
#[tokio::test(flavor = "multi_thread")]
async fn a_payee_shares_payout_details_with_the_distributor_until_revoked() {
    let peers = Peers::honest(3).await;
    let (alice, bob, carol) = (0, 1, 2);
    for (i, name) in [(alice, "alice"), (carol, "carol")] {
        create_profile(&peers, i, name).await;
    }
    // bob joined without payout details, and adds them later.
    let input = CreateProfileInput {
        nickname: "bob".into(),
        skills: vec![],
        private: None,
    };
    let _: Record = peers.call(bob, "members", "create_profile", input).await;
    let details = |payout: &str| PrivateProfile {
        contact: "bob@example.org".into(),
        payout_details: payout.into(),
    };
    let _: PrivateProfile = peers
        .call(
            bob,
            "members",
            "set_my_private_profile",
            details("IBAN BOB 1"),
        )
        .await;
    peers.sync().await;

    let fetch = |by: usize| {
        let peers = &peers;
        async move {
            peers
                .try_call::<_, String>(by, "members", "fetch_payout_details", peers.agent(bob))
                .await
        }
    };
    assert_refused(fetch(alice).await, "has not shared their payout details");
    let share: members::payout::PayoutShare = peers
        .call(bob, "members", "share_payout_details", peers.agent(alice))
        .await;
    assert_eq!(share.with, peers.agent(alice));
    assert_eq!(fetch(alice).await.expect("alice reads them"), "IBAN BOB 1");
    let _: PrivateProfile = peers
        .call(
            bob,
            "members",
            "set_my_private_profile",
            details("IBAN BOB 2"),
        )
        .await;
    assert_eq!(fetch(alice).await.expect("the new ones"), "IBAN BOB 2");
    let mine: Option<PrivateProfile> = peers
        .call(bob, "members", "get_my_private_profile", ())
        .await;
    assert_eq!(mine, Some(details("IBAN BOB 2")));
    assert_refused(fetch(carol).await, "has not shared their payout details");

    let shares: Vec<members::payout::PayoutShare> =
        peers.call(bob, "members", "get_payout_shares", ()).await;
    assert_eq!(shares, vec![share]);
    let revoked: u32 = peers
        .call(bob, "members", "revoke_payout_access", peers.agent(alice))
        .await;
    assert_eq!(revoked, 1);
    assert_refused(fetch(alice).await, "has not shared their payout details");
    let shares: Vec<members::payout::PayoutShare> =
        peers.call(bob, "members", "get_payout_shares", ()).await;
    assert!(shares.is_empty());
    peers.shutdown().await;
}
