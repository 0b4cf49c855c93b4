//! Governance rules that protect other members, broken by a conductor with self-validation
//! off: honest peers reject the action and warrant its author.

use crate::common::*;
use holochain::prelude::*;

/// The hostile networks' governance rules: the defaults, with motions decided by stewards and
/// two-second windows.
fn governed() -> ovn_domain::governance::rules::GovernanceRules {
    use ovn_domain::governance::rules::{Electorate, GovernanceRules, Rule, Weighting};
    let defaults = GovernanceRules::default();
    GovernanceRules {
        min_window_secs: 2,
        motion: Rule {
            electorate: Electorate::Stewards,
            weighting: Weighting::Equal,
            ..defaults.motion
        },
        ..defaults
    }
}

/// A network whose proposals may close after two seconds and whose motions its stewards decide
/// (so no settlement, nor the gossip it needs, comes first): mallory (hostile) and alice, and a
/// project of `steward`'s.
async fn governed_project(steward: usize) -> (Peers, ActionHash) {
    let constitution = ovn_domain::NetworkConstitution {
        governance: governed(),
        ..Default::default()
    };
    let peers = Peers::with_hostile_under(1, constitution).await;
    create_profile(&peers, MALLORY, "mallory").await;
    create_profile(&peers, 1, "alice").await;
    let project = create_project(&peers, steward, "Commons").await;
    peers.sync().await;
    (peers, project)
}

/// `i` opens a motion in `project` closing `secs` seconds from now.
async fn open_motion(peers: &Peers, i: usize, project: &ActionHash, secs: i64) -> Record {
    let input = governance::proposals::OpenProposalInput {
        project: project.clone(),
        title: "Meet on Thursdays".into(),
        text: String::new(),
        change: ovn_integrity::Change::Motion,
        closes: Timestamp::from_micros(Timestamp::now().as_micros() + secs * 1_000_000),
    };
    peers.call(i, "governance", "open_proposal", input).await
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_a_miscounted_decision() {
    let (peers, project) = governed_project(MALLORY).await;
    let motion = open_motion(&peers, MALLORY, &project, 10).await;
    let input = governance::votes::CastVoteInput {
        proposal: motion.action_address().clone(),
        choice: ovn_domain::governance::tally::Choice::No,
        reason: String::new(),
    };
    let no: Record = peers.call(MALLORY, "governance", "cast_vote", input).await;
    let closes = entry::<ovn_integrity::Proposal>(&motion).closes;
    await_time_after(closes).await;
    // Her own no (she alone stewards the project), counted as the yes that passes the motion.
    let passed = ovn_domain::governance::tally::Tally {
        yes: 1,
        no: 0,
        abstain: 0,
        block: 0,
        electorate: 1,
        failed: None,
    };
    let decision = ovn_integrity::Decision {
        proposal: motion.action_address().clone(),
        votes: vec![no.action_address().clone()],
        delegations: vec![],
        tally: passed,
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_entry_raw",
            hostile::AnyEntry::Decision(decision),
            "the decision states",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_voting_after_the_close() {
    let (peers, project) = governed_project(1).await;
    let motion = open_motion(&peers, 1, &project, 3).await;
    peers.sync().await;
    await_time_after(entry::<ovn_integrity::Proposal>(&motion).closes).await;
    let late = ovn_integrity::Vote {
        proposal: motion.action_address().clone(),
        choice: ovn_domain::governance::tally::Choice::Yes,
        reason: String::new(),
        replaces: None,
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_entry_raw",
            hostile::AnyEntry::Vote(late),
            "outside the proposal's window",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_an_equation_no_decision_adopted() {
    let (peers, project) = governed_project(MALLORY).await;
    // Where decisions bind, even the project's only steward needs one.
    let alone = ovn_integrity::ValueEquation {
        project_version: None,
        project,
        version: 1,
        replaces: None,
        equation: Default::default(),
        decision: None,
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_entry_raw",
            hostile::AnyEntry::ValueEquation(alone),
            "adopts a value equation only by a decision",
        )
        .await;
    peers.shutdown().await;
}

/// mallory publishes, with no decision, alice's project made hers, the usage rules of alice's
/// printer made free and the project's governance rules made hers to decide (all published
/// before any warrant, which could stop her gossip): honest peers warrant each.
#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_taking_a_project_or_its_rules_without_a_decision() {
    let (peers, project) = governed_project(1).await;
    let regime = ovn_domain::PropertyRegime::Commons;
    let printer = create_resource(&peers, 1, "3D printer", regime, Some(&project)).await;
    peers.sync().await;
    let taken = ovn_integrity::ProjectVersion {
        project: project.clone(),
        version: 2,
        replaces: None,
        purpose: String::new(),
        parent: None,
        stewards: vec![peers.agent(MALLORY)],
        decision: None,
    };
    let free = ovn_integrity::UsageRulesVersion {
        resource: printer,
        version: 2,
        replaces: None,
        rules: ovn_domain::UsageRules {
            fee_per_hour: 0,
            ..printer_rules()
        },
        decision: None,
        project_version: None,
    };
    let hers = ovn_domain::governance::rules::Rule {
        method: ovn_domain::governance::tally::Method::Consent { quorum_bp: 5000 },
        electorate: ovn_domain::governance::rules::Electorate::Stewards,
        weighting: ovn_domain::governance::rules::Weighting::Equal,
    };
    let seized = ovn_integrity::GovernanceRulesVersion {
        project: project.clone(),
        version: 2,
        replaces: None,
        rules: ovn_domain::governance::rules::GovernanceRules {
            equation: hers,
            project: hers,
            rules: hers,
            ..governed()
        },
        decision: None,
        project_version: None,
    };
    for entry in [
        hostile::AnyEntry::ProjectVersion(taken),
        hostile::AnyEntry::UsageRulesVersion(free),
        hostile::AnyEntry::GovernanceRulesVersion(seized),
    ] {
        let _: ActionHash = peers
            .call(MALLORY, "hostile", "commit_entry_raw", entry)
            .await;
    }
    for what in [
        "project change",
        "usage-rule change",
        "governance-rules change",
    ] {
        let reason = format!("adopts a {what} only by a decision");
        peers.await_warrant(MALLORY, &reason).await;
    }
    peers.shutdown().await;
}
