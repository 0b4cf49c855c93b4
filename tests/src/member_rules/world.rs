//! The member rules' world: bob, a member; alice, not yet one, and her project; and the hashes
//! rule functions record for later ones.

use crate::common::*;
use crate::rule_runner::{HasPeers, Slot};
use holochain::prelude::*;

pub const ALICE: usize = 0;
pub const BOB: usize = 1;

pub struct Members {
    pub peers: Peers,
    pub alice: AgentPubKey,
    pub bob: AgentPubKey,
    pub bobs_profile: ActionHash,
    /// alice's project "Open spectrometer", created through the coordinator.
    pub project: ActionHash,
    /// alice's profile, and her private profile.
    pub alices_profile: Slot,
    pub alices_private_profile: Slot,
    /// alice's change of her project, making bob a second steward (its version 2).
    pub version_two: Slot,
}

impl HasPeers for Members {
    fn into_peers(self) -> Peers {
        self.peers
    }
}

impl Members {
    pub async fn new() -> Self {
        let peers = Peers::honest(2).await;
        let bobs_profile = create_profile(&peers, BOB, "bob").await;
        let project = create_project(&peers, ALICE, "Open spectrometer").await;
        peers.sync().await;
        Self {
            alice: peers.agent(ALICE),
            bob: peers.agent(BOB),
            bobs_profile: bobs_profile.action_address().clone(),
            peers,
            project,
            alices_profile: Slot::default(),
            alices_private_profile: Slot::default(),
            version_two: Slot::default(),
        }
    }
}
