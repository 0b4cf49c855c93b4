//! The network every agent joins: the bootstrap and relay servers given, or a bootstrap and
//! relay server this node runs on 127.0.0.1 (so one machine works offline) and stops at the end.
//!
//! The local server is `kitsune2_bootstrap_srv`, the server Sweettest's local rendezvous runs;
//! it serves as bootstrap and relay for every agent. A relay at a plain `http://` address (the
//! local one) is allowed explicitly (`relayAllowPlainText`, in each agent's conductor config).
//! `--network-seed` is fixed at a data directory's first start; a different one later is
//! refused ([`crate::agent`]).

use crate::say;
use anyhow::Context;
use kitsune2_bootstrap_srv::BootstrapSrv;

/// The servers every agent's conductor uses to find peers and relay through.
pub struct Network {
    pub bootstrap: url2::Url2,
    pub relay: url2::Url2,
}

/// The given servers (either one stands in for the other), or a local bootstrap and relay
/// server, returned to be stopped at the end.
pub async fn join(
    bootstrap: Option<String>,
    relay: Option<String>,
) -> anyhow::Result<(Option<BootstrapSrv>, Network)> {
    let (server, bootstrap, relay) = match (bootstrap, relay) {
        (None, None) => {
            let (server, url) = start_local_server().await?;
            (Some(server), url.clone(), url)
        }
        (Some(bootstrap), None) => (None, bootstrap.clone(), bootstrap),
        (None, Some(relay)) => (None, relay.clone(), relay),
        (Some(bootstrap), Some(relay)) => (None, bootstrap, relay),
    };
    let parse = |what: &str, url: &str| {
        url2::Url2::try_parse(url).map_err(|error| anyhow::anyhow!("--{what}-url {url:?}: {error}"))
    };
    let network = Network {
        bootstrap: parse("bootstrap", &bootstrap)?,
        relay: parse("relay", &relay)?,
    };
    Ok((server, network))
}

/// A bootstrap and relay server on 127.0.0.1, and its URL.
async fn start_local_server() -> anyhow::Result<(BootstrapSrv, String)> {
    let config = kitsune2_bootstrap_srv::Config::testing();
    let server = tokio::task::spawn_blocking(move || BootstrapSrv::new(config))
        .await?
        .context("cannot start the local bootstrap and relay server")?;
    let url = format!("http://{}", server.listen_addrs()[0]);
    say(format!(
        "local bootstrap and relay server at {url} (another node on this machine joins with --bootstrap-url {url})"
    ));
    Ok((server, url))
}

/// Stops the local server, if this node runs one.
pub async fn stop_local_server(server: Option<BootstrapSrv>) -> anyhow::Result<()> {
    match server {
        Some(mut server) => tokio::task::spawn_blocking(move || server.shutdown())
            .await
            .map_err(anyhow::Error::from)
            .and_then(|stopped| stopped.context("the local bootstrap server did not stop cleanly")),
        None => Ok(()),
    }
}
