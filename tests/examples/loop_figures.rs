//! Measures the Sweettest loop: what one test pays to start two peers and make its first calls,
//! with each zome compiled once per process (what the suite does) against every conductor
//! compiling every zome itself (Sweettest's default, the baseline), in the same run; then the
//! cost of a zome call that commits, and of one write reaching the other peer.
//!
//! Run with `scripts/loop-figures` (it builds and packs first).

use holochain::prelude::*;
use ovn_tests::common::*;
use std::time::{Duration, Instant};

const ROUNDS: usize = 3;
const CALLS: usize = 20;

/// Two peers started and each answering its first call (which needs the compiled zomes).
async fn start_two(share: bool) -> (Peers, Duration) {
    let t = Instant::now();
    let peers = if share {
        Peers::honest(2).await
    } else {
        Peers::honest_compiling_alone(2).await
    };
    for i in 0..2 {
        let _: Option<Record> = peers.call(i, "members", "get_my_profile", ()).await;
        let _: Vec<Record> = peers
            .call(
                i,
                "contributions",
                "get_contributions_for_agent",
                peers.agent(i),
            )
            .await;
    }
    (peers, t.elapsed())
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    // The first shared start also compiles the zomes once for the whole process; a test suite
    // pays that once, so it is reported apart and left out of the per-test figure.
    let (peers, first) = start_two(true).await;
    peers.shutdown().await;
    println!(
        "one-off compilation for the process (first shared start): {}",
        secs(first)
    );

    let (mut alone, mut shared, mut call, mut sync) = (vec![], vec![], vec![], vec![]);
    for round in 1..=ROUNDS {
        let (peers, d) = start_two(false).await;
        alone.push(d);
        peers.shutdown().await;

        let (peers, d) = start_two(true).await;
        shared.push(d);
        let project = create_project(&peers, 0, "Bench").await;
        let t = Instant::now();
        for _ in 0..CALLS {
            log_work(&peers, 0, &project, 60).await;
        }
        call.push(t.elapsed() / CALLS as u32);
        peers.sync().await;
        let t = Instant::now();
        log_work(&peers, 1, &project, 60).await;
        peers.sync().await;
        sync.push(t.elapsed());
        peers.shutdown().await;
        println!("round {round}/{ROUNDS} done");
    }
    let (alone, shared) = (median(alone), median(shared));
    println!("two peers started, first calls answered (median of {ROUNDS}):");
    println!("  baseline, every conductor compiles: {}", secs(alone));
    println!("  zomes compiled once per process:    {}", secs(shared));
    println!(
        "  ratio baseline / shared:            {:.1}x",
        alone.as_secs_f64() / shared.as_secs_f64()
    );
    println!(
        "log_contribution call (median of {ROUNDS} x {CALLS}): {:.0} ms",
        median(call).as_secs_f64() * 1000.0
    );
    println!(
        "one write reaching the other peer (await_consistency): {}",
        secs(median(sync))
    );
}
