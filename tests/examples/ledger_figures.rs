//! Measures what the conductor spends validating the common ledger at scale: a distribution
//! over 10,000 counted contributions (named through five settlements of 2,000), against a
//! distribution over one contribution measured in the same run (the baseline), and the
//! settlements themselves. Each figure is the time of a zome call that commits one entry: the
//! author's conductor validates it before the call returns, as every peer holding it will.
//!
//! Two agents share one conductor (`ovn_tests::two_agents`), so 20,000 setup entries need no
//! gossip.
//! Run with `scripts/ledger-figures` (it builds and packs first).

use holochain::prelude::*;
use ovn_domain::ledger::settlement::MAX_SETTLED;
use ovn_domain::{distribute, Input, PaidClaims, Payee, Period};
use ovn_integrity::{Contribution, Distribution, SettledContribution, Settlement};
use ovn_tests::common::*;
use ovn_tests::two_agents::TwoAgents;
use std::time::{Duration, Instant};

/// 10,000 by default; `OVN_BENCH_INPUTS` sets another count (a multiple of the batch).
fn inputs_count() -> usize {
    ovn_tests::two_agents::env_count("OVN_BENCH_INPUTS", 10_000)
}
const BATCH: usize = 500;

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let inputs = inputs_count();
    let b = TwoAgents::start().await;
    let project: Record = b
        .call(
            &b.alice,
            "members",
            "create_project",
            project_input("Bench", ovn_domain::ProjectLevel::Project),
        )
        .await;
    let project = project.action_address().clone();
    let bobs_profile: Record = b
        .call(
            &b.bob,
            "members",
            "create_profile",
            members::profiles::CreateProfileInput {
                nickname: "bob".into(),
                skills: vec![],
                private: None,
            },
        )
        .await;

    let t = Instant::now();
    let mut contributions: Vec<(ActionHash, Contribution)> = Vec::with_capacity(inputs);
    for batch in 0..inputs / BATCH {
        let entries: Vec<Contribution> = (0..BATCH)
            .map(|i| {
                raw_contribution(
                    b.alice.agent_pubkey().clone(),
                    &project,
                    15 + ((batch * BATCH + i) % 400) as u32,
                )
            })
            .collect();
        let hashes: Vec<ActionHash> = b
            .call(&b.alice, "hostile", "commit_contributions", entries.clone())
            .await;
        contributions.extend(hashes.into_iter().zip(entries));
        eprintln!(
            "committed {} contributions ({})",
            contributions.len(),
            secs(t.elapsed())
        );
    }
    b.settle().await;
    eprintln!("consistent ({})", secs(t.elapsed()));
    let mut confirmations = Vec::with_capacity(inputs);
    for chunk in contributions.chunks(BATCH) {
        let entries: Vec<_> = chunk
            .iter()
            .map(|(hash, _)| raw_confirmation(hash, &bobs_profile))
            .collect();
        let hashes: Vec<ActionHash> = b
            .call(&b.bob, "hostile", "commit_endorsements", entries)
            .await;
        confirmations.extend(hashes);
        eprintln!(
            "committed {} confirmations ({})",
            confirmations.len(),
            secs(t.elapsed())
        );
    }
    b.settle().await;
    println!(
        "setup: {inputs} contributions and confirmations in {}",
        secs(t.elapsed())
    );

    let items: Vec<SettledContribution> = contributions
        .iter()
        .zip(&confirmations)
        .map(|((hash, c), confirmation)| SettledContribution {
            contribution: hash.clone(),
            contributor: c.contributor.clone(),
            payee: Payee::Agent(c.contributor.clone()),
            kind: c.kind.clone(),
            when: c.when,
            corrects: c.corrects.clone(),
            confirmations: vec![confirmation.clone()],
        })
        .collect();
    let period = Period::of_micros(items[0].when.as_micros());
    let mut pages = Vec::new();
    let mut page_times = Vec::new();
    for page in items.chunks(MAX_SETTLED) {
        let settlement = Settlement {
            project: project.clone(),
            period,
            items: page.to_vec(),
        };
        let (hash, d) = b.timed(&b.alice, "commit_settlement", settlement).await;
        pages.push(hash);
        page_times.push(d);
    }
    let one = Settlement {
        project: project.clone(),
        period,
        items: items[..1].to_vec(),
    };
    let (one_page, one_page_time) = b.timed(&b.alice, "commit_settlement", one).await;
    b.settle().await;

    let pages_count = pages.len();
    let big = distribution(&b, &project, pages, &items).await;
    let (_, big_time) = b.timed(&b.alice, "commit_distribution", big).await;
    let small = distribution(&b, &project, vec![one_page], &items[..1]).await;
    let (_, small_time) = b.timed(&b.alice, "commit_distribution", small).await;

    let page_total: Duration = page_times.iter().sum();
    println!(
        "settlement of {} contributions: {} each (mean of {}); of 1: {}",
        inputs.min(MAX_SETTLED),
        secs(page_total / page_times.len() as u32),
        page_times.len(),
        secs(one_page_time)
    );
    println!(
        "distribution over {inputs} contributions ({} settlements): {}",
        pages_count,
        secs(big_time)
    );
    println!(
        "distribution over 1 contribution (baseline):           {}",
        secs(small_time)
    );
    println!(
        "ratio: {:.1}x for {inputs}x the inputs; {:.0} µs per input above the baseline",
        big_time.as_secs_f64() / small_time.as_secs_f64(),
        (big_time.as_secs_f64() - small_time.as_secs_f64()) * 1e6 / inputs as f64
    );
    b.peers.shutdown().await;
}

/// A distribution of a new income of alice's over `items` (listed in `settlements`), computed
/// with the domain function the validators use, under the network's default equation.
async fn distribution(
    b: &TwoAgents,
    project: &ActionHash,
    settlements: Vec<ActionHash>,
    items: &[SettledContribution],
) -> Distribution {
    let income = record_income_on(b, project).await;
    let inputs: Vec<Input<AgentPubKey, ActionHash, ActionHash>> =
        items.iter().map(|i| i.input()).collect();
    let equation = ovn_domain::ValueEquation::default();
    let outcome =
        distribute(&equation, 1_000_000, &inputs, &PaidClaims::new()).expect("distribute");
    Distribution {
        project: project.clone(),
        income,
        equation: None,
        cutoff: Timestamp::now(),
        settlements,
        earlier: vec![],
        payouts: outcome.payouts.clone(),
        upstream: outcome.upstream.clone(),
        retained: outcome.retained,
        buckets: outcome.buckets.clone(),
        shares: outcome.agent_shares(),
        claims: outcome.claims_paid(),
    }
}

async fn record_income_on(b: &TwoAgents, project: &ActionHash) -> ActionHash {
    let record: Record = b
        .call(
            &b.alice,
            "ledger",
            "record_income",
            income_input(project, 1_000_000),
        )
        .await;
    record.action_address().clone()
}
