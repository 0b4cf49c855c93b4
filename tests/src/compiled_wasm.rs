//! Compiles each zome once per test process, not once per conductor.
//!
//! A conductor compiles every zome with cranelift before first use (about 2.5 s per MB of wasm
//! on the 2-core machine) and keeps the serialized result in its wasm database, so that a
//! restart skips the work. Each Sweettest conductor starts with an empty database, so every test
//! paid that cost again for every peer. Here a warm-up conductor compiles the zomes once; each
//! test conductor then finds the compiled modules in its database, as a restarted node would.
//! Everything else (installation, genesis, validation, networking) runs as it always does.

use holochain::prelude::*;
use holochain::sweettest::*;
use holochain_data::kind::Wasm;
use holochain_data::{open_db, DbKey, DbRead, DbWrite, HolochainDataConfig};
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

/// One call per coordinator zome; any call makes the conductor compile that zome's module.
const WARM_UP_CALLS: [(&str, &str); 3] = [
    ("members", "get_my_profile"),
    ("contributions", "get_contributions_for_agent"),
    ("hostile", "delete_link_raw"),
];

type Compiled = Vec<(DnaWasmHashed, bytes::Bytes)>;

static COMPILED: OnceCell<Compiled> = OnceCell::const_new();

/// A second connection to a conductor's wasm database, unlocked with the key the conductor
/// generated (test conductors lock it with the passphrase `passphrase`).
async fn wasm_db(conductor: &SweetConductor) -> DbWrite<Wasm> {
    let dir = conductor.db_path().join("databases");
    let locked = tokio::fs::read_to_string(dir.join("db.key"))
        .await
        .expect("read the conductor's database key");
    let passphrase = Arc::new(Mutex::new(sodoken::LockedArray::from(
        b"passphrase".to_vec(),
    )));
    let key = DbKey::load(locked, passphrase)
        .await
        .expect("unlock the database key");
    open_db(dir, Wasm, HolochainDataConfig::default().with_key(key))
        .await
        .expect("open the conductor's wasm database")
}

async fn compile_once(dna: &DnaFile) -> Compiled {
    let mut conductor = SweetConductor::standard().await;
    let (cell,) = conductor
        .setup_app("warm-up", [dna])
        .await
        .expect("install the warm-up app")
        .into_tuple();
    for (zome, function) in WARM_UP_CALLS {
        // The result does not matter, only that the zome was compiled to serve it.
        let _ = conductor
            .call_fallible::<_, ()>(&cell.zome(zome), function, cell.agent_pubkey().clone())
            .await;
    }
    let db = wasm_db(&conductor).await;
    let mut compiled = Vec::new();
    for (hash, wasm) in dna.code() {
        let serialized = AsRef::<DbRead<Wasm>>::as_ref(&db)
            .get_compiled_wasm(hash)
            .await
            .expect("read a compiled module")
            .unwrap_or_else(|| panic!("zome wasm {hash} was not compiled by the warm-up calls"));
        let hashed = DnaWasmHashed::with_pre_hashed(wasm.clone(), hash.clone());
        compiled.push((hashed, serialized));
    }
    drop(db);
    conductor.shutdown().await;
    compiled
}

/// Puts the compiled modules of `dna`'s zomes into each conductor's wasm database.
pub async fn provide_compiled_zomes(dna: &DnaFile, conductors: &SweetConductorBatch) {
    let compiled = COMPILED.get_or_init(|| compile_once(dna)).await;
    for conductor in conductors.iter() {
        let db = wasm_db(conductor).await;
        for (wasm, serialized) in compiled {
            db.put_wasm(wasm.clone()).await.expect("store wasm");
            db.put_compiled_wasm(wasm.as_hash().clone(), serialized.clone())
                .await
                .expect("store compiled module");
        }
    }
}
