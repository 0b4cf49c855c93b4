//! What reading a zome function's input through [`Input`] costs beside the conductor's own
//! decoding of the same bytes straight into the typed input (the baseline, same run): a
//! contribution (a typical write) and a value equation (the largest input a member sends).
//! `scripts/bench-figures` prints the ratios.

use criterion::{criterion_group, criterion_main, Criterion};
use hdk::prelude::*;
use ovn_domain::ContributionKind;
use ovn_integrity::{Contribution, ValueEquation};
use ovn_zome_support::input::Input;
use std::hint::black_box;

fn contribution() -> Contribution {
    Contribution {
        contributor: AgentPubKey::from_raw_36(vec![1; 36]),
        project: ActionHash::from_raw_36(vec![2; 36]),
        kind: ContributionKind::Work {
            minutes: 150,
            skill: "optics design".into(),
        },
        description: "Drew the spectrometer's optical bench and checked it against the sample"
            .into(),
        evidence: vec![
            "https://example.org/commit/1a2b3c".into(),
            "ipfs://bafy".into(),
        ],
        when: Timestamp::from_micros(1_760_000_000_000_000),
        corrects: None,
    }
}

fn equation() -> ValueEquation {
    ValueEquation {
        project_version: None,
        project: ActionHash::from_raw_36(vec![2; 36]),
        version: 1,
        replaces: None,
        equation: Default::default(),
        decision: None,
    }
}

fn bench_one<T>(c: &mut Criterion, name: &str, typed: &T)
where
    T: Serialize + serde::de::DeserializeOwned + std::fmt::Debug,
{
    let bytes = holochain_serialized_bytes::encode(typed).expect("encode");
    let mut group = c.benchmark_group(name);
    group.bench_function("baseline_typed", |b| {
        b.iter(|| holochain_serialized_bytes::decode::<_, T>(black_box(&bytes[..])).unwrap())
    });
    group.bench_function("input_decode", |b| {
        b.iter(|| {
            let input: Input = holochain_serialized_bytes::decode(black_box(&bytes[..])).unwrap();
            input.decode::<T>().unwrap()
        })
    });
    group.finish();
}

fn decode(c: &mut Criterion) {
    bench_one(c, "decode_contribution", &contribution());
    bench_one(c, "decode_equation", &equation());
}

criterion_group!(benches, decode);
criterion_main!(benches);
