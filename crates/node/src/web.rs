//! The UI server of each agent, on 127.0.0.1: the built UI, `index.html` with what the page
//! needs to reach its conductor, a status endpoint, and the zome-call signing endpoint.
//!
//! `@holochain/client` reads `window.__HC_LAUNCHER_ENV__` (app interface port, app id, token),
//! as under Kangaroo or hc-spin. Zome calls must be signed by the agent's key, which lives in
//! the node's keystore: the page posts the msgpack-encoded `ZomeCallParams` it built to
//! `/api/sign-zome-call` with the per-process secret injected into the page, and the node signs
//! them only if they are a call by this agent to this agent's OVN cell. Under a launcher the UI
//! uses the launcher's `__HC_ZOME_CALL_SIGNER__` instead.
//!
//! Agent N is served on `--port` + N - 1 (0: free ports), `ui/dist` as built; `index.html` gets
//! `window.__HC_LAUNCHER_ENV__` and `window.__OVN_NODE__` (the signing endpoint and the secret)
//! injected after `<head>`; `/api/status` gives the agent, DNA hash, port and seed. Every
//! request must name the server as `127.0.0.1:PORT` or `localhost:PORT` in `Host`, so a page of
//! another site whose DNS name was rebound to 127.0.0.1 gets neither page nor token; every
//! response forbids framing (`X-Frame-Options: DENY`, `frame-ancestors 'none'`) and sniffing.
//! Any local user who can open the page can act as the agent (README).

mod sign;

use crate::agent::Agent;
use crate::say;
use anyhow::Context;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::future::Future;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// What one agent's UI server knows.
struct Site {
    agent: Agent,
    ui_dir: PathBuf,
    /// Proves to the signing endpoint that a request comes from a page this node served.
    secret: String,
    /// The `Host` headers accepted: this port on 127.0.0.1 or localhost (no DNS rebinding).
    hosts: [String; 2],
}

/// Binds each agent's UI port on 127.0.0.1: agent N on `first_port + N - 1`, or free ports.
pub async fn bind(agents: u16, first_port: u16) -> anyhow::Result<Vec<tokio::net::TcpListener>> {
    let mut listeners = Vec::new();
    for index in 1..=agents {
        let port = match first_port {
            0 => 0,
            port => port
                .checked_add(index - 1)
                .with_context(|| format!("--port {first_port} leaves no port for agent {index}"))?,
        };
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .with_context(|| {
                format!("cannot serve agent {index}'s UI on 127.0.0.1:{port} (in use? give --port)")
            })?;
        listeners.push(listener);
    }
    Ok(listeners)
}

/// Serves every agent's UI on its listener until `stop` resolves, then closes the servers.
pub async fn serve(
    listeners: Vec<tokio::net::TcpListener>,
    agents: &[Agent],
    ui_dir: &Path,
    stop: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let (stopping, stopped) = tokio::sync::watch::channel(false);
    let mut servers = tokio::task::JoinSet::new();
    let mut urls = Vec::new();
    for (listener, agent) in listeners.into_iter().zip(agents) {
        let port = listener.local_addr()?.port();
        let router = router(Arc::new(site(agent, ui_dir, port)?));
        let mut stopped = stopped.clone();
        servers.spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async move {
                    let _ = stopped.wait_for(|stop| *stop).await;
                })
                .await
        });
        let url = format!("http://127.0.0.1:{port}/");
        say(format!(
            "agent {} ({}) UI at {url}",
            agent.index, agent.agent_key
        ));
        urls.push(url);
    }
    say(format!(
        "ready: open {} in your browser. Ctrl-C stops the node.",
        urls.join(" and ")
    ));
    tokio::select! {
        _ = stop => {}
        Some(ended) = servers.join_next() => {
            ended?.context("a UI server stopped")?;
        }
    }
    say("stopping: closing the UI servers");
    let _ = stopping.send(true);
    while let Some(ended) = servers.join_next().await {
        ended?.context("a UI server failed while stopping")?;
    }
    Ok(())
}

