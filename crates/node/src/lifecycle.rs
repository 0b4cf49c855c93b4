//! The node from start to clean stop: start-up in an order that says what is wrong early, the
//! agents started one by one, the UI served until Ctrl-C or SIGTERM, then every conductor and
//! the local server shut down and waited for.
//!
//! Ctrl-C and SIGTERM are caught from the first moment: during start-up the agent being started
//! finishes (an install is never cut off halfway) and the rest are not started; once serving,
//! the UI servers close gracefully. Then every conductor is shut down and awaited, then the
//! local bootstrap server; the exit status is 0 only when all of that succeeded. A second signal
//! exits at once (status 130). The UI ports are bound before the first agent starts, so a port
//! in use is said at once. (OpenSSL's `atexit` cleanup is switched off first thing, in `main`.)

use crate::agent::{self, Agent, Happ};
use crate::cli::{self, Args};
use crate::network::{self, Network};
use crate::{data_dir, say, web};
use anyhow::{bail, Context};
use std::path::Path;
use tokio::sync::watch;

/// Runs the node until a stop signal, then shuts it down; an error says what stopped it.
pub async fn run(args: Args) -> anyhow::Result<()> {
    let stop = stop_on_signal();
    let data_dir = data_dir::resolve(args.data_dir)?;
    data_dir::private_dir(&data_dir)?;
    let _lock = data_dir::lock(&data_dir)?;
    say(format!("data directory {}", data_dir.display()));
    let (happ, ui_dir) = cli::happ_and_ui(args.happ, args.ui)?;
    // The UI ports first: a port in use is said at once, not after the first start's minute.
    let listeners = web::bind(args.agents, args.port).await?;

    let (local_server, network) = network::join(args.bootstrap_url, args.relay_url).await?;
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
        Ok(true) => web::serve(listeners, &agents, &ui_dir, stop_requested(stop.clone())).await,
        Ok(false) => Ok(()),
        Err(error) => Err(error),
    };
    say("stopping: shutting the conductors down");
    let stopped = shut_down(agents).await;
    let local_server_stopped = network::stop_local_server(local_server).await;
    served?;
    stopped?;
    local_server_stopped?;
    say("stopped cleanly");
    Ok(())
}

/// Catches Ctrl-C and SIGTERM from the start: during start-up the agent being started finishes
/// (genesis is not cut off), then everything stops; a second signal exits at once.
fn stop_on_signal() -> watch::Receiver<bool> {
    let (stop_sender, stop) = watch::channel(false);
    tokio::spawn(async move {
        stop_signal().await;
        let _ = stop_sender.send(true);
        stop_signal().await;
        eprintln!("ovn-node: a second stop signal: exiting at once");
        std::process::exit(130);
    });
    stop
}

/// Resolves once a stop is asked for.
async fn stop_requested(mut stop: watch::Receiver<bool>) {
    let _ = stop.wait_for(|stop| *stop).await;
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

/// Starts the agents one after the other; `Ok(false)` when a stop signal came meanwhile (the
/// agent being started finishes first, so that no install is cut off halfway).
async fn start_agents(
    agents: &mut Vec<Agent>,
    count: u16,
    data_dir: &Path,
    happ: &Happ,
    network: &Network,
    network_seed: Option<&str>,
    mut stop: watch::Receiver<bool>,
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
async fn shut_down(agents: Vec<Agent>) -> anyhow::Result<()> {
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
