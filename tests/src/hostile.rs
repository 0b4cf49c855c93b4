//! The hostile-agent harness at work: Mallory's conductor skips self-validation, so her invalid
//! actions reach the network; honest peers must reject them and warrant her. One test per rule
//! that protects other peers.

use crate::common::*;

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
