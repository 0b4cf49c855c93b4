//! Measures what a conductor spends validating a decision as the votes it names grow: decisions
//! naming 10, 50 and (by default) 100 votes against one naming a single vote, in the same
//! run and on the same electorate, so the ratio is what the votes themselves cost (each is
//! fetched, checked to be on the proposal, dated while it was open, one per voter and in the
//! electorate, then the tally recomputed).
//!
//! The voters are agents installed beside alice on one conductor (one DHT store: no gossip to
//! wait for). Each logs an hour that alice confirms, and alice's distribution settles them all,
//! so every voter is a contributor of the project. alice opens a motion per size, the voters
//! vote yes (voter `i` on every motion of more than `i` votes), and once they close she commits
//! each decision the coordinator's count gives, raw through the hostile zome: the call's time is
//! the decision's validation, as every peer holding it pays it. The smaller decisions fail the
//! motion's quorum; validation does the same work either way.
//!
//! An agent installed on this conductor holds 80 to 100 MB of its memory (100 voters took 8 to
//! 10 GB), so this machine (24 GB) measures up to about 150 votes, and the default is 100: the
//! cost per vote above the baseline is about flat, which gives a decision naming 1,000 votes by
//! extrapolation (docs/figures.md says so beside it).
//!
//! Run with `scripts/governance-figures` (it builds and packs first); `OVN_BENCH_VOTERS` sets
//! the largest size (default 100).

use governance::proposals::{OpenProposalInput, ProposalView};
use governance::votes::CastVoteInput;
use holochain::conductor::api::error::ConductorApiResult;
use holochain::prelude::*;
use holochain::sweettest::SweetCell;
use holochain::test_utils::retry_fn_until_timeout;
use ovn_domain::governance::rules::GovernanceRules;
use ovn_domain::governance::tally::Choice;
use ovn_domain::NetworkConstitution;
use ovn_integrity::{Change, Decision};
use ovn_tests::common::*;
use std::time::{Duration, Instant};

const ALICE: usize = 0;

fn voters_count() -> usize {
    ovn_tests::two_agents::env_count("OVN_BENCH_VOTERS", 100)
}

/// This process's resident memory.
fn resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    format!("{:.1} GB", kb as f64 / 1e6)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

struct Bench {
    peers: Peers,
    project: ActionHash,
    voters: Vec<SweetCell>,
    started: Instant,
}

impl Bench {
    async fn on<I, O>(&self, voter: usize, zome: &str, f: &str, payload: I) -> O
    where
        I: serde::Serialize + std::fmt::Debug,
        O: serde::de::DeserializeOwned + std::fmt::Debug,
    {
        let cell = &self.voters[voter];
        self.peers.conductors[0]
            .call(&cell.zome(zome), f, payload)
            .await
    }

    fn say(&self, what: &str) {
        eprintln!("[{}, {}] {what}", secs(self.started.elapsed()), resident());
    }

    /// Installs `n` voters, each with a profile and an hour of work alice confirms; alice
    /// logs an hour the first voter confirms; alice's distribution settles them all. The
    /// voters' own calls run two at a time (each on its own chain), alice's one by one.
    async fn electorate(&mut self, n: usize) {
        let alices = log_work_hash(&self.peers, ALICE, &self.project, 60).await;
        for i in 0..n {
            let installed = self.peers.conductors[0]
                .setup_app(&format!("ovn-voter-{i}"), [&self.peers.dna])
                .await
                .expect("install a voter");
            self.voters.push(installed.into_cells().remove(0));
        }
        self.say(&format!("{n} voters installed"));
        let (mut hours, more) = tokio::join!(self.work(0..n / 2), self.work(n / 2..n));
        hours.extend(more);
        self.say(&format!("{n} voters logged an hour"));
        for hour in &hours {
            self.confirmed(hour).await;
        }
        let input = contributions::endorsements::EndorseContributionInput {
            contribution: alices,
            kind: ovn_domain::EndorsementKind::Confirm,
        };
        let _: Record = self
            .on(0, "contributions", "endorse_contribution", input)
            .await;
        let income = record_income(&self.peers, ALICE, &self.project, 1_000_000).await;
        distribute(&self.peers, ALICE, &income).await;
        self.say(&format!(
            "alice's distribution settled {} contributions",
            n + 1
        ));
    }

    /// Voters `range` each create a profile and log an hour; the hours.
    async fn work(&self, range: std::ops::Range<usize>) -> Vec<ActionHash> {
        let mut hours = Vec::with_capacity(range.len());
        for i in range {
            let profile = members::profiles::CreateProfileInput {
                nickname: format!("voter {i}"),
                skills: vec![],
                private: None,
            };
            let _: Record = self.on(i, "members", "create_profile", profile).await;
            let hour = log_input(&self.project, work(60));
            let logged: Record = self.on(i, "contributions", "log_contribution", hour).await;
            hours.push(logged.action_address().clone());
        }
        hours
    }

