//! `ovn-node` as a user runs it: the real binary (`target/debug/ovn-node`, built by
//! scripts/build) started on a fresh data directory, its UI and endpoints read over HTTP, zome
//! calls made the way the UI makes them (the app interface and token from the served page,
//! each call signed by the node's signing endpoint), then stopped with Ctrl-C's signal and
//! started again on the same directory: same agent, same data. Refused on the way: a request
//! under another `Host`, the signing endpoint's calls for another agent, cell or page, a second
//! node on the same directory, and a restart with another network seed or another DNA. A stop
//! signal during the first install lets it finish, then stops; the next start finds it. The
//! web-hApp holds `workdir/ovn.happ` and `ui/dist.zip`, index.html and icon.png at its root.
//!
//! And `ovn-pack fork`: a community's constitution in a new DNA whose properties every
//! validator decodes, with the DNA hash it prints; a refused constitution writes nothing. An
//! invite-only fork run as its members run it: `ovn-node key`, `ovn-node invite KEY`, and
//! `--invitation`.

use crate::common::repo_root;
use holochain::conductor::api::{
    AppAuthenticationRequest, AppRequest, AppResponse, ZomeCallParamsSigned,
};
use holochain::prelude::*;
use holochain::sweettest::{websocket_client_by_port, SweetDnaFile, WsPollRecv};
use members::profiles::CreateProfileInput;
use ovn_domain::NetworkConstitution;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The binaries scripts/build puts beside this test binary's directory (`target/debug`).
fn binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let dir = exe.ancestors().nth(2).expect("target/debug");
    let path = dir.join(name);
    assert!(
        path.is_file(),
        "{} is missing: run scripts/build",
        path.display()
    );
    path
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{name}-{}", crate::common::fresh_seed()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// `ovn-node` on `data` with free ports, the built hApp (unless `extra` names another) and the
/// built UI, then `extra`.
fn node_command(data: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(binary("ovn-node"));
    command.arg("--data-dir").arg(data).args(["--port", "0"]);
    if !extra.contains(&"--happ") {
        command
            .arg("--happ")
            .arg(repo_root().join("workdir/ovn.happ"));
    }
    command
        .arg("--ui")
        .arg(repo_root().join("ui/dist"))
        .args(extra);
    command
}

/// A running `ovn-node`, killed if the test fails before stopping it.
struct Node {
    child: Option<Child>,
    lines: mpsc::Receiver<String>,
    /// The UI address of each agent, in order.
    urls: Vec<String>,
}

