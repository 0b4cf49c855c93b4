//! Endorsements: members confirm or dispute others' contributions; a contribution counts at K
//! distinct confirmations with no standing dispute. (The endorsement rules, one function each:
//! `accounting_rules`.)

use crate::common::*;
use contributions::endorsements::{ContributionStatusReport, EndorseContributionInput};
use holochain::prelude::*;
use ovn_domain::accounting::endorsement::ContributionState;
use ovn_domain::{EndorsementKind, NetworkConstitution};

async fn endorse(
    peers: &Peers,
    i: usize,
    contribution: &ActionHash,
    kind: EndorsementKind,
) -> Record {
    let input = EndorseContributionInput {
        contribution: contribution.clone(),
        kind,
    };
    peers
        .call(i, "contributions", "endorse_contribution", input)
        .await
}

async fn status(peers: &Peers, i: usize, contribution: &ActionHash) -> ContributionStatusReport {
    peers
        .call(
            i,
            "contributions",
            "get_contribution_status",
            contribution.clone(),
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn bob_confirms_and_the_contribution_counts_at_k_one() {
    let peers = Peers::honest(2).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let logged = log_work(&peers, 0, &project, 120).await;
    let hash = logged.action_address().clone();
    create_profile(&peers, 1, "bob").await;
    peers.sync().await;
    assert_eq!(
        status(&peers, 1, &hash).await.status.state,
        ContributionState::Pending
    );

    endorse(&peers, 1, &hash, EndorsementKind::Confirm).await;
    peers.sync().await;
    let report = status(&peers, 0, &hash).await;
    assert_eq!(report.status.state, ContributionState::Counted);
    assert_eq!(
        (report.status.confirmations, report.status.required),
        (1, 1)
    );
    assert_eq!(report.endorsements.len(), 1);
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn with_k_two_in_the_constitution_two_distinct_confirmations_are_needed() {
    let constitution = NetworkConstitution {
        endorsements_required: 2,
        ..Default::default()
    };
    let peers = Peers::with_constitution(3, constitution).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let hash = log_work_hash(&peers, 0, &project, 60).await;
    create_profile(&peers, 1, "bob").await;
    create_profile(&peers, 2, "carol").await;
    peers.sync().await;

    endorse(&peers, 1, &hash, EndorsementKind::Confirm).await;
    let again = EndorseContributionInput {
        contribution: hash.clone(),
        kind: EndorsementKind::Confirm,
    };
    let twice = "already a confirmation";
    refuses(
        &peers,
        1,
        "contributions",
        "endorse_contribution",
        again,
        twice,
    )
    .await;
    peers.sync().await;
    let report = status(&peers, 0, &hash).await;
    assert_eq!(
        report.status.state,
        ContributionState::Pending,
        "bob counts once"
    );
    assert_eq!(
        (report.status.confirmations, report.status.required),
        (1, 2)
    );

    endorse(&peers, 2, &hash, EndorsementKind::Confirm).await;
    peers.sync().await;
    assert_eq!(
        status(&peers, 0, &hash).await.status.state,
        ContributionState::Counted
    );
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dispute_blocks_counting_until_alice_corrects_her_contribution() {
    let peers = Peers::honest(2).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let first = log_work_hash(&peers, 0, &project, 600).await;
    create_profile(&peers, 1, "bob").await;
    peers.sync().await;
    let reason = "it was one hour, not ten".to_string();
    endorse(&peers, 1, &first, EndorsementKind::Dispute { reason }).await;
    peers.sync().await;
    assert_eq!(
        status(&peers, 0, &first).await.status.state,
        ContributionState::Disputed
    );

    let mut correction = log_input(&project, work(60));
    correction.corrects = Some(first.clone());
    let corrected: Record = peers
        .call(0, "contributions", "log_contribution", correction)
        .await;
    let corrected = corrected.action_address().clone();
    peers.sync().await;
    let old = status(&peers, 1, &first).await;
    assert_eq!(old.status.state, ContributionState::Superseded);
    assert_eq!(old.corrected_by, vec![corrected.clone()]);

    endorse(&peers, 1, &corrected, EndorsementKind::Confirm).await;
    peers.sync().await;
    assert_eq!(
        status(&peers, 0, &corrected).await.status.state,
        ContributionState::Counted
    );
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_correction_of_someone_elses_contribution_is_rejected() {
    let peers = Peers::honest(2).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let alices = log_work_hash(&peers, 0, &project, 60).await;
    peers.sync().await;
    let mut input = log_input(&project, work(60));
    input.corrects = Some(alices.clone());
    let refused = peers
        .try_call::<_, Record>(1, "contributions", "log_contribution", input)
        .await;
    assert_refused(refused, "must correct your own contribution");
    let mut raw = raw_contribution(peers.agent(1), &project, 60);
    raw.corrects = Some(alices);
    let rejected = peers
        .try_call::<_, ActionHash>(1, "hostile", "commit_contribution", raw)
        .await;
    assert_invalid_commit(rejected, "a correction must correct the same contributor");
    peers.shutdown().await;
}
