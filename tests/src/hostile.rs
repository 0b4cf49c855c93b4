//! The hostile-agent harness at work: Mallory's conductor skips self-validation, so her invalid
//! actions reach the network; honest peers must reject them and warrant her. One test per rule
//! that protects other peers.

use crate::common::*;
use holochain::prelude::ActionHash;

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_endorsing_her_own_contribution() {
    let peers = Peers::with_hostile(1).await;
    let profile = create_profile(&peers, MALLORY, "mallory").await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let hash = log_work_hash(&peers, MALLORY, &project, 60).await;
    peers.sync().await;

    let own = raw_confirmation(&hash, &profile);
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_endorsement",
            own,
            "cannot endorse their own contribution",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_logging_a_contribution_for_alice() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, 1, "Spectrometer").await;
    peers.sync().await;

    let for_alice = raw_contribution(peers.agent(1), &project, 60);
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_contribution",
            for_alice,
            "the author is the contributor",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_an_overlong_day_of_work() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, 1, "Spectrometer").await;
    peers.sync().await;

    let overlong = raw_contribution(peers.agent(MALLORY), &project, 48 * 60);
    peers
        .publish_as_mallory_and_await_warrant("commit_contribution", overlong, "the limit is 1440")
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_endorsing_with_alices_profile() {
    let peers = Peers::with_hostile(1).await;
    let alices_profile = create_profile(&peers, 1, "alice").await;
    let project = create_project(&peers, 1, "Spectrometer").await;
    let hash = log_work_hash(&peers, 1, &project, 60).await;
    peers.sync().await;

    let borrowed = raw_confirmation(&hash, &alices_profile);
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_endorsement",
            borrowed,
            "only members endorse",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_indexing_under_alices_key() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let hash = log_work_hash(&peers, MALLORY, &project, 60).await;
    peers.sync().await;

    let link = raw_link(peers.agent(1), hash, "AgentToContributions", "");
    peers
        .publish_as_mallory_and_await_warrant(
            "create_link_raw",
            link,
            "may only index under their own key",
        )
        .await;
    peers.shutdown().await;
}

/// Mallory, with an hour alice confirmed and alice's, distributes her income honestly once;
/// returns the valid distribution and its hash, and a second income of the same amount.
async fn mallorys_books(peers: &Peers) -> (ovn_integrity::Distribution, ActionHash, ActionHash) {
    create_profile(peers, MALLORY, "mallory").await;
    create_profile(peers, 1, "alice").await;
    let project = create_project(peers, MALLORY, "Shell company").await;
    peers.sync_all().await;
    let hers = log_work_hash(peers, MALLORY, &project, 60).await;
    let alices = log_work_hash(peers, 1, &project, 60).await;
    peers.sync_all().await;
    confirm(peers, 1, &hers).await;
    confirm(peers, MALLORY, &alices).await;
    peers.sync_all().await;
    let first = record_income(peers, MALLORY, &project, 10_000).await;
    let second = record_income(peers, MALLORY, &project, 10_000).await;
    let record = distribute(peers, MALLORY, &first).await;
    peers.sync_all().await;
    (entry(&record), record.action_address().clone(), second)
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_a_payout_skewed_by_one_unit() {
    let peers = Peers::with_hostile(1).await;
    let (valid, hash, income) = mallorys_books(&peers).await;
    let mut skewed = ovn_integrity::Distribution {
        income,
        earlier: vec![hash],
        ..valid
    };
    let mallory = peers.agent(MALLORY);
    for payout in skewed.payouts.iter_mut() {
        if payout.agent == mallory {
            payout.amount += 1;
        } else {
            payout.amount -= 1;
        }
    }
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_distribution",
            skewed,
            "differs from the recomputed",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_settling_an_uncounted_contribution() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let unconfirmed = log_work(&peers, MALLORY, &project, 600).await;
    let c: ovn_integrity::Contribution = entry(&unconfirmed);
    let settlement = ovn_integrity::Settlement {
        project,
        period: ovn_domain::Period::of_micros(c.when.as_micros()),
        items: vec![ovn_integrity::SettledContribution {
            contribution: unconfirmed.action_address().clone(),
            contributor: c.contributor,
            kind: c.kind,
            when: c.when,
            confirmations: vec![],
        }],
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_settlement",
            settlement,
            "are needed before it counts",
        )
        .await;
    peers.shutdown().await;
}
