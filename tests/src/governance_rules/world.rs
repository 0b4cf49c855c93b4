//! The governance rules' world: alice (the project's steward) and bob each logged an hour the
//! other confirmed, and alice's distribution settled both; carol is a member who did no work
//! there and stewards a project of her own. alice has opened a motion that stays open ten
//! minutes. Proposals here may close after two seconds; decisions bind, as in a new network.

use crate::common::*;
use crate::rule_runner::{HasPeers, Slot};
use governance::proposals::OpenProposalInput;
use holochain::prelude::*;
use ovn_domain::governance::rules::GovernanceRules;
use ovn_domain::NetworkConstitution;
use ovn_integrity::{Change, Proposal};

pub const ALICE: usize = 0;
pub const BOB: usize = 1;
pub const CAROL: usize = 2;

/// The shortest window of this world's constitution, in seconds.
pub const MIN_WINDOW_SECS: u32 = 2;

pub struct World {
    pub peers: Peers,
    pub project: ActionHash,
    /// The settlement alice's distribution made of both hours.
    pub settlement: ActionHash,
    /// carol's project.
    pub elsewhere: ActionHash,
    /// alice's motion, open for ten minutes.
    pub open: Record,
    pub alices_vote: Slot,
    pub bobs_delegation: Slot,
    pub decision: Slot,
    /// alice's equation proposal, which `decision` passed.
    pub equation_proposal: Slot,
}

impl HasPeers for World {
    fn into_peers(self) -> Peers {
        self.peers
    }
}

impl World {
    pub async fn new() -> Self {
        let constitution = NetworkConstitution {
            governance: GovernanceRules {
                min_window_secs: MIN_WINDOW_SECS,
                ..Default::default()
            },
            ..Default::default()
        };
        let peers = Peers::with_constitution(3, constitution).await;
        for (i, nickname) in [(ALICE, "alice"), (BOB, "bob"), (CAROL, "carol")] {
            create_profile(&peers, i, nickname).await;
        }
        let project = create_project(&peers, ALICE, "Commons").await;
        let elsewhere = create_project(&peers, CAROL, "Elsewhere").await;
        peers.sync().await;
        let alices = log_work(&peers, ALICE, &project, 60).await;
        let bobs = log_work_hash(&peers, BOB, &project, 60).await;
        peers.sync().await;
        confirm(&peers, BOB, alices.action_address()).await;
        confirm(&peers, ALICE, &bobs).await;
        peers.sync().await;
        let income = record_income(&peers, ALICE, &project, 10_000).await;
        distribute(&peers, ALICE, &income).await;
        peers.sync().await;
        let open: Record = peers
            .call(ALICE, "governance", "open_proposal", motion(&project, 600))
            .await;
        let settlement = entry::<Proposal>(&open).settlements[0].clone();
        peers.sync().await;
        World {
            peers,
            project,
            settlement,
            elsewhere,
            open,
            alices_vote: Slot::default(),
            bobs_delegation: Slot::default(),
            decision: Slot::default(),
            equation_proposal: Slot::default(),
        }
    }

    /// The open motion as committed.
    pub fn proposal(&self) -> Proposal {
        entry(&self.open)
    }

    /// The open motion's hash.
    pub fn open_hash(&self) -> &ActionHash {
        self.open.action_address()
    }
}

/// A motion in `project` closing `secs` seconds from now.
pub fn motion(project: &ActionHash, secs: i64) -> OpenProposalInput {
    proposal_input(project, Change::Motion, secs)
}

pub fn proposal_input(project: &ActionHash, change: Change, secs: i64) -> OpenProposalInput {
    OpenProposalInput {
        project: project.clone(),
        title: "Meet on Thursdays".into(),
        text: "Weekly, at the lab.".into(),
        change,
        closes: in_secs(secs),
    }
}

/// The time `secs` seconds from now.
pub fn in_secs(secs: i64) -> Timestamp {
    Timestamp::from_micros(Timestamp::now().as_micros() + secs * 1_000_000)
}

/// Commits `entry` raw through the hostile zome, as peer `i`: kept.
pub async fn commit_raw(peers: &Peers, i: usize, entry: hostile::AnyEntry) -> ActionHash {
    commit(peers, i, "commit_entry_raw", entry)
        .await
        .expect("a valid raw commit")
}

/// Peer `i`'s own conductor rejects committing `entry` raw, for `reason`.
pub async fn rejects_raw(peers: &Peers, i: usize, entry: hostile::AnyEntry, reason: &str) {
    rejects(peers, i, "commit_entry_raw", entry, reason).await;
}

/// `proposer` opens a proposal in `w`'s project to make `change`, open long enough for bob's
/// node to hold it before he votes; alice and bob vote yes, carol publishes the decision once
/// it closes, which passed; the decision, synced.
pub async fn passed(w: &World, proposer: usize, change: Change) -> ActionHash {
    use ovn_domain::governance::tally::Choice;
    use ovn_integrity::Decision;
    let peers = &w.peers;
    let window = i64::from(MIN_WINDOW_SECS) + 13;
    let input = proposal_input(&w.project, change, window);
    let opened: Record = peers
        .call(proposer, "governance", "open_proposal", input)
        .await;
    let proposal = opened.action_address().clone();
    peers.sync().await;
    for voter in [ALICE, BOB] {
        let yes = super::votes::vote_input(&proposal, Choice::Yes);
        let _: Record = peers.call(voter, "governance", "cast_vote", yes).await;
    }
    peers.sync().await;
    await_time_after(entry::<Proposal>(&opened).closes).await;
    let decided: Record = peers.call(CAROL, "governance", "decide", proposal).await;
    assert!(entry::<Decision>(&decided).tally.passed(), "{decided:?}");
    peers.sync().await;
    decided.action_address().clone()
}

/// What an audit `report` found about `record`.
pub fn found_about<'a>(
    report: &'a audit::report::AuditReport,
    record: &ActionHash,
) -> Vec<&'a audit::findings::Found> {
    let about = report.findings.iter().filter(|f| &f.record == record);
    about.map(|f| &f.found).collect()
}
