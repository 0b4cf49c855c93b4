//! The world of the record rules: alice and bob, members, each with an hour on alice's
//! project "Spectrometer" that the other confirmed; bob's project; alice's nondominium printer
//! under her project; and the hashes rule functions record for later ones.

use crate::common::*;
use crate::rule_runner::{HasPeers, Slot};
use holochain::prelude::*;
use hostile::{AnyEntry, RawLink, UpdateEntryRaw};
use ovn_domain::PropertyRegime;

pub const ALICE: usize = 0;
pub const BOB: usize = 1;

pub struct Records {
    pub peers: Peers,
    pub alice: AgentPubKey,
    pub bob: AgentPubKey,
    pub bobs_profile: ActionHash,
    pub project: ActionHash,
    pub bobs_project: ActionHash,
    pub printer: ActionHash,
    /// alice's hour, and bob's confirmation of it.
    pub counted: Record,
    pub bobs_confirmation: ActionHash,
    /// alice's income of 100.00 and its distribution; bob's receipt of his payout.
    pub income: Slot,
    pub distribution: Slot,
    pub receipt: Slot,
    /// alice's version 1 of her project's value equation.
    pub equation: Slot,
    /// bob's request for the printer; alice's transfer of it to bob; bob's use of it.
    pub request: Slot,
    pub transfer: Slot,
    pub usage: Slot,
    /// alice's license for her project; her printer's license attachment.
    pub license: Slot,
    pub attachment: Slot,
}

impl HasPeers for Records {
    fn into_peers(self) -> Peers {
        self.peers
    }
}

impl Records {
    pub async fn new() -> Self {
        let peers = Peers::honest(2).await;
        create_profile(&peers, ALICE, "alice").await;
        let bobs_profile = create_profile(&peers, BOB, "bob").await;
        let project = create_project(&peers, ALICE, "Spectrometer").await;
        let bobs_project = create_project(&peers, BOB, "Bob's product line").await;
        let regime = PropertyRegime::Nondominium;
        let printer = create_resource(&peers, ALICE, "3D printer", regime, Some(&project)).await;
        peers.sync().await;
        let counted = log_work(&peers, ALICE, &project, 60).await;
        let bobs = log_work_hash(&peers, BOB, &project, 60).await;
        peers.sync().await;
        let bobs_confirmation = confirm(&peers, BOB, counted.action_address()).await;
        confirm(&peers, ALICE, &bobs).await;
        peers.sync().await;
        Self {
            alice: peers.agent(ALICE),
            bob: peers.agent(BOB),
            bobs_profile: bobs_profile.action_address().clone(),
            peers,
            project,
            bobs_project,
            printer,
            counted,
            bobs_confirmation: bobs_confirmation.action_address().clone(),
            income: Slot::default(),
            distribution: Slot::default(),
            receipt: Slot::default(),
            equation: Slot::default(),
            request: Slot::default(),
            transfer: Slot::default(),
            usage: Slot::default(),
            license: Slot::default(),
            attachment: Slot::default(),
        }
    }

    /// Peer `author`'s own conductor rejects updating `original` with `entry`, for `reason`.
    pub async fn update_rejected(
        &self,
        author: usize,
        original: &ActionHash,
        entry: AnyEntry,
        reason: &str,
    ) {
        let update = UpdateEntryRaw {
            original: original.clone(),
            entry,
        };
        rejects(&self.peers, author, "update_entry_raw", update, reason).await;
    }

    /// Peer `author` links `base` to `target` as `kind`: kept.
    pub async fn links(&self, author: usize, base: &ActionHash, target: &Slot, kind: &str) {
        commit(
            &self.peers,
            author,
            "create_link_raw",
            link(base, target, kind),
        )
        .await
        .expect("the author's own link, under what it names, is kept");
    }

    /// Peer `author`'s own conductor rejects linking `base` to `target` as `kind`, for
    /// `reason`.
    pub async fn forged(
        &self,
        author: usize,
        base: &ActionHash,
        target: &Slot,
        kind: &str,
        reason: &str,
    ) {
        let link = link(base, target, kind);
        rejects(&self.peers, author, "create_link_raw", link, reason).await;
    }
}

fn link(base: &ActionHash, target: &Slot, kind: &str) -> RawLink {
    raw_link(base.clone(), target.get().clone(), kind, "")
}

/// The reason an index link to `target`, not authored by `agent`, is rejected.
pub fn not_own(target: &Slot, agent: &AgentPubKey, noun: &str) -> String {
    format!("{} is not {agent}'s {noun}", target.get())
}

/// The reason an index link to `target` under `base` is rejected.
pub fn not_under(target: &Slot, base: &ActionHash) -> String {
    format!("{} does not belong under {base}", target.get())
}
