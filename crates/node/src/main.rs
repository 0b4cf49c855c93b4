//! `ovn-node`: a local OVN node. It embeds the Holochain 0.7 conductor (the same compiled crate
//! the Sweettests run), installs `workdir/ovn.happ` on first start, and serves the web UI on
//! 127.0.0.1 with everything the page needs to reach its conductor.
//!
//! ```text
//! ovn-node [--data-dir DIR] [--port 8888] [--agents N] [--network-seed SEED]
//!          [--bootstrap-url URL] [--relay-url URL] [--happ FILE] [--ui DIR]
//! ```
//!
//! Without network flags the node runs its own bootstrap and relay server on 127.0.0.1, so one
//! machine works offline; another node joins it with `--bootstrap-url` (the relay defaults to
//! the same server). `--agents N` starts N agents in one process, each with its own conductor,
//! keystore and UI port, so a newcomer can watch their records replicate.
//!
//! # Layout
//! - `main`: arguments, start-up order, the wait for Ctrl-C or SIGTERM, and the clean shutdown.
//! - [`agent`]: one agent's conductor: data directory, passphrase, install, app interface.
//! - [`web`]: the UI server and the zome-call signing endpoint the page uses.

mod agent;
mod web;

use anyhow::{bail, Context};
use clap::Parser;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The installed app's id, in every agent's conductor.
pub const APP_ID: &str = "ovn";
/// The UI port when none is given; agent N is served on this port + N - 1.
const DEFAULT_PORT: u16 = 8888;

#[derive(Parser, Debug)]
#[command(
    name = "ovn-node",
    version,
    about = "Runs a local OVN node (an embedded Holochain conductor) and serves its web UI."
)]
struct Args {
    /// Where the node keeps its keys and databases [default: $OVN_DATA_DIR, else the user's
    /// data directory + /ovn]
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// UI port on 127.0.0.1 of agent 1; agent N gets PORT + N - 1; 0 picks free ports
    #[arg(long, default_value_t = DEFAULT_PORT)]
    port: u16,
    /// How many agents to run in this process, each its own conductor and UI
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=16))]
    agents: u16,
    /// Joins a separate network with this seed (a new DNA hash); fixed at first start
    #[arg(long)]
    network_seed: Option<String>,
    /// Bootstrap server of the network to join [default: the --relay-url if given, else a
    /// local bootstrap and relay server this node runs]
    #[arg(long, value_name = "URL")]
    bootstrap_url: Option<String>,
    /// Relay server [default: the bootstrap server, which relays too]
    #[arg(long, value_name = "URL")]
    relay_url: Option<String>,
    /// The hApp bundle to install on first start [default: workdir/ovn.happ]
    #[arg(long, value_name = "FILE")]
    happ: Option<PathBuf>,
    /// The built UI to serve [default: ui/dist]
    #[arg(long, value_name = "DIR")]
    ui: Option<PathBuf>,
}

fn main() -> ExitCode {
    no_openssl_cleanup_at_exit();
    // Both rustls providers are compiled into the conductor, so rustls cannot pick one itself.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    if std::env::var_os("RUST_LOG").is_some() {
        let _ = holochain_trace::init_fmt(holochain_trace::Output::Log);
    }
    let args = Args::parse();
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
    match runtime.block_on(run(args)) {
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

async fn run(args: Args) -> anyhow::Result<()> {
    // Ctrl-C and SIGTERM are caught from the start: during start-up the agent being started
    // finishes (genesis is not cut off), then everything stops; a second signal exits at once.
    let (stop_sender, stop) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        stop_signal().await;
        let _ = stop_sender.send(true);
        stop_signal().await;
        eprintln!("ovn-node: a second stop signal: exiting at once");
        std::process::exit(130);
    });

    let data_dir = data_dir(args.data_dir)?;
    private_dir(&data_dir)?;
    let _lock = lock(&data_dir)?;
    say(format!("data directory {}", data_dir.display()));

    let path = locate(args.happ, "workdir/ovn.happ", "the hApp bundle")?;
    let bytes = std::fs::read(&path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .into();
    let happ = agent::Happ { path, bytes };
    let ui_dir = locate(args.ui, "ui/dist", "the built UI")?;
    if !ui_dir.join("index.html").is_file() {
        bail!(
            "{} has no index.html: build the UI with scripts/build",
            ui_dir.display()
        );
    }
    // The UI ports first: a port in use is said at once, not after the first start's minute.
    let listeners = web::bind(args.agents, args.port).await?;

    let (rendezvous, network) = network(args.bootstrap_url, args.relay_url).await?;
    let mut agents = Vec::new();
    let started = start_agents(
        &mut agents,
        args.agents,
        &data_dir,
        &happ,
        &network,
        args.network_seed.as_deref(),
        stop.clone(),
    )
    .await;
    let served = match started {
        Ok(true) => {
            let mut stop = stop.clone();
            let stopping = async move {
                let _ = stop.wait_for(|stop| *stop).await;
            };
            web::serve(listeners, &agents, &ui_dir, stopping).await
        }
        Ok(false) => Ok(()),
        Err(error) => Err(error),
    };
    say("stopping: shutting the conductors down");
    let stopped = shut_down(agents).await;
    let bootstrap_stopped = match rendezvous {
        Some(mut rendezvous) => tokio::task::spawn_blocking(move || rendezvous.shutdown())
            .await
            .map_err(anyhow::Error::from)
            .and_then(|stopped| stopped.context("the local bootstrap server did not stop cleanly")),
        None => Ok(()),
    };
    served?;
    stopped?;
    bootstrap_stopped?;
    say("stopped cleanly");
    Ok(())
}

