//! Shared fixtures: a network of peers on the real conductor (optionally with one hostile
//! conductor that skips self-validation), zome-call helpers, and the assertions every rule test
//! uses.

use holochain::conductor::api::error::ConductorApiResult;
use holochain::prelude::*;
use holochain::sweettest::*;
use holochain::test_utils::retry_fn_until_timeout;
use ovn_domain::NetworkConstitution;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

pub use crate::fixtures::*;

/// Waits until the clock has passed `t` (an offer's expiry, say), polling the condition.
pub async fn await_time_after(t: Timestamp) {
    let passed =
        retry_fn_until_timeout(|| async { Timestamp::now() > t }, Some(60_000), Some(50)).await;
    assert!(passed.is_ok(), "the clock did not pass {t}");
}

/// The peer index of the hostile conductor in [`Peers::with_hostile`].
pub const MALLORY: usize = 0;

/// The constitution as DNA properties.
#[derive(Serialize, Deserialize, SerializedBytes, Debug)]
#[serde(transparent)]
struct Properties(NetworkConstitution);

/// OpenSSL 3 (statically linked for the conductor's sqlcipher databases) by default frees its
/// per-thread state in an `atexit` handler. Sweettest conductors are never dropped, so their
/// threads are still running when a test process exits, and that handler then races their
/// thread-exit cleanup: a part of the suite segfaulted in `init_thread_deregister` after all its
/// tests had passed. Asking OpenSSL, before anything initialises it, not to register the
/// handler leaves the process's memory to the kernel, as any exiting process may.
pub fn no_openssl_cleanup_at_exit() {
    const OPENSSL_INIT_NO_ATEXIT: u64 = 0x0008_0000;
    extern "C" {
        fn OPENSSL_init_crypto(opts: u64, settings: *const std::ffi::c_void) -> std::ffi::c_int;
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: OpenSSL's documented initialisation call, with no settings.
        let ok = unsafe { OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, std::ptr::null()) };
        assert_eq!(ok, 1, "OpenSSL failed to initialise");
    });
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A network seed no other test uses, so each test runs on a network of its own.
pub fn fresh_seed() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("ovn-test-{}-{nanos}-{n}", std::process::id())
}

/// The packed `workdir/ovn.dna` under a fresh seed and the given constitution, with the
/// test-only `hostile` coordinator added (coordinators do not change the DNA hash).
pub async fn test_dna(constitution: NetworkConstitution) -> DnaFile {
    let bundle = repo_root().join("workdir/ovn.dna");
    assert!(
        bundle.is_file(),
        "{} is missing: run scripts/build first",
        bundle.display()
    );
    let modifiers = DnaModifiersOpt::none()
        .with_network_seed(fresh_seed())
        .with_properties(Properties(constitution));
    let mut dna = SweetDnaFile::from_bundle_with_overrides(&bundle, modifiers)
        .await
        .expect("load workdir/ovn.dna");
    let wasm_path = repo_root().join("target/wasm/wasm32-unknown-unknown/release/hostile.wasm");
    let wasm = DnaWasm::from(std::fs::read(&wasm_path).expect("read hostile.wasm"));
    let hash = WasmHash::with_data(&wasm).await;
    let def = ZomeDef::Wasm(WasmZomeDef::new(hash, Some(vec!["ovn_integrity".into()])));
    dna.update_coordinators(vec![("hostile".into(), def.into())], vec![wasm])
        .await
        .expect("add the hostile coordinator");
    dna
}

/// Sweettest's standard conductor: local rendezvous, test keystore, one-second gossip. (Faster
/// gossip was tried and measured: it did not shorten the wait for consistency.)
pub fn config() -> SweetConductorConfig {
    SweetConductorConfig::standard()
}

/// Conductors on one local rendezvous. Holochain's test keystore gives each conductor's
/// in-memory lair 5 s to start and panics after (`holochain_keystore::test_keystore`), which two
/// busy cores can exceed before a test has done anything (a part of `scripts/test` failed so);
/// a start that panicked is tried again, at most three times in all.
pub async fn start_conductors(configs: Vec<SweetConductorConfig>) -> SweetConductorBatch {
    for attempt in 1.. {
        let start = tokio::spawn(SweetConductorBatch::from_configs_rendezvous(
            configs.clone(),
        ));
        match start.await {
            Ok(conductors) => return conductors,
            Err(e) if e.is_panic() && attempt < 3 => {
                eprintln!("starting the conductors panicked (attempt {attempt}): trying again")
            }
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => panic!("starting the conductors: {e}"),
        }
    }
    unreachable!("the loop returns or panics")
}

