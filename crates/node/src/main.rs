//! `ovn-node`: a local OVN node. It embeds the Holochain 0.7 conductor (the same compiled crate
//! the Sweettests run), installs `workdir/ovn.happ` on first start, and serves the web UI on
//! 127.0.0.1 with everything the page needs to reach its conductor.
//!
//! The conductor is built with exactly the features the Sweettests use (`test_utils`,
//! `wasmer-sys-cranelift`, no defaults), so the node and the tests share one compiled
//! `holochain` (what the node adds to the build: see docs/figures.md). Every dependency of the
//! node asks only for features already on in that graph (clap without `env`, axum without
//! defaults): one more feature anywhere would recompile the conductor.
//!
//! ```text
//! ovn-node [--data-dir DIR] [--port 8888] [--agents N] [--network-seed SEED]
//!          [--bootstrap-url URL] [--relay-url URL] [--happ FILE] [--ui DIR]
//!          [--invitation TEXT]
//! ovn-node key            # agent 1's key (made now if new): for an invitation, or a fork
//! ovn-node invite KEY     # the progenitor of an invite-only network invites KEY
//! ```
//!
//! Without network flags the node runs its own bootstrap and relay server on 127.0.0.1, so one
//! machine works offline; another node joins it with `--bootstrap-url` (the relay defaults to
//! the same server). `--agents N` starts N agents in one process, each with its own conductor,
//! keystore and UI port, so a newcomer can watch their records replicate.
//!
//! # Layout
//! - `main`: the process (TLS provider, logging, async runtime, exit status) and progress lines.
//! - [`cli`]: the arguments, and the hApp bundle and UI they name (or the built defaults).
//! - [`data_dir`]: the data directory (private, locked) and each agent's keystore passphrase.
//! - [`network`]: the bootstrap and relay servers: the given ones, or a local one.
//! - [`lifecycle`]: start-up order, the wait for Ctrl-C or SIGTERM, and the clean shutdown.
//! - [`agent`]: one agent's conductor: checks, warm-up, app interface.
//! - [`joining`]: the first start's install: the agent's key, an invitation, a refusal.
//! - [`web`]: the UI server; `web/sign`: the zome-call signing endpoint the page uses.

mod agent;
mod cli;
mod data_dir;
mod joining;
mod lifecycle;
mod network;
mod web;

use anyhow::Context;
use clap::Parser;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The installed app's id, in every agent's conductor.
pub const APP_ID: &str = "ovn";
/// The hApp's one role (`workdir/happ.yaml`).
pub const ROLE: &str = "ovn";

fn main() -> ExitCode {
    no_openssl_cleanup_at_exit();
    // Both rustls providers are compiled into the conductor, so rustls cannot pick one itself.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    if std::env::var_os("RUST_LOG").is_some() {
        let _ = holochain_trace::init_fmt(holochain_trace::Output::Log);
    }
    let args = cli::Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("ovn-node: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(lifecycle::run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ovn-node: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Prints one line of progress.
pub fn say(message: impl std::fmt::Display) {
    println!("ovn-node: {message}");
}

/// Runs `work`, printing `label` first and the time spent so far every 10 s until it is done.
pub async fn with_progress<T>(label: &str, work: impl std::future::Future<Output = T>) -> T {
    say(label);
    let started = Instant::now();
    let mut work = std::pin::pin!(work);
    let mut ticks = tokio::time::interval_at(
        tokio::time::Instant::now() + Duration::from_secs(10),
        Duration::from_secs(10),
    );
    loop {
        tokio::select! {
            done = &mut work => return done,
            _ = ticks.tick() => say(format!("  … still at it ({} s)", started.elapsed().as_secs())),
        }
    }
}

/// 32 random bytes as hex (a passphrase, a secret); `what` names it if there is no randomness.
pub fn random_hex(what: &str) -> anyhow::Result<String> {
    let mut random = [0u8; 32];
    getrandom::getrandom(&mut random).with_context(|| format!("no randomness for {what}"))?;
    Ok(random.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// Asks OpenSSL not to clean up in an `atexit` handler, which races the conductor's threads
/// at exit (the same call keeps the Sweettest processes from crashing: see `tests/src/main.rs`).
fn no_openssl_cleanup_at_exit() {
    const OPENSSL_INIT_NO_ATEXIT: u64 = 0x0008_0000;
    extern "C" {
        fn OPENSSL_init_crypto(opts: u64, settings: *const std::ffi::c_void) -> std::ffi::c_int;
    }
    // SAFETY: OpenSSL's documented initialisation call, with no settings, before any other use.
    unsafe {
        OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, std::ptr::null());
    }
}
