//! How `distribute` grows with the number of counted contributions (1,000, 10,000, 100,000),
//! beside a baseline measured in the same run: sorting the same inputs by id, which any exact
//! distribution must at least do. `scripts/bench-figures` prints the ratios.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ovn_domain::ledger::value_equation::*;
use ovn_domain::{distribute, ContributionKind, Input, PaidClaims, Payee};
use std::hint::black_box;

type In = Input<u32, u32, u64>;

/// A deterministic mix: 50 members; 70 % work at two skills, 10 % use of 20 tools, 10 % money,
/// 5 % materials, 5 % citations.
fn inputs(n: usize) -> Vec<In> {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let r = next();
            let kind = match r % 100 {
                0..=69 => ContributionKind::Work {
                    minutes: (r % 480) as u32 + 15,
                    skill: if r % 3 == 0 { "design" } else { "code" }.into(),
                },
                70..=79 => ContributionKind::Use {
                    resource: (r % 20) as u32,
                    custody: (r % 20) as u32,
                    minutes: (r % 240) as u32 + 30,
                },
                80..=89 => ContributionKind::Financial {
                    amount: r % 1_000_000 + 100,
                },
                90..=94 => ContributionKind::Material {
                    description: "parts".into(),
                    value: r % 50_000 + 100,
                },
                _ => ContributionKind::Cite {
                    resource: (r % 20) as u32,
                },
            };
            Input {
                id: next(),
                contributor: (r % 50) as u32,
                payee: Payee::Agent((r % 50) as u32),
                kind,
                when_micros: i as i64,
                corrects: None,
            }
        })
        .collect()
}

/// A 10 % network fee, then contributions: work Equity, money Debt, the rest Equity.
fn equation() -> ValueEquation<u32, u32> {
    let mut eq = ValueEquation::default();
    eq.buckets[0].behaviour = Behaviour::Remaining;
    if let BucketKind::Contributions { rules } = &mut eq.buckets[0].kind {
        rules.financial = Some(Claim::Debt);
        rules.work.as_mut().unwrap().skill_rates = vec![SkillRate {
            skill: "design".into(),
            rate: 3_000,
        }];
    }
    eq.buckets.insert(
        0,
        Bucket {
            name: "network fee".into(),
            share_bp: 1_000,
            behaviour: Behaviour::Straight,
            kind: BucketKind::FixedShare { agent: 999 },
            window: None,
        },
    );
    eq
}

fn bench(c: &mut Criterion) {
    let eq = equation();
    let none = PaidClaims::new();
    let mut group = c.benchmark_group("distribute");
    for n in [1_000, 10_000, 100_000] {
        let all = inputs(n);
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::new("distribute", n), &all, |b, all| {
            b.iter(|| distribute(black_box(&eq), black_box(123_456_789), all, &none).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("baseline_sort", n), &all, |b, all| {
            b.iter(|| {
                let mut refs: Vec<&In> = all.iter().collect();
                refs.sort_by_key(|a| a.id);
                black_box(refs.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
