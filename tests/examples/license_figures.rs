//! Measures what the conductor spends validating licenses. A LicenseRequest from a contributing
//! for-profit fetches each named contribution and its confirmations, so it costs in proportion
//! to the contributions named (1 to 50); the baseline is a plain for-profit's request, timed in
//! the same run. A LicenseGrant fetches its request, the license attachment, the resource and
//! the terms, and checks "granted once" by reading the licensor's whole chain; a
//! LicenseAttachment checks "attached once" the same way. Both are timed on a short chain and
//! again after `OVN_BENCH_ACTIONS` (default 5,000) more entries. Each figure is the time of a zome call that commits one entry, validated by
//! the author's conductor before the call returns, as every peer holding it will. Medians of
//! five.
//!
//! Two agents share one conductor (`ovn_tests::two_agents`), so the setup needs no gossip.
//! Run with `scripts/license-figures` (it builds and packs first).

use holochain::prelude::*;
use ovn_domain::licenses::{FeeSchedule, LicenseTerms, Usage};
use ovn_domain::PropertyRegime;
use ovn_integrity::{
    Category, Contribution, CountedContribution, Endorsement, LicenseAttachment, LicenseGrant,
    LicenseRef, LicenseRequest, Licensee,
};
use ovn_tests::common::*;
use ovn_tests::two_agents::TwoAgents;
use std::time::{Duration, Instant};

const BATCH: usize = 500;
const ROUNDS: usize = 5;
const CONTRIBUTIONS: usize = 50;