impl Node {
    /// Starts the node and waits (up to 10 minutes: the first start compiles the zomes) for it
    /// to print that it is ready.
    fn start(data_dir: &Path, extra: &[&str]) -> Node {
        let mut child = node_command(data_dir, extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start ovn-node");
        let stdout = child.stdout.take().expect("the node's output");
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                eprintln!("  [node] {line}");
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut node = Node {
            child: Some(child),
            lines,
            urls: Vec::new(),
        };
        loop {
            let line = node
                .lines
                .recv_timeout(Duration::from_secs(600))
                .expect("ovn-node printed `ready` within 10 minutes");
            if let Some((_, url)) = line.split_once(" UI at ") {
                node.urls.push(url.trim().to_string());
            }
            if line.starts_with("ovn-node: ready:") {
                return node;
            }
        }
    }

    /// Sends SIGINT (Ctrl-C) and returns the exit status and the last lines printed.
    fn interrupt(mut self) -> (std::process::ExitStatus, Vec<String>) {
        let mut child = self.child.take().expect("a running node");
        let sent = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(sent.success());
        let status = child.wait().expect("wait for ovn-node");
        (status, self.lines.try_iter().collect())
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A plain HTTP/1.1 request to the node: (status, body).
fn http(
    url: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, Vec<u8>) {
    let (status, _, body) = http_full(url, method, path, headers, body);
    (status, body)
}

/// The same, with the response's head (status line and headers) as text.
fn http_full(
    url: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let authority = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let mut stream = TcpStream::connect(&authority).expect("connect to the node's UI port");
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("host"))
    {
        request.push_str(&format!("Host: {authority}\r\n"));
    }
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP response");
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    assert!(
        !head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked"),
        "this client reads sized bodies only: {head}"
    );
    let status = head[9..12].parse().expect("a status code");
    (status, head, response[split + 4..].to_vec())
}

/// What the served page tells the UI: the app interface port, the token and the secret.
struct PageEnv {
    app_port: u16,
    token: Vec<u8>,
    secret: String,
    /// The largest call the node signs, which the page checks before asking.
    max_call_bytes: usize,
}

fn page_env(url: &str) -> PageEnv {
    let (status, body) = http(url, "GET", "/", &[], b"");
    assert_eq!(status, 200);
    let html = String::from_utf8(body).unwrap();
    let between = |start: &str, end: &str| -> String {
        let from = html
            .find(start)
            .unwrap_or_else(|| panic!("{start} in the page"))
            + start.len();
        let to = from + html[from..].find(end).unwrap();
        html[from..to].to_string()
    };
    PageEnv {
        app_port: between("APP_INTERFACE_PORT:", ",").parse().unwrap(),
        token: between("APP_INTERFACE_TOKEN:[", "]")
            .split(',')
            .map(|byte| byte.parse().unwrap())
            .collect(),
        secret: between("secret:\"", "\""),
        max_call_bytes: between("maxCallBytes:", "}").parse().unwrap(),
    }
}

fn status_of(url: &str) -> serde_json::Value {
    let (code, body) = http(url, "GET", "/api/status", &[], b"");
    assert_eq!(code, 200);
    serde_json::from_slice(&body).unwrap()
}

/// Zome calls as the UI makes them: params built here, signed by the node's endpoint.
struct UiClient {
    url: String,
    env: PageEnv,
    agent: AgentPubKey,
    cell_id: CellId,
    sender: holochain_websocket::WebsocketSender,
    _receiver: WsPollRecv,
}

impl UiClient {
    async fn connect(url: &str) -> UiClient {
        let env = page_env(url);
        let status = status_of(url);
        let agent = AgentPubKey::try_from(status["agent_key"].as_str().unwrap()).unwrap();
        let dna = DnaHash::try_from(status["dna_hash"].as_str().unwrap()).unwrap();
        let (sender, receiver) = websocket_client_by_port(env.app_port).await.unwrap();
        let receiver = WsPollRecv::new::<AppResponse>(receiver);
        sender
            .authenticate(AppAuthenticationRequest {
                token: env.token.clone(),
            })
            .await
            .expect("the page's token opens the app interface");
        UiClient {
            url: url.to_string(),
            env,
            cell_id: CellId::new(dna, agent.clone()),
            agent,
            sender,
            _receiver: receiver,
        }
    }

    fn params<I: serde::Serialize + std::fmt::Debug>(
        &self,
        zome: &str,
        f: &str,
        payload: I,
    ) -> ZomeCallParams {
        self.params_of(zome, f, ExternIO::encode(payload).unwrap())
    }

    /// The call's params with `payload` as already encoded.
    fn params_of(&self, zome: &str, f: &str, payload: ExternIO) -> ZomeCallParams {
        let now = Timestamp::now();
        let mut nonce = [0u8; 32];
        nonce[..8].copy_from_slice(&now.as_micros().to_le_bytes());
        nonce[8..16].copy_from_slice(&std::process::id().to_le_bytes().repeat(2));
        ZomeCallParams {
            provenance: self.agent.clone(),
            cell_id: self.cell_id.clone(),
            zome_name: zome.into(),
            fn_name: f.into(),
            cap_secret: None,
            payload,
            nonce: nonce.into(),
            expires_at: Timestamp::from_micros(now.as_micros() + 300_000_000),
        }
    }

    fn sign(&self, bytes: &[u8], secret: &str) -> (u16, Vec<u8>) {
        http(
            &self.url,
            "POST",
            "/api/sign-zome-call",
            &[
                ("content-type", "application/octet-stream"),
                ("x-ovn-secret", secret),
            ],
            bytes,
        )
    }

    async fn call<I, O>(&self, zome: &str, f: &str, payload: I) -> O
    where
        I: serde::Serialize + std::fmt::Debug,
        O: serde::de::DeserializeOwned + std::fmt::Debug,
    {
        match self
            .call_raw(zome, f, ExternIO::encode(payload).unwrap())
            .await
        {
            AppResponse::ZomeCalled(output) => output.decode().expect("the zome's answer"),
            other => panic!("{zome}::{f} was answered {other:?}"),
        }
    }

    /// Signs (through the node) and sends a call of `payload` as given, and returns the answer.
    async fn call_raw(&self, zome: &str, f: &str, payload: ExternIO) -> AppResponse {
        let bytes = holochain_serialized_bytes::encode(&self.params_of(zome, f, payload)).unwrap();
        let (code, signature) = self.sign(&bytes, &self.env.secret);
        assert_eq!(code, 200, "{}", String::from_utf8_lossy(&signature));
        let signature: [u8; 64] = signature.try_into().expect("a 64-byte signature");
        let signed = ZomeCallParamsSigned {
            bytes: ExternIO::from(bytes),
            signature: Signature::from(signature),
        };
        self.sender
            .request_timeout(
                AppRequest::CallZome(Box::new(signed)),
                Duration::from_secs(120),
            )
            .await
            .expect("a zome call over the app interface")
    }
}

fn nickname(record: &Record) -> String {
    let profile: ovn_integrity::Profile = record
        .entry()
        .to_app_option()
        .unwrap()
        .expect("a profile entry");
    profile.nickname
}

#[tokio::test(flavor = "multi_thread")]
async fn the_node_starts_serves_signs_only_its_own_calls_and_restarts_with_its_data() {
    crate::common::no_openssl_cleanup_at_exit();
    let data = temp_dir("ovn-node-test");
    let node = Node::start(&data, &[]);
    assert_eq!(node.urls.len(), 1);
    let url = node.urls[0].clone();

    // Serves the UI: the page with the launcher env, its files, and nothing outside them; no
    // other site may frame it.
    let (code, head, page) = http_full(&url, "GET", "/", &[], b"");
    assert_eq!(code, 200);
    let head = head.to_ascii_lowercase();
    assert!(head.contains("x-frame-options: deny"), "{head}");
    assert!(
        head.contains("content-security-policy: frame-ancestors 'none'"),
        "{head}"
    );
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("window.__HC_LAUNCHER_ENV__={APP_INTERFACE_PORT:"));
    assert!(page.contains("INSTALLED_APP_ID:\"ovn\""));
    let icon = std::fs::read(repo_root().join("ui/dist/icon.png")).unwrap();
    assert_eq!(http(&url, "GET", "/icon.png", &[], b""), (200, icon));
    assert!(repo_root().join("ui/package.json").is_file());
    assert_eq!(http(&url, "GET", "/../package.json", &[], b"").0, 404);
    assert_eq!(http(&url, "GET", "/no-such-file.js", &[], b"").0, 404);
    // A page of another site whose name was rebound to 127.0.0.1 gets neither page nor token.
    let (code, body) = http(&url, "GET", "/", &[("Host", "attacker.example")], b"");
    assert_eq!(code, 403);
    assert!(!String::from_utf8_lossy(&body).contains("APP_INTERFACE_TOKEN"));

    // The installed DNA is the one scripts/build packed.
    let packed = Command::new(binary("ovn-pack"))
        .arg("dna-hash")
        .arg(repo_root().join("workdir/ovn.dna"))
        .output()
        .unwrap();
    let packed = String::from_utf8(packed.stdout).unwrap();
    let first = status_of(&url);
    assert_eq!(first["dna_hash"].as_str().unwrap(), packed.trim());

    // Zome calls the way the UI makes them.
    let ui = UiClient::connect(&url).await;
    let none: Option<Record> = ui.call("members", "get_my_profile", ()).await;
    assert!(none.is_none());
    let input = CreateProfileInput {
        nickname: "nodewalker".into(),
        skills: vec!["soldering".into()],
        private: None,
    };
    let created: Record = ui.call("members", "create_profile", input).await;
    assert_eq!(nickname(&created), "nodewalker");

    // The signing endpoint signs only this agent's calls to this agent's cell, for this page.
    let mine =
        holochain_serialized_bytes::encode(&ui.params("members", "get_my_profile", ())).unwrap();
    let (code, message) = ui.sign(&mine, "not-the-secret");
    assert_eq!(code, 403, "{}", String::from_utf8_lossy(&message));
    let mut stranger = ui.params("members", "get_my_profile", ());
    stranger.provenance = AgentPubKey::from_raw_32(vec![7; 32]);
    let (code, message) = ui.sign(
        &holochain_serialized_bytes::encode(&stranger).unwrap(),
        &ui.env.secret,
    );
    assert_eq!(code, 403);
    assert!(String::from_utf8_lossy(&message).contains("signs only for its agent"));
    let mut elsewhere = ui.params("members", "get_my_profile", ());
    elsewhere.cell_id = CellId::new(DnaHash::from_raw_32(vec![9; 32]), ui.agent.clone());
    let (code, _) = ui.sign(
        &holochain_serialized_bytes::encode(&elsewhere).unwrap(),
        &ui.env.secret,
    );
    assert_eq!(code, 403);
    let (code, message) = ui.sign(b"not msgpack", &ui.env.secret);
    assert_eq!(code, 400, "{}", String::from_utf8_lossy(&message));
    // Over the limit: a 413 that names it and the size, read to the end (not a reset).
    assert_eq!(ui.env.max_call_bytes, 4_000_000);
    let (code, message) = ui.sign(&vec![0; 5_000_000], &ui.env.secret);
    let message = String::from_utf8_lossy(&message);
    assert_eq!(code, 413, "{message}");
    assert!(
        message.contains("this zome call is 5.0 MB, over the 4.0 MB limit on one call"),
        "{message}"
    );
    let (code, _) = ui.sign(&mine, &ui.env.secret);
    assert_eq!(code, 200, "the node signs again after a refusal");
    // Payloads nested a thousand lists deep (the decoder reads it: the wrong type), then two
    // thousand and a hundred thousand (deeper than the decoder goes), as bytes (no encoder here
    // recurses): an error, short, and the node still answers.
    for depth in [1_000, 2_000, 100_000] {
        let mut deep = vec![0x91; depth];
        deep.push(0x01);
        let answer = ui
            .call_raw("members", "create_profile", ExternIO::from(deep))
            .await;
        let said = format!("{answer:?}");
        let why = if depth > 1024 {
            "invalid input: not a MessagePack value this node reads"
        } else {
            "invalid input"
        };
        assert!(
            matches!(answer, AppResponse::Error(_)) && said.contains(why),
            "depth {depth}: {said}"
        );
        assert!(
            said.len() < 1024,
            "depth {depth}: {} bytes: {said}",
            said.len()
        );
    }
    let again: Option<Record> = ui.call("members", "get_my_profile", ()).await;
    assert!(again.is_some(), "the node answers after a deep payload");
    let (code, _) = http(
        &url,
        "POST",
        "/api/sign-zome-call",
        &[
            ("Host", "attacker.example"),
            ("x-ovn-secret", &ui.env.secret),
        ],
        &mine,
    );
    assert_eq!(code, 403);

    // A second node on the same directory is refused while this one runs.
    let (second, said) = run_to_end(&data, &[]);
    assert!(!second.success());
    assert!(
        said.contains("another ovn-node is already running"),
        "{said}"
    );

    // Ctrl-C: a clean stop.
    drop(ui);
    let (exit, last) = node.interrupt();
    assert!(exit.success(), "ovn-node exited {exit}: {last:?}");
    assert!(
        last.iter().any(|line| line.contains("stopped cleanly")),
        "{last:?}"
    );

    // Started on another network, or with another DNA: refused (the conductor shut down), and
    // the directory left as it was.
    let (refused, said) = run_to_end(&data, &["--network-seed", "another-network"]);
    assert!(!refused.success());
    assert!(
        said.contains("joined the network with seed None, not \"another-network\""),
        "{said}"
    );
    let fork = temp_dir("ovn-node-fork");
    let forked = Command::new(binary("ovn-pack"))
        .current_dir(repo_root())
        .arg("fork")
        .arg(&fork)
        .args(["--name", "Elsewhere", "--seed", "elsewhere"])
        .output()
        .unwrap();
    assert!(forked.status.success());
    let other = fork.join("elsewhere.happ");
    let (refused, said) = run_to_end(&data, &["--happ", other.to_str().unwrap()]);
    assert!(!refused.success());
    assert!(said.contains("this data directory runs the DNA"), "{said}");
    let _ = std::fs::remove_dir_all(&fork);

    // Started again: the same agent, its profile, and a UI that reaches them.
    let node = Node::start(&data, &[]);
    let url = node.urls[0].clone();
    let again = status_of(&url);
    assert_eq!(again["agent_key"], first["agent_key"]);
    assert_eq!(again["dna_hash"], first["dna_hash"]);
    let ui = UiClient::connect(&url).await;
    let kept: Option<Record> = ui.call("members", "get_my_profile", ()).await;
    assert_eq!(
        nickname(&kept.expect("the profile survived the restart")),
        "nodewalker"
    );
    drop(ui);
    let (exit, _) = node.interrupt();
    assert!(exit.success());
    let _ = std::fs::remove_dir_all(&data);
}

/// Runs `ovn-node` on `data` to its end (a refusal, or a command; killed after 10 minutes: a
/// first start compiles the zomes), with its output.
fn run_to_end(data: &Path, extra: &[&str]) -> (std::process::ExitStatus, String) {
    let child = node_command(data, extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start ovn-node");
    // Waits on the process's exit (reading its output meanwhile, so a full pipe cannot block
    // it), with a deadline after which it is killed.
    let pid = child.id();
    let (send, exited) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(child.wait_with_output());
    });
    let output = match exited.recv_timeout(Duration::from_secs(600)) {
        Ok(output) => output.expect("wait for ovn-node"),
        Err(_) => {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("ovn-node {extra:?} did not end within 10 minutes");
        }
    };
    let mut said = String::from_utf8_lossy(&output.stdout).to_string();
    said.push_str(&String::from_utf8_lossy(&output.stderr));
    let status = output.status;
    (status, said)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stop_signal_during_the_first_start_lets_the_install_finish_and_loses_nothing() {
    crate::common::no_openssl_cleanup_at_exit();
    let data = temp_dir("ovn-node-interrupted");
    let mut child = node_command(&data, &[])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start ovn-node");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut said = Vec::new();
    // Ctrl-C while the first agent is being installed.
    for line in lines.by_ref() {
        let line = line.unwrap();
        eprintln!("  [node] {line}");
        let installing = line.contains("installing the OVN hApp");
        said.push(line);
        if installing {
            let sent = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .unwrap();
            assert!(sent.success());
            break;
        }
    }
    for line in lines {
        let line = line.unwrap();
        eprintln!("  [node] {line}");
        said.push(line);
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "{said:?}");
    assert!(
        said.iter()
            .any(|l| l.contains("stopping once agent 1 has finished starting")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|l| l.contains("stopped cleanly")),
        "{said:?}"
    );
    assert!(!said.iter().any(|l| l.contains("ready:")), "{said:?}");

    // The install was finished, not cut off: the next start finds the app and the agent.
    let node = Node::start(&data, &[]);
    let installed = said
        .iter()
        .filter(|line| line.contains(" started in "))
        .find_map(|line| line.rsplit(": agent ").next()?.split(',').next())
        .expect("the first start named its agent")
        .to_string();
    let again = status_of(&node.urls[0]);
    assert_eq!(again["agent_key"].as_str().unwrap(), installed);
    let (exit, last) = node.interrupt();
    assert!(exit.success(), "{last:?}");
    let _ = std::fs::remove_dir_all(&data);
}

/// The one line of `said` that starts with `prefix`, as the commands print their result.
fn printed<'a>(said: &'a str, prefix: &str) -> &'a str {
    said.lines()
        .find(|line| line.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} in: {said}"))
}

