//! The human-readable report of a [`Verification`].

use crate::verify::Verification;
use ovn_domain::export::ExportSource;
use std::fmt::Write;

/// The report, as printed.
pub fn render(file: &str, v: &Verification) -> String {
    let mut out = String::new();
    let source = match v.source {
        ExportSource::Author => "exported by its author, the export says",
        ExportSource::Dht => "gathered from the DHT, the export says",
    };
    let _ = writeln!(out, "ovn-audit {file}");
    let _ = writeln!(out, "  chain of  {}", v.agent);
    let _ = writeln!(out, "  DNA       {}", v.dna_hash);
    let _ = writeln!(out, "  {} actions ({source}): {} signatures verified, {} entries verified, {} private entries withheld",
        v.actions, v.signatures_verified, v.entries_verified, v.private_entries_withheld);
    let r = &v.replay;
    let _ = writeln!(out, "  rules: {} replayed offline; {} read other agents' records and are left to the online audit (audit_agent)",
        r.rules_checked, r.rules_online);
    if !r.entries.is_empty() {
        let list: Vec<String> = r.entries.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let _ = writeln!(out, "  entries: {}", list.join(", "));
    }
    if !r.figures.is_empty() {
        let _ = writeln!(out, "  figures recomputed:");
        for f in &r.figures {
            let _ = writeln!(out, "    {f}");
        }
    }
    write_findings(&mut out, v);
    out
}

/// "no findings" and what that proves, or each finding on its line.
fn write_findings(out: &mut String, v: &Verification) {
    if v.findings.is_empty() {
        let _ = writeln!(
            out,
            "  no findings: every signature, hash, link and replayed rule holds\n  \
             (the agent signed these actions, in this order, up to the head the export names;\n  \
             that this is the whole chain the network holds, compare with audit_agent's head)"
        );
        return;
    }
    let _ = writeln!(
        out,
        "  {} finding{}:",
        v.findings.len(),
        if v.findings.len() == 1 { "" } else { "s" }
    );
    for f in &v.findings {
        let at = f
            .index
            .map(|i| format!("#{i}"))
            .unwrap_or_else(|| "export".into());
        let hash = f
            .action
            .as_deref()
            .map(|h| format!(" {h}"))
            .unwrap_or_default();
        let kind = serde_json::to_value(f.kind)
            .ok()
            .and_then(|k| k.as_str().map(str::to_owned))
            .unwrap_or_default();
        let _ = writeln!(out, "    {at}{hash} [{kind}] {}", f.detail);
    }
}