fn actions_count() -> usize {
    ovn_tests::two_agents::env_count("OVN_BENCH_ACTIONS", 5_000)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn ratio(d: Duration, base: Duration) -> String {
    format!("{:.1}x", d.as_secs_f64() / base.as_secs_f64())
}

/// alice creates a design of `project` and attaches the CBRL to it; the design, the
/// attachment and the attachment's time.
async fn timed_attachment(
    two: &TwoAgents,
    project: &ActionHash,
) -> (ActionHash, ActionHash, Duration) {
    let input = resource_input("Design", PropertyRegime::Commons, Some(project));
    let record: Record = two
        .call(&two.alice, "resources", "create_resource", input)
        .await;
    let design = record.action_address().clone();
    let attachment = LicenseAttachment {
        resource: design.clone(),
        license: LicenseRef::Catalogue {
            name: "CBRL-1.0".into(),
        },
        derives_from: vec![],
    };
    let (attached, took) = two
        .timed(&two.alice, "commit_license_attachment", attachment)
        .await;
    (design, attached, took)
}

/// `author` commits `entries` through the hostile zome's `f`, in batches; their hashes.
async fn commit_many<T: serde::Serialize + std::fmt::Debug + Clone>(
    two: &TwoAgents,
    author: &holochain::sweettest::SweetCell,
    f: &str,
    entries: Vec<T>,
) -> Vec<ActionHash> {
    let mut hashes = Vec::with_capacity(entries.len());
    let t = Instant::now();
    for batch in entries.chunks(BATCH) {
        let committed: Vec<ActionHash> = two.call(author, "hostile", f, batch.to_vec()).await;
        hashes.extend(committed);
        eprintln!(
            "{f}: {} entries ({:.0} s)",
            hashes.len(),
            t.elapsed().as_secs_f64()
        );
    }
    hashes
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let actions = actions_count();
    let two = TwoAgents::start().await;
    let (alices, bobs) = two.profiles().await;
    let project: Record = two
        .call(
            &two.alice,
            "members",
            "create_project",
            project_input("Open spectrometer", ovn_domain::ProjectLevel::Project),
        )
        .await;
    let project = project.action_address().clone();

    // Attachments on alice's short chain.
    let mut attach_short = vec![];
    let mut licensed = None;
    for _ in 0..ROUNDS {
        let (design, attached, took) = timed_attachment(&two, &project).await;
        attach_short.push(took);
        licensed = Some((design, attached));
    }
    let (design, attached) = licensed.expect("a licensed design");

    // bob's firm contributed 50 pieces of work; alice confirmed each.
    let bob = two.bob.agent_pubkey().clone();
    let work: Vec<Contribution> = (0..CONTRIBUTIONS)
        .map(|_| raw_contribution(bob.clone(), &project, 30))
        .collect();
    let contributions = commit_many(&two, &two.bob, "commit_contributions", work).await;
    two.settle().await;
    let confirmations: Vec<Endorsement> = contributions
        .iter()
        .map(|c| raw_confirmation(c, &alices))
        .collect();
    let confirmed = commit_many(&two, &two.alice, "commit_endorsements", confirmations).await;
    two.settle().await;

    let request = |category| LicenseRequest {
        resource: design.clone(),
        attachment: attached.clone(),
        requester_profile: bobs.action_address().clone(),
        licensee: Licensee::Requester,
        category,
        usage: Usage::default(),
        note: String::new(),
    };
    let contributing = |n: usize| Category::ContributingForProfit {
        contributions: contributions
            .iter()
            .zip(&confirmed)
            .take(n)
            .map(|(c, e)| CountedContribution {
                contribution: c.clone(),
                confirmations: vec![e.clone()],
            })
            .collect(),
    };
    let mut for_profit = vec![];
    let mut requested = vec![];
    for _ in 0..2 * ROUNDS {
        let (hash, took) = two
            .timed(
                &two.bob,
                "commit_license_request",
                request(Category::ForProfit),
            )
            .await;
        for_profit.push(took);
        requested.push(hash);
    }
    // Half are granted on alice's short chain, half after it grew.
    let later = requested.split_off(ROUNDS);
    let mut by_count = vec![];
    for n in [1, 10, CONTRIBUTIONS] {
        let mut times = vec![];
        for _ in 0..ROUNDS {
            times.push(
                two.timed(&two.bob, "commit_license_request", request(contributing(n)))
                    .await
                    .1,
            );
        }
        by_count.push((n, median(times)));
    }
    two.settle().await;
    let grant = |hash: &ActionHash| LicenseGrant {
        project_version: None,
        request: hash.clone(),
        resource: design.clone(),
        licensee: Licensee::Requester,
        category: Category::ForProfit,
        terms: LicenseTerms::cbrl(FeeSchedule::Flat { amount: 50_000 }),
        usage: Usage::default(),
        fee: 50_000,
        exception: None,
    };
    let mut grants = vec![];
    for hash in &requested {
        let took = two.timed(&two.alice, "commit_license_grant", grant(hash));
        grants.push(took.await.1);
    }

    // alice's chain grows by `actions` contributions; attachments and grants read it all.
    let alice = two.alice.agent_pubkey().clone();
    let filler: Vec<Contribution> = (0..actions)
        .map(|_| raw_contribution(alice.clone(), &project, 30))
        .collect();
    commit_many(&two, &two.alice, "commit_contributions", filler).await;
    let mut attach_long = vec![];
    for _ in 0..ROUNDS {
        attach_long.push(timed_attachment(&two, &project).await.2);
    }
    let mut grants_long = vec![];
    for hash in &later {
        let took = two.timed(&two.alice, "commit_license_grant", grant(hash));
        grants_long.push(took.await.1);
    }

    let base = median(for_profit);
    println!("license validation in the conductor (median of {ROUNDS}):");
    println!(
        "  request, plain for-profit (baseline):        {}",
        ms(base)
    );
    for (n, took) in &by_count {
        println!(
            "  request, contributing for-profit, {n:>2} named: {} ({} the baseline)",
            ms(*took),
            ratio(*took, base)
        );
    }
    let (grant, grant_long) = (median(grants), median(grants_long));
    println!(
        "  grant of a for-profit's request:             {} ({} the baseline)",
        ms(grant),
        ratio(grant, base)
    );
    println!(
        "  grant (scans the whole chain):               {} -> {} after {actions} more entries ({})",
        ms(grant),
        ms(grant_long),
        ratio(grant_long, grant)
    );
    let (short, long) = (median(attach_short), median(attach_long));
    println!(
        "  attachment (scans the whole chain):          {} -> {} after {actions} more entries ({})",
        ms(short),
        ms(long),
        ratio(long, short)
    );
    two.peers.shutdown().await;
}