/// Starts the agents one after the other; `Ok(false)` when a stop signal came meanwhile (the
/// agent being started finishes first, so that no install is cut off halfway).
async fn start_agents(
    agents: &mut Vec<agent::Agent>,
    count: u16,
    data_dir: &Path,
    happ: &agent::Happ,
    network: &agent::Network,
    network_seed: Option<&str>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<bool> {
    for index in 1..=count {
        if *stop.borrow() {
            return Ok(false);
        }
        let dir = data_dir.join(format!("agent-{index}"));
        let start = agent::start(index, &dir, happ, network, network_seed);
        let mut start = std::pin::pin!(start);
        let mut told = false;
        let agent = loop {
            tokio::select! {
                agent = &mut start => break agent,
                _ = stop.wait_for(|stop| *stop), if !told => {
                    told = true;
                    say(format!(
                        "stopping once agent {index} has finished starting (a second Ctrl-C exits at once)"
                    ));
                }
            }
        };
        agents.push(agent.with_context(|| format!("agent {index} ({})", dir.display()))?);
    }
    Ok(!*stop.borrow())
}

/// Shuts every conductor down and waits for all of them (a dropped conductor only schedules it).
async fn shut_down(agents: Vec<agent::Agent>) -> anyhow::Result<()> {
    let tasks: Vec<_> = agents
        .into_iter()
        .map(|agent| (agent.index, agent.conductor.shutdown()))
        .collect();
    let mut failed = Vec::new();
    for (index, task) in tasks {
        match task.await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => failed.push(format!("agent {index}: {error}")),
            Err(error) => failed.push(format!("agent {index}: {error}")),
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        bail!(
            "conductors did not shut down cleanly: {}",
            failed.join("; ")
        )
    }
}

/// Resolves on Ctrl-C or SIGTERM (what service managers and test harnesses send).
async fn stop_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = ctrl_c => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = ctrl_c.await;
        }
    }
}

/// The network every agent joins: the given servers, or a local bootstrap and relay server.
async fn network(
    bootstrap: Option<String>,
    relay: Option<String>,
) -> anyhow::Result<(Option<kitsune2_bootstrap_srv::BootstrapSrv>, agent::Network)> {
    let (server, bootstrap, relay) = match (bootstrap, relay) {
        (None, None) => {
            let config = kitsune2_bootstrap_srv::Config::testing();
            let server = tokio::task::spawn_blocking(move || {
                kitsune2_bootstrap_srv::BootstrapSrv::new(config)
            })
            .await?
            .context("cannot start the local bootstrap and relay server")?;
            let url = format!("http://{}", server.listen_addrs()[0]);
            say(format!(
                "local bootstrap and relay server at {url} (another node on this machine joins with --bootstrap-url {url})"
            ));
            (Some(server), url.clone(), url)
        }
        (Some(bootstrap), None) => (None, bootstrap.clone(), bootstrap),
        (None, Some(relay)) => (None, relay.clone(), relay),
        (Some(bootstrap), Some(relay)) => (None, bootstrap, relay),
    };
    let parse = |what: &str, url: &str| {
        url2::Url2::try_parse(url).map_err(|error| anyhow::anyhow!("--{what}-url {url:?}: {error}"))
    };
    let network = agent::Network {
        bootstrap: parse("bootstrap", &bootstrap)?,
        relay: parse("relay", &relay)?,
    };
    Ok((server, network))
}

/// `--data-dir`, else `$OVN_DATA_DIR`, else the user's data directory + `/ovn`.
fn data_dir(given: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os("OVN_DATA_DIR").filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|dir| dir.join("ovn"))
        .context("no user data directory is known here: give --data-dir or set OVN_DATA_DIR")
}

/// Creates `dir` (and its parents) readable by its owner only, and warns when an existing one is
/// readable by others: this build keeps the databases unencrypted.
pub fn private_dir(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        say(format!(
            "warning: {} can be read by other users (mode {mode:o}); `chmod 700` it to keep your data private",
            dir.display()
        ));
    }
    Ok(())
}

/// One node per data directory: a second one would open the same databases and keystore.
fn lock(data_dir: &Path) -> anyhow::Result<File> {
    let path = data_dir.join("node.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "another ovn-node is already running on {}: stop it, or give this one another --data-dir",
            data_dir.display()
        ),
        Err(std::fs::TryLockError::Error(error)) => {
            Err(error).with_context(|| format!("cannot lock {}", path.display()))
        }
    }
}

/// The given path, else `default` relative to the working directory or to the repository the
/// binary was built in (`target/debug/ovn-node` → the repository root).
fn locate(given: Option<PathBuf>, default: &str, what: &str) -> anyhow::Result<PathBuf> {
    if let Some(path) = given {
        if path.exists() {
            return Ok(path);
        }
        bail!("{what} {} does not exist", path.display());
    }
    let mut candidates = vec![PathBuf::from(default)];
    if let Ok(exe) = std::env::current_exe() {
        if let Some(root) = exe.ancestors().nth(3) {
            candidates.push(root.join(default));
        }
    }
    candidates
        .into_iter()
        .find(|path| path.exists())
        .with_context(|| format!("{what} ({default}) is not built yet: run scripts/build first"))
}

/// Asks OpenSSL not to clean up in an `atexit` handler, which races the conductor's threads
/// at exit (see ARCHITECTURE.md: the same call keeps the Sweettest processes from crashing).
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