/// The constitution most tests run under: the defaults (open, K = 1), except that a project's
/// stewards adopt its equation and decide license exceptions alone (`decisions_bind: false`),
/// as they did before governance.
/// Where decisions bind (a new network's default) is tested by the governance rules.
pub fn stewards_adopt() -> NetworkConstitution {
    let mut constitution = NetworkConstitution::default();
    constitution.governance.decisions_bind = false;
    constitution
}

/// Peers on one network, peer `i` being `cells[i]` on `conductors[i]`.
pub struct Peers {
    pub conductors: SweetConductorBatch,
    pub cells: Vec<SweetCell>,
    pub dna: DnaFile,
    hostile: bool,
}

impl Peers {
    /// `n` honest peers under [`stewards_adopt`] (open, K = 1).
    pub async fn honest(n: usize) -> Self {
        Self::with_constitution(n, stewards_adopt()).await
    }

    /// `n` honest peers under `constitution`.
    pub async fn with_constitution(n: usize, constitution: NetworkConstitution) -> Self {
        let configs = (0..n).map(|_| config());
        Self::start(configs.collect(), constitution, false).await
    }

    /// Peer [`MALLORY`] skips self-validation and can publish anything; the other `honest`
    /// peers validate as usual.
    pub async fn with_hostile(honest: usize) -> Self {
        Self::with_hostile_under(honest, stewards_adopt()).await
    }

    /// [`Peers::with_hostile`] under `constitution`.
    pub async fn with_hostile_under(honest: usize, constitution: NetworkConstitution) -> Self {
        let mut configs =
            vec![SweetConductorConfig::standard()
                .tune_conductor(|t| t.disable_self_validation = true)];
        configs.extend((0..honest).map(|_| SweetConductorConfig::standard()));
        Self::start(configs, constitution, true).await
    }

    /// `n` honest peers that each compile every zome themselves, as Sweettest does by default:
    /// the baseline `examples/loop_figures.rs` measures the shared compilation against.
    pub async fn honest_compiling_alone(n: usize) -> Self {
        let configs = (0..n).map(|_| config()).collect();
        Self::start_with(configs, stewards_adopt(), false, false).await
    }

    async fn start(
        configs: Vec<SweetConductorConfig>,
        constitution: NetworkConstitution,
        hostile: bool,
    ) -> Self {
        Self::start_with(configs, constitution, hostile, true).await
    }

    async fn start_with(
        configs: Vec<SweetConductorConfig>,
        constitution: NetworkConstitution,
        hostile: bool,
        share_compiled_zomes: bool,
    ) -> Self {
        no_openssl_cleanup_at_exit();
        let dna = test_dna(constitution).await;
        let mut conductors = start_conductors(configs).await;
        if share_compiled_zomes {
            crate::compiled_wasm::provide_compiled_zomes(&dna, &conductors).await;
        }
        let apps = conductors
            .setup_app("ovn", [&dna])
            .await
            .expect("install the OVN app");
        let cells = apps.cells_flattened();
        Self {
            conductors,
            cells,
            dna,
            hostile,
        }
    }

    /// Shuts every conductor down and waits for it, so that no conductor is still writing
    /// when the test process exits (a dropped conductor only schedules its shutdown).
    pub async fn shutdown(mut self) {
        for i in 0..self.cells.len() {
            self.conductors[i].shutdown().await;
        }
    }

    pub fn agent(&self, i: usize) -> AgentPubKey {
        self.cells[i].agent_pubkey().clone()
    }

    pub async fn call<I, O>(&self, i: usize, zome: &str, f: &str, payload: I) -> O
    where
        I: Serialize + std::fmt::Debug,
        O: DeserializeOwned + std::fmt::Debug,
    {
        self.conductors[i]
            .call(&self.cells[i].zome(zome), f, payload)
            .await
    }

    pub async fn try_call<I, O>(
        &self,
        i: usize,
        zome: &str,
        f: &str,
        payload: I,
    ) -> ConductorApiResult<O>
    where
        I: Serialize + std::fmt::Debug,
        O: DeserializeOwned + std::fmt::Debug,
    {
        self.conductors[i]
            .call_fallible(&self.cells[i].zome(zome), f, payload)
            .await
    }

