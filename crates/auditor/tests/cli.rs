//! The `ovn-audit` binary as a user runs it: exit status 0 only for a clean chain, 1 with
//! findings, 2 for a file that cannot be read as an export (truncated, empty, binary, not an
//! export, missing: each error names the file and what is wrong); a report a person can read,
//! and `--json` a program can.

use ovn_auditor::generate::{agent, chain};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("ovn-audit-cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn audit(args: &[&str], file: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ovn-audit"))
        .args(args)
        .arg(file)
        .output()
        .expect("run ovn-audit")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_clean_chain_exits_0_with_a_report() {
    let file = write(
        "clean.json",
        &serde_json::to_vec(&chain(&agent(1), 30)).unwrap(),
    );
    let out = audit(&["--quiet"], &file);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.contains(
            "30 actions (exported by its author, the export says): 30 signatures verified"
        ),
        "{report}"
    );
    assert!(report.contains("no findings"), "{report}");
}

#[test]
fn a_tampered_chain_exits_1_naming_the_action() {
    let mut export = chain(&agent(1), 30);
    export.actions[17].signature.0[3] ^= 0x40;
    let hash = export.actions[17].hash.to_text();
    let file = write("tampered.json", &serde_json::to_vec(&export).unwrap());
    let out = audit(&[], &file);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    assert!(
        report.contains(&format!(
            "#17 {hash} [signature] the signature does not verify"
        )),
        "{report}"
    );

    let out = audit(&["--json"], &file);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json is JSON");
    assert_eq!(json["findings"][0]["kind"], "signature");
    assert_eq!(json["findings"][0]["index"], 17);
    assert_eq!(json["signatures_verified"], 29);
}

#[test]
fn unreadable_files_exit_2_with_a_clear_error() {
    let json = serde_json::to_vec(&chain(&agent(1), 10)).unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "truncated.json",
            &json[..json.len() / 2],
            "ends too early (truncated?)",
        ),
        ("empty.json", b"", "the file is empty"),
        (
            "binary.json",
            &[0xff, 0xfe, 0x00, 0x12],
            "it is not valid JSON",
        ),
        (
            "other.json",
            br#"{"hello": "world"}"#,
            "it is not a chain export",
        ),
    ];
    for (name, bytes, message) in cases {
        let out = audit(&[], &write(name, bytes));
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = text(&out.stderr);
        assert!(err.contains(name) && err.contains(message), "{name}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = audit(&[], &dir().join("no-such-file.json"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read"));
}
