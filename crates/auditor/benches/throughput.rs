//! `ovn-audit`'s throughput on a generated chain of 100,000 actions, beside raw ed25519-dalek
//! verification of the same 100,000 signatures over the same bytes, measured in the same run.
//! The goal: the auditor, which checks signatures in batches on every core, at least twice as
//! fast as the raw single-core `verify_strict` of the same signatures. `cargo bench -p ovn_auditor` or `scripts/audit-figures`;
//! `OVN_AUDIT_BENCH_ACTIONS` changes the chain's length.

use ed25519_dalek::{Signature, VerifyingKey};
use ovn_auditor::generate::{agent, chain};
use ovn_auditor::{read_export, verify::verify};
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn median(mut d: Vec<Duration>) -> Duration {
    d.sort();
    d[d.len() / 2]
}

fn main() {
    let n: usize = std::env::var("OVN_AUDIT_BENCH_ACTIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let key = agent(1);
    eprintln!("generating and signing a chain of {n} actions…");
    let export = chain(&key, n);
    let json = serde_json::to_vec(&export).expect("encode");
    let verifying: VerifyingKey = key.verifying_key();
    let signed: Vec<(Vec<u8>, Signature)> = export
        .actions
        .iter()
        .map(|a| {
            let sig: [u8; 64] = a.signature.0.as_slice().try_into().unwrap();
            (a.action.0.clone(), Signature::from_bytes(&sig))
        })
        .collect();
    drop(export);

    let (mut raw, mut full, mut parse) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let t = Instant::now();
        for (bytes, sig) in &signed {
            verifying
                .verify_strict(bytes, sig)
                .expect("valid signature");
        }
        raw.push(t.elapsed());

        let t = Instant::now();
        let export = read_export(&json).expect("read");
        let parsed = t.elapsed();
        let v = verify(&export, |_| {});
        full.push(t.elapsed());
        parse.push(parsed);
        assert!(
            v.is_clean() && v.signatures_verified == n,
            "the generated chain verifies"
        );
    }
    let (raw, full, parse) = (median(raw), median(full), median(parse));
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "ovn-audit throughput, {n} actions ({:.1} MB of JSON), medians of {RUNS} runs:",
        json.len() as f64 / 1e6
    );
    println!(
        "  raw ed25519-dalek verify_strict : {:>9.0} actions/s ({:.2} s)",
        rate(raw),
        raw.as_secs_f64()
    );
    println!("  ovn-audit (read JSON + verify)  : {:>9.0} actions/s ({:.2} s, of which reading JSON {:.2} s)",
        rate(full), full.as_secs_f64(), parse.as_secs_f64());
    println!(
        "  ratio ovn-audit / raw           : {:.2} (goal: at least 2.00; {} cores)",
        raw.as_secs_f64() / full.as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
}
