//! Measures what the conductor spends validating custody as chains grow. A CustodyAcceptance
//! checks "accepted once" by reading the recipient's whole chain; a CustodyTransfer checks
//! "latest state, handed on once" by reading the custodian's chain since the state it hands on.
//! Each is timed on a short chain (the baseline) and again after the agent committed
//! `OVN_BENCH_ACTIONS` (default 5,000) other entries, in the same run. Each figure is the time
//! of a zome call that commits one entry: the author's conductor validates it before the call
//! returns, as every peer holding it will. Medians of five (ten acceptances before).
//!
//! Two agents share one conductor (`ovn_tests::two_agents`), so the setup needs no gossip.
//! Run with `scripts/custody-figures` (it builds and packs first).

use holochain::prelude::*;
use ovn_domain::PropertyRegime;
use ovn_integrity::{Contribution, CustodyAcceptance};
use ovn_tests::common::*;
use ovn_tests::two_agents::TwoAgents;
use std::time::{Duration, Instant};

const BATCH: usize = 500;
const ROUNDS: usize = 5;

fn actions_count() -> usize {
    ovn_tests::two_agents::env_count("OVN_BENCH_ACTIONS", 5_000)
}

/// Two agents, their profiles, and the custody steps the figures time.
struct Bench {
    two: TwoAgents,
    alices_profile: ActionHash,
    bobs_profile: ActionHash,
}

impl Bench {
    async fn resource(&self) -> ActionHash {
        let input = resource_input("Printer", PropertyRegime::Nondominium, None);
        let record: Record = self
            .two
            .call(&self.two.alice, "resources", "create_resource", input)
            .await;
        record.action_address().clone()
    }

    /// alice offers a new resource to bob; bob's acceptance is timed.
    async fn timed_acceptance(&self) -> (ActionHash, ActionHash, Duration) {
        let resource = self.resource().await;
        let bob = self.two.bob.agent_pubkey().clone();
        let offer = raw_transfer(&resource, &resource, bob, &self.bobs_profile);
        let (transfer, _) = self
            .two
            .timed(&self.two.alice, "commit_custody_transfer", offer)
            .await;
        let acceptance = CustodyAcceptance {
            resource: resource.clone(),
            transfer,
            condition_note: String::new(),
        };
        let (accepted, took) = self
            .two
            .timed(&self.two.bob, "commit_custody_acceptance", acceptance)
            .await;
        (resource, accepted, took)
    }

    /// bob hands `resource` back to alice from his acceptance; timed.
    async fn timed_transfer(&self, resource: &ActionHash, accepted: &ActionHash) -> Duration {
        let alice = self.two.alice.agent_pubkey().clone();
        let back = raw_transfer(resource, accepted, alice, &self.alices_profile);
        self.two
            .timed(&self.two.bob, "commit_custody_transfer", back)
            .await
            .1
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let actions = actions_count();
    let two = TwoAgents::start().await;
    let (alices, bobs) = two.profiles().await;
    let b = Bench {
        alices_profile: alices.action_address().clone(),
        bobs_profile: bobs.action_address().clone(),
        two,
    };

    // Baselines on bob's short chain: he accepts printers, and hands half of them straight back;
    // he keeps the other half.
    let (mut accept_short, mut transfer_short, mut kept) = (vec![], vec![], vec![]);
    for round in 0..2 * ROUNDS {
        let (resource, accepted, took) = b.timed_acceptance().await;
        accept_short.push(took);
        if round % 2 == 0 {
            transfer_short.push(b.timed_transfer(&resource, &accepted).await);
        } else {
            kept.push((resource, accepted));
        }
    }

    // bob's chain grows by `actions` contributions, after his acceptance of `kept`.
    let project: Record = b
        .two
        .call(
            &b.two.bob,
            "members",
            "create_project",
            project_input("Bench", ovn_domain::ProjectLevel::Project),
        )
        .await;
    let project = project.action_address().clone();
    let t = Instant::now();
    for batch in 0..actions / BATCH {
        let entries: Vec<Contribution> = (0..BATCH)
            .map(|_| raw_contribution(b.two.bob.agent_pubkey().clone(), &project, 30))
            .collect();
        let _: Vec<ActionHash> = b
            .two
            .call(&b.two.bob, "hostile", "commit_contributions", entries)
            .await;
        eprintln!(
            "bob committed {} entries ({:.0} s)",
            (batch + 1) * BATCH,
            t.elapsed().as_secs_f64()
        );
    }

    let mut accept_long = vec![];
    for _ in 0..ROUNDS {
        accept_long.push(b.timed_acceptance().await.2);
    }
    // Handing back a kept printer reads bob's chain since his acceptance of it: the new entries.
    let mut transfer_long = vec![];
    for (resource, accepted) in &kept {
        transfer_long.push(b.timed_transfer(resource, accepted).await);
    }
    let (short, long) = (median(accept_short), median(accept_long));
    println!("custody validation, bob's chain short vs after {actions} more entries (median of {ROUNDS}):");
    println!(
        "  acceptance (scans the whole chain):     {} -> {} ({:.1}x)",
        ms(short),
        ms(long),
        long.as_secs_f64() / short.as_secs_f64()
    );
    let (short, long) = (median(transfer_short), median(transfer_long));
    println!(
        "  transfer (scans since its custody state): {} -> {} ({:.1}x)",
        ms(short),
        ms(long),
        long.as_secs_f64() / short.as_secs_f64()
    );
    b.two.peers.shutdown().await;
}