    /// alice confirms `hour`, once her node holds it.
    async fn confirmed(&self, hour: &ActionHash) {
        let input = contributions::endorsements::EndorseContributionInput {
            contribution: hour.clone(),
            kind: ovn_domain::EndorsementKind::Confirm,
        };
        let held = retry_fn_until_timeout(
            || async {
                let tried: ConductorApiResult<Record> = self
                    .peers
                    .try_call(
                        ALICE,
                        "contributions",
                        "endorse_contribution",
                        input.clone(),
                    )
                    .await;
                tried.is_ok()
            },
            Some(30_000),
            Some(500),
        )
        .await;
        assert!(held.is_ok(), "alice never held {hour}");
    }

    /// A motion closing at `closes` that `size` voters will vote on.
    async fn motion(&self, size: usize, closes: Timestamp) -> ActionHash {
        let input = OpenProposalInput {
            project: self.project.clone(),
            title: format!("A motion {size} vote(s) on"),
            text: "Measured.".into(),
            change: Change::Motion,
            closes,
        };
        let opened: Record = self
            .peers
            .call(ALICE, "governance", "open_proposal", input)
            .await;
        opened.action_address().clone()
    }

    /// Voters `range` each vote yes on every motion of more votes than their number.
    async fn vote(&self, range: std::ops::Range<usize>, motions: &[(usize, ActionHash)]) {
        for i in range {
            for (_, proposal) in motions.iter().filter(|(size, _)| *size > i) {
                let vote = CastVoteInput {
                    proposal: proposal.clone(),
                    choice: Choice::Yes,
                    reason: String::new(),
                };
                let _: Record = self.on(i, "governance", "cast_vote", vote).await;
            }
        }
    }

    /// Commits the decision on `proposal` the count gives, raw; its validation time.
    async fn decided(&self, proposal: &ActionHash, size: usize) -> Duration {
        let view: ProposalView = self
            .peers
            .call(ALICE, "governance", "get_proposal", proposal.clone())
            .await;
        assert!(view.closed, "the motion is closed");
        assert_eq!(view.count.votes.len(), size, "every vote counted");
        let decision = Decision {
            proposal: proposal.clone(),
            votes: view.count.votes,
            delegations: view.count.delegations,
            tally: view.count.tally,
        };
        let t = Instant::now();
        let _: ActionHash = self
            .peers
            .call(
                ALICE,
                "hostile",
                "commit_entry_raw",
                hostile::AnyEntry::Decision(decision),
            )
            .await;
        t.elapsed()
    }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n = voters_count();
    let constitution = NetworkConstitution {
        governance: GovernanceRules {
            min_window_secs: 2,
            ..Default::default()
        },
        ..Default::default()
    };
    let peers = Peers::with_constitution(1, constitution).await;
    create_profile(&peers, ALICE, "alice").await;
    let project = create_project(&peers, ALICE, "Commons").await;
    let mut b = Bench {
        peers,
        project,
        voters: Vec::with_capacity(n),
        started: Instant::now(),
    };
    b.electorate(n).await;
    let setup = b.started.elapsed();
    println!(
        "setup: {n} voters installed, working, confirmed and settled in {}",
        secs(setup)
    );

    let mut sizes: Vec<usize> = [1, 10, 50, n].into_iter().filter(|&s| s <= n).collect();
    sizes.dedup();
    // Every motion stays open for the voters' whole round: guessed from the setup's pace (a
    // vote costs about what a voter's setup did), with a minute's margin.
    let per_voter = setup / n as u32;
    let window = per_voter * 2 * n as u32 + Duration::from_secs(60);
    let closes = Timestamp::from_micros(Timestamp::now().as_micros() + window.as_micros() as i64);
    let mut motions = Vec::new();
    for &size in &sizes {
        motions.push((size, b.motion(size, closes).await));
    }
    tokio::join!(b.vote(0..n / 2, &motions), b.vote(n / 2..n, &motions));
    assert!(
        Timestamp::now() < closes,
        "the motions closed before every vote was in"
    );
    b.say("every vote cast; waiting for the close");
    // Longer than `await_time_after`'s minute: the round of votes sets the window.
    let closed = retry_fn_until_timeout(
        || async { Timestamp::now() > closes },
        Some(window.as_millis() as u64 + 60_000),
        Some(200),
    )
    .await;
    assert!(closed.is_ok(), "the motions never closed");

    let mut times = Vec::new();
    for (size, proposal) in &motions {
        let took = b.decided(proposal, *size).await;
        b.say(&format!(
            "the decision naming {size} vote(s) validated in {}",
            secs(took)
        ));
        times.push((*size, took));
    }
    let (_, baseline) = times[0];
    println!("electorate: {} contributors (one settlement)", n + 1);
    println!(
        "validating a decision naming 1 vote (baseline): {}",
        secs(baseline)
    );
    for &(size, took) in &times[1..] {
        println!(
            "validating a decision naming {size} votes: {} ({:.1}x the baseline; {:.1} ms per vote above it)",
            secs(took),
            took.as_secs_f64() / baseline.as_secs_f64(),
            (took.as_secs_f64() - baseline.as_secs_f64()) * 1e3 / (size - 1) as f64
        );
    }
    b.peers.shutdown().await;
}
