//! The command line: the arguments, and the files they name (the hApp bundle and the built UI),
//! found beside the working directory or the repository the binary was built in.

use crate::agent::Happ;
use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// The UI port when none is given; agent N is served on this port + N - 1.
const DEFAULT_PORT: u16 = 8888;

#[derive(Parser, Debug)]
#[command(
    name = "ovn-node",
    version,
    about = "Runs a local OVN node (an embedded Holochain conductor) and serves its web UI."
)]
pub struct Args {
    /// Where the node keeps its keys and databases [default: $OVN_DATA_DIR, else the user's
    /// data directory + /ovn]
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// UI port on 127.0.0.1 of agent 1; agent N gets PORT + N - 1; 0 picks free ports
    #[arg(long, default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// How many agents to run in this process, each its own conductor and UI
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=16))]
    pub agents: u16,
    /// Joins a separate network with this seed (a new DNA hash); fixed at first start
    #[arg(long)]
    pub network_seed: Option<String>,
    /// Bootstrap server of the network to join [default: the --relay-url if given, else a
    /// local bootstrap and relay server this node runs]
    #[arg(long, value_name = "URL")]
    pub bootstrap_url: Option<String>,
    /// Relay server [default: the bootstrap server, which relays too]
    #[arg(long, value_name = "URL")]
    pub relay_url: Option<String>,
    /// The hApp bundle to install on first start [default: workdir/ovn.happ]
    #[arg(long, value_name = "FILE")]
    pub happ: Option<PathBuf>,
    /// The built UI to serve [default: ui/dist]
    #[arg(long, value_name = "DIR")]
    pub ui: Option<PathBuf>,
    /// Joins an invite-only network with this invitation (from its progenitor's `ovn-node
    /// invite KEY`, for the key `ovn-node key` prints); needed on the first start only
    #[arg(long, value_name = "TEXT")]
    pub invitation: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What the node does instead of running: the two steps of joining an invite-only network.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Prints agent 1's key (made and kept now if it has none yet), to send to the progenitor
    /// of an invite-only network, or to name as the progenitor in `scripts/fork --membrane
    /// invite-only:KEY`
    Key,
    /// As the progenitor of an invite-only network, prints an invitation for the agent KEY
    /// (agent 1 joins the network first if it has not yet)
    Invite {
        /// The newcomer's agent key, as their `ovn-node key` printed it (uhCAk…)
        key: String,
    },
}

/// The hApp bundle, read, and the UI directory, checked to hold an `index.html`: the given
/// ones, else the built defaults.
pub fn happ_and_ui(happ: Option<PathBuf>, ui: Option<PathBuf>) -> anyhow::Result<(Happ, PathBuf)> {
    let path = locate(happ, "workdir/ovn.happ", "the hApp bundle")?;
    let bytes = std::fs::read(&path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .into();
    let happ = Happ { path, bytes };
    let ui_dir = locate(ui, "ui/dist", "the built UI")?;
    if !ui_dir.join("index.html").is_file() {
        bail!(
            "{} has no index.html: build the UI with scripts/build",
            ui_dir.display()
        );
    }
    Ok((happ, ui_dir))
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