fn site(agent: &Agent, ui_dir: &Path, port: u16) -> anyhow::Result<Site> {
    Ok(Site {
        agent: agent.clone(),
        ui_dir: ui_dir.to_path_buf(),
        secret: crate::random_hex("the signing secret")?,
        hosts: [format!("127.0.0.1:{port}"), format!("localhost:{port}")],
    })
}

/// One agent's routes, every request through [`guard`].
fn router(site: Arc<Site>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/index.html", get(index))
        .route("/api/status", get(status))
        // The handler reads the body itself, naming its own limit: sign::MAX_CALL_BYTES.
        .route("/api/sign-zome-call", post(sign::sign_zome_call))
        .fallback(get(file))
        .layer(axum::middleware::from_fn_with_state(site.clone(), guard))
        .with_state(site)
}

/// Every request: only under this server's own loopback name (a page of another site that
/// rebinds its DNS name to 127.0.0.1 sends its own name and is refused), and no response may be
/// framed by another site (the page holds the token and the signing secret) or sniffed.
async fn guard(State(site): State<Arc<Site>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|host| host.to_str().ok());
    let mut response = match host {
        Some(host) if site.hosts.iter().any(|ok| ok == host) => next.run(request).await,
        _ => refuse(
            StatusCode::FORBIDDEN,
            format!("open the UI at http://{}/", site.hosts[0]),
        ),
    };
    let headers = response.headers_mut();
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("frame-ancestors 'none'"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn refuse(status: StatusCode, message: impl Into<String>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message.into(),
    )
        .into_response()
}

async fn index(State(site): State<Arc<Site>>) -> Response {
    let path = site.ui_dir.join("index.html");
    let html = match tokio::fs::read_to_string(&path).await {
        Ok(html) => html,
        Err(error) => {
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("cannot read {}: {error}", path.display()),
            )
        }
    };
    let token: Vec<String> = site.agent.token.iter().map(u8::to_string).collect();
    let script = format!(
        "<script>window.__HC_LAUNCHER_ENV__={{APP_INTERFACE_PORT:{},INSTALLED_APP_ID:\"{}\",APP_INTERFACE_TOKEN:[{}]}};\
         window.__OVN_NODE__={{signUrl:\"/api/sign-zome-call\",secret:\"{}\",agent:{},maxCallBytes:{}}};</script>",
        site.agent.app_port,
        crate::APP_ID,
        token.join(","),
        site.secret,
        site.agent.index,
        sign::MAX_CALL_BYTES
    );
    let html = match html.find("<head>") {
        Some(at) => format!("{}{script}{}", &html[..at + 6], &html[at + 6..]),
        None => format!("{script}{html}"),
    };
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

async fn status(State(site): State<Arc<Site>>) -> Response {
    axum::Json(serde_json::json!({
        "agent": site.agent.index,
        "agent_key": site.agent.agent_key.to_string(),
        "dna_hash": site.agent.cell_id.dna_hash().to_string(),
        "app_id": crate::APP_ID,
        "app_interface_port": site.agent.app_port,
        "network_seed": site.agent.network_seed,
    }))
    .into_response()
}

/// A file of the built UI; the path may not leave the UI directory.
async fn file(State(site): State<Arc<Site>>, uri: Uri) -> Response {
    let relative = uri.path().trim_start_matches('/');
    let safe = Path::new(relative)
        .components()
        .all(|part| matches!(part, Component::Normal(_)));
    if relative.is_empty() || !safe {
        return refuse(
            StatusCode::NOT_FOUND,
            format!("no such file: {}", uri.path()),
        );
    }
    let path = site.ui_dir.join(relative);
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let kind = HeaderValue::from_static(content_type(&path));
            ([(header::CONTENT_TYPE, kind)], bytes).into_response()
        }
        Err(_) => refuse(
            StatusCode::NOT_FOUND,
            format!("no such file: {}", uri.path()),
        ),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "wasm" => "application/wasm",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
