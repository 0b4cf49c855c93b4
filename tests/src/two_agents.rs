//! What the conductor figure examples share: two agents on one conductor (one DHT store, so
//! thousands of setup entries need no gossip), zome calls, and a timed commit through the
//! hostile zome (the author's conductor validates the entry before the call returns, as every
//! peer holding it will).

use crate::common::Peers;
use holochain::prelude::*;
use holochain::sweettest::{await_consistency_s, SweetCell};
use std::time::{Duration, Instant};

/// A figure's size from the environment variable `name`, else `default`.
pub fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

pub struct TwoAgents {
    pub peers: Peers,
    pub alice: SweetCell,
    pub bob: SweetCell,
}

impl TwoAgents {
    /// One honest conductor with alice, and bob installed beside her.
    pub async fn start() -> Self {
        let mut peers = Peers::honest(1).await;
        let second = peers.conductors[0]
            .setup_app("ovn-bob", [&peers.dna])
            .await
            .expect("install a second agent");
        let bob = second.into_cells().remove(0);
        let alice = peers.cells[0].clone();
        Self { peers, alice, bob }
    }

    pub async fn call<I, O>(&self, cell: &SweetCell, zome: &str, f: &str, payload: I) -> O
    where
        I: serde::Serialize + std::fmt::Debug,
        O: serde::de::DeserializeOwned + std::fmt::Debug,
    {
        self.peers.conductors[0]
            .call(&cell.zome(zome), f, payload)
            .await
    }

    /// alice and bob create their profiles; the two records.
    pub async fn profiles(&self) -> (Record, Record) {
        let profile = |nickname: &str| members::profiles::CreateProfileInput {
            nickname: nickname.into(),
            skills: vec![],
            private: None,
        };
        let alices = self
            .call(&self.alice, "members", "create_profile", profile("alice"))
            .await;
        let bobs = self
            .call(&self.bob, "members", "create_profile", profile("bob"))
            .await;
        (alices, bobs)
    }

    /// `cell` commits `payload` through the hostile zome's `f`; the hash and the call's time.
    pub async fn timed<I>(&self, cell: &SweetCell, f: &str, payload: I) -> (ActionHash, Duration)
    where
        I: serde::Serialize + std::fmt::Debug,
    {
        let t = Instant::now();
        let hash: ActionHash = self.call(cell, "hostile", f, payload).await;
        (hash, t.elapsed())
    }

    /// Waits until both agents' views agree.
    pub async fn settle(&self) {
        await_consistency_s(300, [&self.alice, &self.bob])
            .await
            .expect("consistency");
    }
}
