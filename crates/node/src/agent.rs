//! One agent: its own conductor (in-process keystore, databases under `<data-dir>/agent-N`),
//! the OVN app installed on first start, and an app interface the UI connects to.
//!
//! First start: the agent's key (the one `ovn-node key` made and kept in `agent-N/agent-key`,
//! else a new one, kept there now), the hApp installed (genesis, with the `--invitation` as
//! membrane proof when given) and enabled, then a call to
//! `members` and one to `contributions`, which make the conductor compile every zome of the DNA
//! now; the compiled modules stay in its wasm database, so a restart skips this. Progress lines
//! come every 10 s while it works. Later starts check the installed DNA against the bundle's
//! (resolved as the conductor resolves it, with the installed seed) and the seed against
//! `--network-seed`, and refuse a mismatch: another data directory runs another network. A
//! coordinator-only rebuild keeps the DNA hash and is not detected. A failure after the
//! conductor started shuts it down before it is reported.
//!
//! One app interface per conductor for app `ovn`, any origin (a connection needs the token).
//! The conductor keeps interfaces in its state and restarts them on a new port each start, and
//! no call removes one, so the node reuses the one it finds instead of adding another. One token
//! per start, multi-use and without expiry: tokens live in the conductor's memory only.

use crate::joining::{install, own_key, Joining};
use crate::network::Network;
use crate::{data_dir, say, with_progress, APP_ID, ROLE};
use anyhow::{bail, Context};
use holochain::conductor::config::{ConductorConfig, KeystoreConfig, NetworkConfig};
use holochain::conductor::paths::DataRootPath;
use holochain::conductor::{Conductor, ConductorHandle};
use holochain::prelude::*;
use holochain_conductor_api::{AppInfo, CellInfo, IssueAppAuthenticationTokenPayload};
use holochain_types::websocket::AllowedOrigins;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The hApp bundle every agent installs: where it was read from (for messages) and its bytes.
pub struct Happ {
    pub path: std::path::PathBuf,
    pub bytes: bytes::Bytes,
}

/// A started agent.
#[derive(Clone)]
pub struct Agent {
    /// 1-based, as printed.
    pub index: u16,
    pub conductor: ConductorHandle,
    pub agent_key: AgentPubKey,
    pub cell_id: CellId,
    /// The websocket port of the app interface on 127.0.0.1 (and ::1).
    pub app_port: u16,
    /// A token for that interface, valid until the node stops.
    pub token: Vec<u8>,
    pub network_seed: Option<String>,
}

/// Starts agent `index`'s conductor from `dir`, installing the app from `happ` the first time.
pub async fn start(
    index: u16,
    dir: &Path,
    happ: &Happ,
    network: &Network,
    joining: Joining<'_>,
) -> anyhow::Result<Agent> {
    let started = Instant::now();
    let conductor = open(index, dir, network).await?;
    // From here on a failure shuts the conductor down before it is reported: dropping it
    // would only schedule that, and could cut off a write.
    let (info, cell_id, network_seed, app_port, token) =
        match prepare(index, dir, &conductor, happ, joining).await {
            Ok(prepared) => prepared,
            Err(error) => {
                if let Ok(Err(stopped)) = conductor.shutdown().await {
                    say(format!(
                        "agent {index}: the conductor did not stop cleanly: {stopped}"
                    ));
                }
                return Err(error);
            }
        };
    say(format!(
        "agent {index}: started in {:.1} s: agent {}, DNA {}",
        started.elapsed().as_secs_f64(),
        info.agent_pub_key,
        cell_id.dna_hash()
    ));
    Ok(Agent {
        index,
        conductor,
        agent_key: info.agent_pub_key,
        cell_id,
        app_port,
        token,
        network_seed,
    })
}

/// The agent's conductor, its directory private, its keystore unlocked, its databases open.
pub async fn open(index: u16, dir: &Path, network: &Network) -> anyhow::Result<ConductorHandle> {
    data_dir::private_dir(dir)?;
    let passphrase = data_dir::passphrase(dir)?;
    with_progress(
        &format!("agent {index}: opening its keystore and databases"),
        Conductor::builder()
            .config(config(dir, network))
            .passphrase(Some(Arc::new(Mutex::new(sodoken::LockedArray::from(
                passphrase,
            )))))
            .no_print_setup()
            .build(),
    )
    .await
    .context("the conductor did not start")
}

type Prepared = (AppInfo, CellId, Option<String>, u16, Vec<u8>);

/// The app installed (first start) or found, checked against what was asked, warmed up, and
/// reachable through an app interface with a token.
async fn prepare(
    index: u16,
    dir: &Path,
    conductor: &ConductorHandle,
    happ: &Happ,
    joining: Joining<'_>,
) -> anyhow::Result<Prepared> {
    let network_seed = joining.network_seed;
    let info = installed(index, dir, conductor, happ, joining).await?;
    let (cell_id, installed_seed) = provisioned_cell(&info)?;
    check_network(happ, &cell_id, installed_seed.as_deref(), network_seed).await?;
    warm_up(index, conductor, &info.agent_pub_key, &cell_id).await;
    let app_port = app_interface(conductor).await?;
    let token = conductor
        .issue_app_authentication_token(
            IssueAppAuthenticationTokenPayload::for_installed_app_id(APP_ID.to_string())
                .expiry_seconds(0)
                .single_use(false),
        )?
        .token;
    Ok((info, cell_id, installed_seed, app_port, token))
}

