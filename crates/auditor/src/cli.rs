//! The command line: `ovn-audit [--json] [--quiet] FILE`. Exit status 0 only when nothing is
//! found, 1 when something is, 2 when the file cannot be read as an export.

use crate::{read_export, report, verify};
use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::path::PathBuf;

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
        Err(e) => {
            let _ = write!(
                if e.use_stderr() {
                    err as &mut dyn Write
                } else {
                    out
                },
                "{e}"
            );
            return if e.use_stderr() { UNREADABLE } else { CLEAN };
        }
    };
    let name = args.file.display().to_string();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map(|_| buf)
    } else {
        std::fs::read(&args.file)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(err, "ovn-audit: cannot read {name}: {e}");
            return UNREADABLE;
        }
    };
    let export = match read_export(&bytes) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "ovn-audit: {name}: {e}");
            return UNREADABLE;
        }
    };
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::with_draw_target(
            Some(export.actions.len() as u64),
            ProgressDrawTarget::stderr(),
        );
        bar.set_style(
            ProgressStyle::with_template(
                "{msg} [{bar:40}] {pos}/{len} actions ({per_sec}, {eta} left)",
            )
            .expect("a valid template")
            .progress_chars("=> "),
        );
        bar.set_message("verifying");
        bar
    };
    let verification = verify::verify(&export, |done| bar.set_position(done as u64));
    bar.finish_and_clear();
    let written = if args.json {
        serde_json::to_writer_pretty(&mut *out, &verification)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        write!(out, "{}", report::render(&name, &verification))
    };
    if let Err(e) = written {
        let _ = writeln!(err, "ovn-audit: cannot write the report: {e}");
        return UNREADABLE;
    }
    if verification.is_clean() {
        CLEAN
    } else {
        FINDINGS
    }
}
