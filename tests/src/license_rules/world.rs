//! The license rules' world: alice (steward of "Open spectrometer", creator of its design) and
//! bob (steward of his product line, creator of an enclosure design), members; bob's counted
//! work on alice's project; and the hashes rule functions record for later ones.

use crate::common::*;
use crate::rule_runner::{HasPeers, Slot};
use holochain::prelude::*;
use ovn_domain::licenses::{FeeSchedule, LicenseKind, LicenseTerms, Usage};
use ovn_domain::PropertyRegime;
use ovn_integrity::{
    Category, CountedContribution, LicenseException, LicenseGrant, LicenseRef, LicenseRequest,
    Licensee,
};

pub const ALICE: usize = 0;
pub const BOB: usize = 1;

pub struct World {
    pub peers: Peers,
    pub alices_profile: ActionHash,
    pub bobs_profile: ActionHash,
    pub project: ActionHash,
    pub bobs_project: ActionHash,
    pub design: ActionHash,
    pub bobs_design: ActionHash,
    /// bob's eight hours on alice's project, which alice confirmed.
    pub b_work: ActionHash,
    pub a_confirms_b: ActionHash,
    /// alice's hour on her project, which bob confirmed.
    pub a_work: ActionHash,
    pub b_confirms_a: ActionHash,
    /// bob's hour on his own project, which alice confirmed.
    pub b_elsewhere: ActionHash,
    pub a_confirms_elsewhere: ActionHash,
    /// alice's project license, permissive.
    pub permissive_license: Slot,
    /// bob's CC BY-SA attachment to his design.
    pub bobs_attachment: Slot,
    /// alice's CBRL attachment to her design, deriving from bob's.
    pub designs_license: Slot,
    /// bob's requests for the design: as a for-profit; again (granted under an exception); as
    /// a contributing for-profit.
    pub for_profit: Slot,
    pub exempted: Slot,
    pub contributing: Slot,
    /// alice's exceptions for `exempted` and for `contributing`.
    pub decided: Slot,
    pub for_contributing: Slot,
    /// alice's grant of `for_profit`, for 500.00.
    pub paid: Slot,
}

impl HasPeers for World {
    fn into_peers(self) -> Peers {
        self.peers
    }
}

impl World {
    pub async fn new() -> Self {
        let peers = Peers::honest(2).await;
        let alices_profile = create_profile(&peers, ALICE, "alice").await;
        let bobs_profile = create_profile(&peers, BOB, "bob").await;
        let project = create_project(&peers, ALICE, "Open spectrometer").await;
        let bobs_project = create_project(&peers, BOB, "Bob's product line").await;
        let commons = PropertyRegime::Commons;
        let name = "Spectrometer design";
        let design = create_resource(&peers, ALICE, name, commons, Some(&project)).await;
        let name = "Bob's enclosure";
        let bobs_design = create_resource(&peers, BOB, name, commons, Some(&bobs_project)).await;
        peers.sync().await;
        let b_work = log_work_hash(&peers, BOB, &project, 480).await;
        let a_work = log_work_hash(&peers, ALICE, &project, 60).await;
        let b_elsewhere = log_work_hash(&peers, BOB, &bobs_project, 60).await;
        peers.sync().await;
        let a_confirms_b = confirm(&peers, ALICE, &b_work).await;
        let b_confirms_a = confirm(&peers, BOB, &a_work).await;
        let a_confirms_elsewhere = confirm(&peers, ALICE, &b_elsewhere).await;
        peers.sync().await;
        Self {
            alices_profile: alices_profile.action_address().clone(),
            bobs_profile: bobs_profile.action_address().clone(),
            peers,
            project,
            bobs_project,
            design,
            bobs_design,
            b_work,
            a_confirms_b: a_confirms_b.action_address().clone(),
            a_work,
            b_confirms_a: b_confirms_a.action_address().clone(),
            b_elsewhere,
            a_confirms_elsewhere: a_confirms_elsewhere.action_address().clone(),
            permissive_license: Slot::default(),
            bobs_attachment: Slot::default(),
            designs_license: Slot::default(),
            for_profit: Slot::default(),
            exempted: Slot::default(),
            contributing: Slot::default(),
            decided: Slot::default(),
            for_contributing: Slot::default(),
            paid: Slot::default(),
        }
    }

    /// bob's request for the design under its license, in his own name.
    pub fn request(&self, licensee: Licensee, category: Category) -> LicenseRequest {
        LicenseRequest {
            resource: self.design.clone(),
            attachment: self.designs_license.get().clone(),
            requester_profile: self.bobs_profile.clone(),
            licensee,
            category,
            usage: Usage::default(),
            note: String::new(),
        }
    }

    /// A grant of `request` to bob under the design's CBRL terms (500.00 for a for-profit).
    pub fn grant(
        &self,
        request: &ActionHash,
        category: Category,
        fee: u64,
        exception: Option<ActionHash>,
    ) -> LicenseGrant {
        LicenseGrant {
            project_version: None,
            request: request.clone(),
            resource: self.design.clone(),
            licensee: Licensee::Requester,
            category,
            terms: designs_terms(),
            usage: Usage::default(),
            fee,
            exception,
        }
    }
}

/// The terms of the design's CBRL-1.0 (the network's catalogue): 500.00 flat.
pub fn designs_terms() -> LicenseTerms {
    LicenseTerms::cbrl(FeeSchedule::Flat { amount: 50_000 })
}

/// An exception treating bob's firm as a cooperative of 12, for a fee of 100.00.
pub fn exception(request: &ActionHash) -> LicenseException {
    LicenseException {
        project_version: None,
        request: request.clone(),
        category: Category::WorkerCooperative { workers: 12 },
        fee: 10_000,
        reason: "The association treats bob's firm as a cooperative in conversion".into(),
        decision: None,
    }
}

/// A contributing for-profit naming one contribution with its confirmations.
pub fn counted(contribution: &ActionHash, confirmations: Vec<ActionHash>) -> Category {
    Category::ContributingForProfit {
        contributions: vec![CountedContribution {
            contribution: contribution.clone(),
            confirmations,
        }],
    }
}

pub fn catalogue(name: &str) -> LicenseRef {
    LicenseRef::Catalogue { name: name.into() }
}

pub fn permissive() -> LicenseTerms {
    LicenseTerms {
        kind: LicenseKind::Custom {
            text: "Do as you like.".into(),
        },
        fee: None,
        exempt: vec![],
        max_cooperative_workers: None,
        share_alike: false,
    }
}