/// The app as found (enabled if it was not), or installed now on the first start.
async fn installed(
    index: u16,
    dir: &Path,
    conductor: &ConductorHandle,
    happ: &Happ,
    joining: Joining<'_>,
) -> anyhow::Result<AppInfo> {
    match app_info(conductor).await? {
        Some(info) => {
            if !matches!(info.status, AppStatus::Enabled) {
                conductor.clone().enable_app(APP_ID.to_string()).await?;
            }
            if joining.invitation.is_some() {
                say(format!(
                    "agent {index}: has joined its network already; --invitation is not needed"
                ));
            }
            Ok(info)
        }
        None => {
            let key = own_key(dir, conductor).await?;
            install(index, conductor, &happ.bytes, &key, joining).await?;
            app_info(conductor)
                .await?
                .context("the app was installed but the conductor does not list it")
        }
    }
}

/// The installed cell is of the network asked for (its seed is fixed at first start) and runs
/// the DNA the bundle holds.
async fn check_network(
    happ: &Happ,
    cell_id: &CellId,
    installed_seed: Option<&str>,
    network_seed: Option<&str>,
) -> anyhow::Result<()> {
    if let Some(wanted) = network_seed {
        if installed_seed != Some(wanted) {
            bail!(
                "this data directory joined the network with seed {installed_seed:?}, not {wanted:?}: \
                 a network is fixed at first start; give another --data-dir to join {wanted:?}"
            );
        }
    }
    let bundled = dna_hash_of(&happ.bytes, installed_seed).await?;
    if &bundled != cell_id.dna_hash() {
        bail!(
            "this data directory runs the DNA {} but {} holds {bundled} (rebuilt with other \
             rules, or another network): give another --data-dir to run it, or --happ the bundle \
             this directory was started with",
            cell_id.dna_hash(),
            happ.path.display()
        );
    }
    Ok(())
}

/// The hash of the DNA `happ` installs under `network_seed`, resolved as the conductor does.
async fn dna_hash_of(happ: &bytes::Bytes, network_seed: Option<&str>) -> anyhow::Result<DnaHash> {
    let bundle = AppBundle::unpack(&happ[..]).context("the hApp bundle cannot be read")?;
    let mut manifest = bundle.manifest().to_owned();
    if let Some(seed) = network_seed {
        manifest.set_network_seed(seed.to_string());
    }
    let bundle = AppBundle::from(bundle.into_inner().update_manifest(manifest)?);
    let resolved = bundle
        .resolve_cells(Default::default(), Default::default())
        .await
        .context("the hApp bundle's DNA cannot be resolved")?;
    resolved
        .dnas_to_register
        .first()
        .map(|(dna, _)| dna.dna_hash().clone())
        .context("the hApp bundle has no DNA")
}

fn config(dir: &Path, network: &Network) -> ConductorConfig {
    ConductorConfig {
        data_root_path: Some(DataRootPath::from(dir.join("conductor"))),
        keystore: KeystoreConfig::LairServerInProc { lair_root: None },
        admin_interfaces: None,
        network: NetworkConfig {
            bootstrap_url: network.bootstrap.clone(),
            relay_url: network.relay.clone(),
            // A relay at an http:// address (the local one) speaks plain text, which the
            // transport allows only when told; https relays are unaffected.
            advanced: (network.relay.scheme() == "http")
                .then(|| serde_json::json!({ "irohTransport": { "relayAllowPlainText": true } })),
            ..NetworkConfig::default()
        },
        ..ConductorConfig::default()
    }
}

pub(crate) async fn app_info(conductor: &ConductorHandle) -> anyhow::Result<Option<AppInfo>> {
    Ok(conductor.get_app_info(&APP_ID.to_string()).await?)
}

fn provisioned_cell(info: &AppInfo) -> anyhow::Result<(CellId, Option<String>)> {
    info.cell_info
        .get(ROLE)
        .into_iter()
        .flatten()
        .find_map(|cell| match cell {
            CellInfo::Provisioned(cell) => Some((
                cell.cell_id.clone(),
                Some(cell.dna_modifiers.network_seed.clone()).filter(|seed| !seed.is_empty()),
            )),
            _ => None,
        })
        .context("the installed app has no provisioned `ovn` cell")
}

/// Makes the conductor compile the zomes to native code now (a minute on the first start, kept
/// in its wasm database afterwards) instead of on the UI's first call. The first calls compile
/// every zome of the DNA: the Sweettests' warm-up (`tests/src/compiled_wasm.rs`) checks that
/// all modules are compiled after calls like these.
async fn warm_up(index: u16, conductor: &ConductorHandle, agent: &AgentPubKey, cell_id: &CellId) {
    let calls = [
        ("members", "get_profile"),
        ("contributions", "get_contributions_for_agent"),
    ];
    with_progress(
        &format!("agent {index}: loading the zomes (compiled to native code on first start)"),
        async {
            for (zome, function) in calls {
                // The answer does not matter, only that the zome is compiled to give it.
                let _: Result<(), _> = conductor
                    .easy_call_zome(agent, None, cell_id.clone(), zome, function, agent.clone())
                    .await;
            }
        },
    )
    .await;
}

/// The app interface for the UI: the one this conductor restarted, or a new one. Interfaces
/// are kept in the conductor's state and restarted on every start (on a new free port), and
/// no call removes one, so one is reused rather than another added each start.
async fn app_interface(conductor: &ConductorHandle) -> anyhow::Result<u16> {
    let existing = conductor
        .list_app_interfaces()
        .await?
        .into_iter()
        .find(|interface| interface.installed_app_id.as_deref() == Some(APP_ID));
    if let Some(interface) = existing {
        return Ok(interface.port);
    }
    // Any origin: a connection needs the token, which only the page this node serves holds.
    Ok(conductor
        .clone()
        .add_app_interface(
            either::Either::Left(0),
            None,
            AllowedOrigins::Any,
            Some(APP_ID.to_string()),
        )
        .await?)
}
