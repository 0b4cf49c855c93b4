//! The command line: `ovn-audit [--json] [--quiet] FILE`. Exit status 0 only when nothing is
//! found, 1 when something is, 2 when the file cannot be read as an export (empty, truncated,
//! not JSON, not an export, missing: each named). On a terminal, a progress bar (indicatif) on
//! stderr.

use crate::verify::{self, Verification};
use crate::{read_export, report};
use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ovn_domain::export::ChainExport;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit status: nothing found.
pub const CLEAN: i32 = 0;
/// Exit status: findings.
pub const FINDINGS: i32 = 1;
/// Exit status: the file could not be read as an export (or bad arguments).
pub const UNREADABLE: i32 = 2;

/// Verifies an OVN chain export offline: every signature over the exact signed bytes, every
/// action and entry hash, sequence numbers, links and genesis, timestamps, then the protocol's
/// rules. Exits 0 only when nothing is found.
#[derive(Parser, Debug)]
#[command(name = "ovn-audit", version)]
pub struct Args {
    /// The export (`ovn-chain-export/1` JSON, from the audit zome's export_chain); `-` reads stdin.
    pub file: PathBuf,
    /// Print the verification as JSON instead of the report.
    #[arg(long)]
    pub json: bool,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs the command line with `args` (the program name first), writing to `out` and `err`;
/// returns the exit status.
pub fn run(
    args: impl IntoIterator<Item = String>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> i32 {
    let args = match Args::try_parse_from(args) {
        Ok(a) => a,
        Err(e) => return refuse_arguments(&e, out, err),
    };
    let name = args.file.display().to_string();
    let export = match read(&args.file, &name) {
        Ok(x) => x,
        Err(message) => {
            let _ = writeln!(err, "ovn-audit: {message}");
            return UNREADABLE;
        }
    };
    let bar = progress_bar(args.quiet, export.actions.len());
    let verification = verify::verify(&export, |done| bar.set_position(done as u64));
    bar.finish_and_clear();
    if let Err(e) = write_verification(out, args.json, &name, &verification) {
        let _ = writeln!(err, "ovn-audit: cannot write the report: {e}");
        return UNREADABLE;
    }
    if verification.is_clean() {
        CLEAN
    } else {
        FINDINGS
    }
}

/// Bad arguments go to `err` (status 2); `--help` and `--version` to `out` (status 0).
fn refuse_arguments(e: &clap::Error, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let _ = write!(
        if e.use_stderr() {
            err as &mut dyn Write
        } else {
            out
        },
        "{e}"
    );
    if e.use_stderr() {
        UNREADABLE
    } else {
        CLEAN
    }
}

/// The export in `file` (stdin for `-`), or what is wrong with it, as printed after `ovn-audit: `.
fn read(file: &Path, name: &str) -> Result<ChainExport, String> {
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
    } else {
        std::fs::read(file)
    };
    let bytes = bytes.map_err(|e| format!("cannot read {name}: {e}"))?;
    read_export(&bytes).map_err(|e| format!("{name}: {e}"))
}

/// A bar on stderr over the chain's actions, or a hidden one with `--quiet`.
fn progress_bar(quiet: bool, actions: usize) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(actions as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{msg} [{bar:40}] {pos}/{len} actions ({per_sec}, {eta} left)",
        )
        .expect("a valid template")
        .progress_chars("=> "),
    );
    bar.set_message("verifying");
    bar
}

/// The verification as JSON with `--json`, else the report.
fn write_verification(
    out: &mut impl Write,
    json: bool,
    name: &str,
    verification: &Verification,
) -> std::io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, verification)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        write!(out, "{}", report::render(name, verification))
    }
}
