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
use crate::cli::{self, Args, Command};
use crate::joining::{self, Joining};
use crate::network::{self, Network};
use crate::{data_dir, say, web};
use anyhow::{bail, Context};
use ovn_domain::members::invitation::invitation_proof;
use std::path::Path;
use tokio::sync::watch;

/// Runs the node until a stop signal, then shuts it down; an error says what stopped it. With a
/// command, does that instead.
pub async fn run(mut args: Args) -> anyhow::Result<()> {
    match args.command.take() {
        Some(Command::Key) => return print_key(args).await,
        Some(Command::Invite { key }) => return invite(args, &key).await,
        None => {}
    }
    let stop = stop_on_signal();
    let data_dir = data_dir::resolve(args.data_dir)?;
    data_dir::private_dir(&data_dir)?;
    let _lock = data_dir::lock(&data_dir)?;
    say(format!("data directory {}", data_dir.display()));
    let (happ, ui_dir) = cli::happ_and_ui(args.happ, args.ui)?;
    let invitation = args
        .invitation
        .as_deref()
        .map(invitation_proof)
        .transpose()
        .context("--invitation")?;
    let joining = Joining {
        network_seed: args.network_seed.as_deref(),
        invitation: invitation.as_deref(),
    };
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
        joining,
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
    joining: Joining<'_>,
    mut stop: watch::Receiver<bool>,
) -> anyhow::Result<bool> {
    for index in 1..=count {
        if *stop.borrow() {
            return Ok(false);
        }
        let dir = data_dir.join(format!("agent-{index}"));
        // An invitation is for one key: agent 1's.
        let joining = Joining {
            invitation: joining.invitation.filter(|_| index == 1),
            ..joining
        };
        let start = agent::start(index, &dir, happ, network, joining);
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

/// `ovn-node key`: agent 1's key, made and kept now if it has none yet, printed alone on the
/// last line (for a script to read).
async fn print_key(args: Args) -> anyhow::Result<()> {
    let data_dir = data_dir::resolve(args.data_dir)?;
    data_dir::private_dir(&data_dir)?;
    let _lock = data_dir::lock(&data_dir)?;
    let (local_server, network) = network::join(args.bootstrap_url, args.relay_url).await?;
    let dir = data_dir.join("agent-1");
    let conductor = agent::open(1, &dir, &network).await?;
    let key = joining::own_key(&dir, &conductor).await;
    let stopped = conductor.shutdown().await;
    network::stop_local_server(local_server).await?;
    let key = key?;
    stopped
        .context("the conductor did not stop")?
        .context("the conductor did not stop cleanly")?;
    say(format!(
        "agent 1 of {} has this key: give it to the progenitor of the network you join (they \
         run `ovn-node invite KEY`), or name it in `scripts/fork --membrane invite-only:KEY`",
        data_dir.display()
    ));
    println!("{key}");
    Ok(())
}

/// `ovn-node invite KEY`: agent 1, the progenitor of an invite-only network, signs an
/// invitation for KEY (joining the network first if it has not yet), printed alone on the last
/// line.
async fn invite(args: Args, key: &str) -> anyhow::Result<()> {
    let invitee = holochain::prelude::AgentPubKey::try_from(key.trim()).map_err(|_| {
        anyhow::anyhow!("{key:?} is not an agent key (uhCAk…, as `ovn-node key` prints it)")
    })?;
    let data_dir = data_dir::resolve(args.data_dir)?;
    data_dir::private_dir(&data_dir)?;
    let _lock = data_dir::lock(&data_dir)?;
    let (happ, _) = cli::happ_and_ui(args.happ, args.ui)?;
    let (local_server, network) = network::join(args.bootstrap_url, args.relay_url).await?;
    let joining = Joining {
        network_seed: args.network_seed.as_deref(),
        invitation: None,
    };
    let started = agent::start(1, &data_dir.join("agent-1"), &happ, &network, joining).await;
    let text = match &started {
        Ok(agent) => agent
            .conductor
            .easy_call_zome::<_, String, _>(
                &agent.agent_key,
                None,
                agent.cell_id.clone(),
                "members",
                "invite",
                invitee.clone(),
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}")),
        Err(_) => Err(anyhow::anyhow!("agent 1 did not start")),
    };
    let stopped = match started {
        Ok(agent) => shut_down(vec![agent]).await,
        Err(error) => Err(error),
    };
    network::stop_local_server(local_server).await?;
    stopped?;
    let text = text.context("issuing the invitation")?;
    say(format!(
        "an invitation for {invitee}: they start their node once with --invitation and this text"
    ));
    println!("{text}");
    Ok(())
}
