//! What counting a proposal costs at Sensorica's scale and beyond: 10,000 members voting or
//! delegating (1,000 delegations, chains up to ten long, some cycles), weighted by reputation,
//! beside a baseline measured in the same run: summing the same ballots' weights by choice with
//! no delegation, which any count must at least do. `scripts/bench-figures` prints the ratio.

use criterion::{criterion_group, criterion_main, Criterion};
use ovn_domain::governance::tally::{latest, tally, Choice, Method};
use std::collections::BTreeMap;
use std::hint::black_box;

const MEMBERS: u32 = 11_000;
const DELEGATIONS: u32 = 1_000;

/// Weights, votes (voter, order key, choice), delegations.
type World = (
    BTreeMap<u32, u64>,
    Vec<(u32, u32, Choice)>,
    BTreeMap<u32, u32>,
);

/// 11,000 members with reputations; the first 10,000 vote (some twice: the later vote counts),
/// the last 1,000 delegate, in chains through one another down to a voter, a tenth of them into a
/// cycle with no voter.
fn world() -> World {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let electorate = (0..MEMBERS).map(|m| (m, next() % 1_000_000 + 1)).collect();
    let voters = MEMBERS - DELEGATIONS;
    let mut cast = Vec::new();
    for voter in 0..voters {
        let choice = match next() % 10 {
            0..=5 => Choice::Yes,
            6..=7 => Choice::No,
            8 => Choice::Abstain,
            _ => Choice::Block {
                reason: "not yet".into(),
            },
        };
        cast.push((voter, 1, choice));
        if voter % 20 == 0 {
            cast.push((voter, 0, Choice::No));
        }
    }
    let delegations = (voters..MEMBERS)
        .map(|m| {
            let to = match m % 10 {
                // A cycle of two among delegators.
                0 => m + 1,
                1 => m - 1,
                // The next delegator, or a voter at the end of a run of ten.
                9 => (next() % voters as u64) as u32,
                _ => m + 1,
            };
            (m, to)
        })
        .collect();
    (electorate, cast, delegations)
}

fn bench(c: &mut Criterion) {
    let (electorate, cast, delegations) = world();
    let method = Method::Majority {
        threshold_bp: 5000,
        quorum_bp: 3000,
    };
    let mut group = c.benchmark_group("tally");
    group.bench_function("votes_10000_delegations_1000", |b| {
        b.iter(|| {
            let votes = latest(cast.iter().map(|(v, k, c)| (*v, *k, c.clone())));
            black_box(tally(method, &electorate, &votes, &delegations).unwrap())
        })
    });
    group.bench_function("baseline_sum", |b| {
        b.iter(|| {
            let mut sums = [0u128; 4];
            for (voter, _, choice) in &cast {
                let slot = match choice {
                    Choice::Yes => 0,
                    Choice::No => 1,
                    Choice::Abstain => 2,
                    Choice::Block { .. } => 3,
                };
                sums[slot] += electorate[voter] as u128;
            }
            black_box(sums)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