/// An invite-only fork, end to end as its members run it: the progenitor's `ovn-node key`,
/// `ovn-pack fork --membrane invite-only:KEY`, `ovn-node invite` for a newcomer's key, and the
/// newcomer's node started with `--invitation`. Refused with a message saying what to do: a
/// node with no invitation, a text that is no invitation, and someone else's invitation.
#[tokio::test(flavor = "multi_thread")]
async fn an_invite_only_fork_admits_whom_its_progenitor_invites_and_no_one_else() {
    crate::common::no_openssl_cleanup_at_exit();
    let (founder, joiner, other) = (
        temp_dir("ovn-node-progenitor"),
        temp_dir("ovn-node-invitee"),
        temp_dir("ovn-node-uninvited"),
    );
    let key_of = |data: &Path| {
        let (status, said) = run_to_end(data, &["key"]);
        assert!(status.success(), "{said}");
        printed(&said, "uhCAk").to_string()
    };
    let progenitor = key_of(&founder);
    assert_eq!(key_of(&founder), progenitor, "the key is kept");
    let fork = temp_dir("ovn-node-invite-only");
    let forked = Command::new(binary("ovn-pack"))
        .current_dir(repo_root())
        .arg("fork")
        .arg(&fork)
        .args(["--name", "Invited Few", "--seed", "invited-few"])
        .arg(format!("--membrane=invite-only:{progenitor}"))
        .output()
        .unwrap();
    assert!(forked.status.success(), "{forked:?}");
    let happ = fork.join("invited-few.happ");
    let happ = happ.to_str().unwrap();

    let newcomer = key_of(&joiner);
    let (refused, said) = run_to_end(&joiner, &["--happ", happ]);
    assert!(!refused.success());
    assert!(
        said.contains("this network is invite-only and this node has no invitation")
            && said.contains(&format!("ovn-node invite {newcomer}")),
        "{said}"
    );
    let (refused, said) = run_to_end(&joiner, &["--happ", happ, "--invitation", "come in"]);
    assert!(!refused.success());
    assert!(
        said.contains("--invitation: this is not an invitation"),
        "{said}"
    );

    let (issued, said) = run_to_end(&founder, &["--happ", happ, "invite", &newcomer]);
    assert!(issued.success(), "{said}");
    let invitation = printed(&said, "ovn-invitation:").to_string();
    let (refused, said) = run_to_end(&other, &["--happ", happ, "--invitation", &invitation]);
    assert!(!refused.success());
    assert!(
        said.contains("the network refused this invitation") && said.contains("is for"),
        "{said}"
    );

    let node = Node::start(&joiner, &["--happ", happ, "--invitation", &invitation]);
    assert_eq!(status_of(&node.urls[0])["agent_key"], newcomer.as_str());
    let (exit, last) = node.interrupt();
    assert!(exit.success(), "{last:?}");
    for dir in [founder, joiner, other, fork] {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fork_carries_its_constitution_in_a_new_dna_and_a_refused_one_writes_nothing() {
    let out = temp_dir("ovn-fork-test");
    let forked = Command::new(binary("ovn-pack"))
        .current_dir(repo_root())
        .arg("fork")
        .arg(&out)
        .args(["--name", "Tool Shed Network", "--currency", "CAD:2"])
        .args(["--endorsements", "2", "--seed", "tool-shed-1"])
        .args(["--governance", "ui/e2e/governance.yaml"])
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&forked.stdout).to_string();
    assert!(
        forked.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&forked.stderr)
    );
    let hash = printed
        .lines()
        .find_map(|line| line.trim().strip_prefix("DNA hash"))
        .expect("the DNA hash printed")
        .trim()
        .to_string();

    let dna = SweetDnaFile::from_bundle(&out.join("tool-shed-network.dna"))
        .await
        .expect("the forked DNA bundle loads");
    assert_eq!(dna.dna_hash().to_string(), hash);
    assert_eq!(dna.dna_def().modifiers.network_seed, "tool-shed-1");
    let constitution: NetworkConstitution =
        holochain_serialized_bytes::decode(dna.dna_def().modifiers.properties.bytes())
            .expect("every validator decodes the fork's properties");
    assert_eq!(constitution.check(), Ok(()));
    assert_eq!(constitution.network_name, "Tool Shed Network");
    assert_eq!(constitution.currency.code, "CAD");
    assert_eq!(constitution.endorsements_required, 2);
    // The governance file sets the shortest window; the rest keeps the defaults.
    assert_eq!(constitution.governance.min_window_secs, 30);
    assert!(constitution.governance.decisions_bind);
    assert_eq!(constitution.governance.max_window_days, 60);
    let original = SweetDnaFile::from_bundle(&repo_root().join("workdir/ovn.dna"))
        .await
        .unwrap();
    assert_ne!(dna.dna_hash(), original.dna_hash());
    assert!(out.join("tool-shed-network.happ").is_file());

    // K = 0 is no constitution: refused with the rule's words, and nothing written.
    let refused_dir = temp_dir("ovn-fork-refused");
    let refused = Command::new(binary("ovn-pack"))
        .current_dir(repo_root())
        .arg("fork")
        .arg(&refused_dir)
        .args(["--name", "Nobody Counts", "--endorsements", "0"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("endorsements_required is 0"));
    assert!(!refused_dir.exists());
    // Nor are governance rules under which no proposal could stay open.
    let rules = temp_dir("ovn-fork-governance").with_extension("yaml");
    std::fs::write(&rules, "min_window_secs: 0\n").unwrap();
    let refused = Command::new(binary("ovn-pack"))
        .current_dir(repo_root())
        .arg("fork")
        .arg(&refused_dir)
        .args(["--name", "Never Open", "--governance"])
        .arg(&rules)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&rules);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("a proposal stays open from a second"),
        "{said}"
    );
    assert!(!refused_dir.exists());
    // Nor is a fork written over another.
    let again = Command::new(binary("ovn-pack"))
        .current_dir(repo_root())
        .arg("fork")
        .arg(&out)
        .args(["--name", "Tool Shed Network"])
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let _ = std::fs::remove_dir_all(&out);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_web_happ_holds_the_happ_and_the_ui_a_launcher_installs() {
    let bytes = std::fs::read(repo_root().join("workdir/ovn.webhapp"))
        .expect("workdir/ovn.webhapp: run scripts/build");
    let bundle =
        holochain_types::web_app::WebAppBundle::unpack(&bytes[..]).expect("a web-hApp bundle");
    let zip = bundle.web_ui_zip_bytes().await.expect("the UI's zip");
    assert_eq!(
        &zip[..],
        &std::fs::read(repo_root().join("ui/dist.zip")).unwrap()[..]
    );
    // Launchers open index.html and show icon.png from the zip's root.
    let names = |zip: &[u8]| -> Vec<String> {
        // A zip's central directory names each file after a 46-byte header.
        let mut names = Vec::new();
        let mut at = 0;
        while let Some(found) = zip[at..].windows(4).position(|w| w == b"PK\x01\x02") {
            let start = at + found;
            let length = u16::from_le_bytes([zip[start + 28], zip[start + 29]]) as usize;
            names.push(String::from_utf8_lossy(&zip[start + 46..start + 46 + length]).to_string());
            at = start + 46 + length;
        }
        names
    };
    let files = names(&zip);
    assert!(files.iter().any(|name| name == "index.html"), "{files:?}");
    assert!(files.iter().any(|name| name == "icon.png"), "{files:?}");
    let happ = bundle.happ_bundle().await.expect("the hApp inside");
    let packed = std::fs::read(repo_root().join("workdir/ovn.happ")).unwrap();
    let alone = AppBundle::unpack(&packed[..]).expect("workdir/ovn.happ");
    assert_eq!(happ.manifest(), alone.manifest());
    assert_eq!(happ.get_all_resources(), alone.get_all_resources());
}
