//! The accounting rules' world: alice, a member, and her project; her hour and bob's half hour
//! on it (bob not yet a member); and the hashes rule functions record for later ones.

use crate::common::*;
use crate::rule_runner::{HasPeers, Slot};
use holochain::prelude::*;
use ovn_domain::Period;
use ovn_integrity::Contribution;

pub const ALICE: usize = 0;
pub const BOB: usize = 1;

pub struct Accounts {
    pub peers: Peers,
    pub alice: AgentPubKey,
    pub bob: AgentPubKey,
    pub alices_profile: Record,
    pub project: ActionHash,
    /// alice's hour and bob's half hour on her project.
    pub contribution: ActionHash,
    pub bobs_contribution: ActionHash,
    /// The month alice's hour is dated in.
    pub period: Period,
    /// bob's profile, once he joins, and his confirmation of alice's hour.
    pub bobs_profile: Slot,
    pub bobs_confirmation: Slot,
    /// alice's correction of her hour.
    pub correction: Slot,
}

impl HasPeers for Accounts {
    fn into_peers(self) -> Peers {
        self.peers
    }
}

impl Accounts {
    pub async fn new() -> Self {
        let peers = Peers::honest(2).await;
        let alices_profile = create_profile(&peers, ALICE, "alice").await;
        let project = create_project(&peers, ALICE, "Spectrometer").await;
        let logged = log_work(&peers, ALICE, &project, 60).await;
        peers.sync().await;
        let bobs_contribution = log_work_hash(&peers, BOB, &project, 30).await;
        peers.sync().await;
        Self {
            alice: peers.agent(ALICE),
            bob: peers.agent(BOB),
            alices_profile,
            peers,
            project,
            contribution: logged.action_address().clone(),
            bobs_contribution,
            period: entry::<Contribution>(&logged).period(),
            bobs_profile: Slot::default(),
            bobs_confirmation: Slot::default(),
            correction: Slot::default(),
        }
    }
}