    /// Waits until every honest peer holds the same data (the hostile peer, once warranted, is
    /// blocked by the others and never catches up).
    pub async fn sync(&self) {
        let skip = usize::from(self.hostile);
        await_consistency_s(120, self.cells.iter().skip(skip))
            .await
            .expect("peers reach consistency");
    }

    /// Waits until every peer, the hostile one included, holds the same data: for setting the
    /// scene before Mallory breaks a rule (once warranted she never catches up).
    pub async fn sync_all(&self) {
        await_consistency_s(120, self.cells.iter())
            .await
            .expect("peers reach consistency");
    }

    /// Mallory's conductor commits `payload` through the hostile zome's `function` unchecked;
    /// then an honest peer must warrant her, for `reason`.
    pub async fn publish_as_mallory_and_await_warrant<I>(
        &self,
        function: &str,
        payload: I,
        reason: &str,
    ) where
        I: Serialize + std::fmt::Debug,
    {
        let _: ActionHash = self.call(MALLORY, "hostile", function, payload).await;
        self.await_warrant(MALLORY, reason).await;
    }

    /// Waits until an honest peer holds a warrant against peer `against` whose reason mentions
    /// `reason`: the rule was enforced by the network, not only by the author.
    pub async fn await_warrant(&self, against: usize, reason: &str) {
        let others = (0..self.cells.len()).filter(|&i| i != against);
        let honest: Vec<&SweetConductor> = others.map(|i| &self.conductors[i]).collect();
        await_warrant_by(&honest, self.dna.dna_hash(), &self.agent(against), reason).await;
    }
}

/// Waits until one of `conductors` holds a warrant against `bad` in the DNA `dna_hash` whose
/// reason mentions `reason`.
pub async fn await_warrant_by(
    conductors: &[&SweetConductor],
    dna_hash: &DnaHash,
    bad: &AgentPubKey,
    reason: &str,
) {
    let found = retry_fn_until_timeout(
        || async {
            for conductor in conductors {
                let warrants = conductor
                    .get_spaces()
                    .dht_store(dna_hash)
                    .expect("dht store")
                    .as_read()
                    .get_warrants_by_warrantee(bad.clone())
                    .await
                    .expect("read warrants");
                if warrants.iter().any(|w| format!("{w:?}").contains(reason)) {
                    return true;
                }
            }
            false
        },
        Some(120_000),
        Some(250),
    )
    .await;
    assert!(
        found.is_ok(),
        "no honest peer warranted {bad} for {reason:?}"
    );
}

/// Peer `i` commits `payload` through the hostile zome's `function`, with self-validation on.
pub async fn commit<I: Serialize + std::fmt::Debug>(
    peers: &Peers,
    i: usize,
    function: &str,
    payload: I,
) -> ConductorApiResult<ActionHash> {
    peers.try_call(i, "hostile", function, payload).await
}

/// Peer `i`'s own conductor rejects committing `payload` through the hostile zome's
/// `function`, for `reason`.
pub async fn rejects<I: Serialize + std::fmt::Debug>(
    peers: &Peers,
    i: usize,
    function: &str,
    payload: I,
    reason: &str,
) {
    assert_invalid_commit(commit(peers, i, function, payload).await, reason);
}

/// Peer `i`'s call of `zome`'s `function` is refused with `message`, before anything is
/// written.
pub async fn refuses<I: Serialize + std::fmt::Debug>(
    peers: &Peers,
    i: usize,
    zome: &str,
    function: &str,
    payload: I,
    message: &str,
) {
    assert_refused(
        peers
            .try_call::<_, serde_json::Value>(i, zome, function, payload)
            .await,
        message,
    );
}

/// The author's own conductor refused the commit, for the expected reason.
pub fn assert_invalid_commit<T: std::fmt::Debug>(result: ConductorApiResult<T>, reason: &str) {
    let err = format!(
        "{:?}",
        result.expect_err("the commit should have been rejected")
    );
    assert!(
        err.contains("InvalidCommit"),
        "not a validation failure: {err}"
    );
    assert!(
        err.contains(reason),
        "rejected, but not for {reason:?}: {err}"
    );
}

/// The coordinator refused the input with a typed error, before committing anything.
pub fn assert_refused<T: std::fmt::Debug>(result: ConductorApiResult<T>, message: &str) {
    let err = format!(
        "{:?}",
        result.expect_err("the call should have been refused")
    );
    assert!(
        !err.contains("InvalidCommit"),
        "refused only by validation: {err}"
    );
    assert!(
        err.contains(message),
        "refused, but not with {message:?}: {err}"
    );
}
