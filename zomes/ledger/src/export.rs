//! A distribution with its full trace, as JSON (format `ovn-distribution/1`) and as CSV (one
//! row per trace line), for spreadsheets, accountants and auditors. Hashes and agent keys are
//! in Holochain's text form; amounts are integer minor units of the network currency.

use crate::distributions::recompute;
use hdk::prelude::*;
use ovn_domain::Claim;
use ovn_integrity::constitution::network_constitution;
use ovn_zome_support::input::Input;

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DistributionExport {
    pub json: String,
    pub csv: String,
}

#[derive(Serialize)]
struct Document {
    format: &'static str,
    distribution: String,
    project: String,
    income: String,
    currency: String,
    minor_units: u8,
    cutoff_micros: i64,
    payouts: Vec<Row>,
    /// What each cited project receives, as its upstream income.
    upstream: Vec<Row>,
    retained: u64,
    buckets: Vec<BucketRow>,
    trace: Vec<TraceRow>,
}

#[derive(Serialize)]
struct Row {
    agent: String,
    amount: u64,
}

#[derive(Serialize)]
struct BucketRow {
    name: String,
    pot: u64,
    paid: u64,
}

#[derive(Serialize)]
struct TraceRow {
    bucket: String,
    agent: String,
    contribution: Option<String>,
    value: u64,
    claim: Option<Claim>,
    amount: u64,
}

/// The distribution at `hash` with its recomputed trace, as JSON and CSV.
#[hdk_extern]
pub fn export_distribution(hash: Input) -> ExternResult<DistributionExport> {
    let hash: ActionHash = hash.decode()?;
    let (d, outcome, names) = recompute(&hash)?;
    let currency = network_constitution()?.currency;
    let name = |bucket: u16| names.get(bucket as usize).cloned().unwrap_or_default();
    let trace: Vec<TraceRow> = outcome
        .trace
        .iter()
        .map(|l| TraceRow {
            bucket: name(l.bucket),
            agent: l.payee.to_string(),
            contribution: l.contribution.as_ref().map(|c| c.to_string()),
            value: l.value,
            claim: l.claim,
            amount: l.amount,
        })
        .collect();
    let csv = to_csv(&trace);
    let document = Document {
        format: "ovn-distribution/1",
        distribution: hash.to_string(),
        project: d.project.to_string(),
        income: d.income.to_string(),
        currency: currency.code,
        minor_units: currency.minor_units,
        cutoff_micros: d.cutoff.as_micros(),
        payouts: outcome
            .payouts
            .iter()
            .map(|p| Row {
                agent: p.agent.to_string(),
                amount: p.amount,
            })
            .collect(),
        upstream: outcome
            .upstream
            .iter()
            .map(|p| Row {
                agent: format!("project {}", p.agent),
                amount: p.amount,
            })
            .collect(),
        retained: outcome.retained,
        buckets: outcome
            .buckets
            .iter()
            .enumerate()
            .map(|(i, b)| BucketRow {
                name: name(i as u16),
                pot: b.pot,
                paid: b.paid,
            })
            .collect(),
        trace,
    };
    let json = serde_json::to_string_pretty(&document)
        .map_err(|e| wasm_error!(WasmErrorInner::Guest(format!("cannot write JSON: {e}"))))?;
    Ok(DistributionExport { json, csv })
}

fn to_csv(trace: &[TraceRow]) -> String {
    let mut csv = String::from("bucket,agent,contribution,value,claim,amount\n");
    for row in trace {
        let claim = row.claim.map(|c| format!("{c:?}")).unwrap_or_default();
        csv.push_str(&format!(
            "{},{},{},{},{},{}\n",
            csv_field(&row.bucket),
            row.agent,
            row.contribution.as_deref().unwrap_or(""),
            row.value,
            claim,
            row.amount
        ));
    }
    csv
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
