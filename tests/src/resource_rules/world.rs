//! The worlds of the resource rules: alice's nondominium printer under her project, which she
//! hands to bob (custody); her printer and a laser cutter bob uses (use).

use crate::common::*;
use crate::rule_runner::{HasPeers, Slot};
use holochain::prelude::*;
use ovn_domain::{Permitted, PropertyRegime, UsageRules};
use ovn_integrity::{CustodyAcceptance, Resource};

pub const ALICE: usize = 0;
pub const BOB: usize = 1;

/// alice and bob, members; alice's project "Printer fund" and its nondominium printer.
pub struct Custody {
    pub peers: Peers,
    pub alice: AgentPubKey,
    pub bob: AgentPubKey,
    pub alices_profile: ActionHash,
    pub bobs_profile: ActionHash,
    pub project: ActionHash,
    pub printer: ActionHash,
    /// alice's transfer of the printer to bob, and bob's acceptance of it.
    pub first: Slot,
    pub accepted: Slot,
}

impl HasPeers for Custody {
    fn into_peers(self) -> Peers {
        self.peers
    }
}

impl Custody {
    pub async fn new() -> Self {
        let peers = Peers::honest(2).await;
        let alices_profile = create_profile(&peers, ALICE, "alice").await;
        let bobs_profile = create_profile(&peers, BOB, "bob").await;
        let project = create_project(&peers, ALICE, "Printer fund").await;
        let regime = PropertyRegime::Nondominium;
        let printer = create_resource(&peers, ALICE, "3D printer", regime, Some(&project)).await;
        peers.sync().await;
        Self {
            alice: peers.agent(ALICE),
            bob: peers.agent(BOB),
            alices_profile: alices_profile.action_address().clone(),
            bobs_profile: bobs_profile.action_address().clone(),
            peers,
            project,
            printer,
            first: Slot::default(),
            accepted: Slot::default(),
        }
    }

    /// alice hands on the printer from its creation, to bob.
    pub fn to_bob(&self) -> ovn_integrity::CustodyTransfer {
        raw_transfer(
            &self.printer,
            &self.printer,
            self.bob.clone(),
            &self.bobs_profile,
        )
    }

    /// The printer as alice registered it.
    pub async fn printer_entry(&self) -> Resource {
        let printer = self.printer.clone();
        let record: Option<Record> = self
            .peers
            .call(ALICE, "resources", "get_resource", printer)
            .await;
        entry(&record.expect("printer"))
    }
}

pub fn acceptance(resource: &ActionHash, transfer: &ActionHash) -> CustodyAcceptance {
    CustodyAcceptance {
        resource: resource.clone(),
        transfer: transfer.clone(),
        condition_note: String::new(),
    }
}

/// alice and bob, members; alice's nondominium printer (members only, at most 4 hours, 5.00
/// an hour, a report on return), her laser cutter (members with laser safety) and bob's
/// project.
pub struct Uses {
    pub peers: Peers,
    pub alices_profile: ActionHash,
    pub bobs_profile: ActionHash,
    pub printer: ActionHash,
    pub laser: ActionHash,
    pub project: ActionHash,
}

impl HasPeers for Uses {
    fn into_peers(self) -> Peers {
        self.peers
    }
}

impl Uses {
    pub async fn new() -> Self {
        let peers = Peers::honest(2).await;
        let alices_profile = create_profile(&peers, ALICE, "alice").await;
        let bobs_profile = create_profile(&peers, BOB, "bob").await;
        let regime = PropertyRegime::Nondominium;
        let printer = create_resource(&peers, ALICE, "3D printer", regime, None).await;
        let mut laser = resource_input("Laser cutter", PropertyRegime::Commons, None);
        laser.rules = Some(UsageRules {
            who: Permitted::MembersWithSkill {
                skills: vec!["laser safety".into()],
            },
            ..UsageRules::default()
        });
        let laser: Record = peers
            .call(ALICE, "resources", "create_resource", laser)
            .await;
        let project = create_project(&peers, BOB, "Spectrometer").await;
        peers.sync().await;
        Self {
            alices_profile: alices_profile.action_address().clone(),
            bobs_profile: bobs_profile.action_address().clone(),
            peers,
            printer,
            laser: laser.action_address().clone(),
            project,
        }
    }

    /// bob's use of the printer for `minutes`, with `fee`.
    pub fn use_of(&self, minutes: i64, fee: u64) -> ovn_integrity::ResourceUse {
        raw_use(&self.printer, Some(&self.bobs_profile), minutes, fee)
    }
}
