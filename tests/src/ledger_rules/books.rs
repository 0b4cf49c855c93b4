//! The ledger rules' world: two members who each logged an hour the other confirmed, an
//! unconfirmed half hour of alice's, and alice's income of 100.00 distributed under the
//! network's default equation.

use crate::common::*;
use crate::rule_runner::{HasPeers, Slot};
use holochain::prelude::*;
use ovn_domain::{Payee, Period};
use ovn_integrity::{Contribution, Distribution, SettledContribution, Settlement};

pub const ALICE: usize = 0;
pub const BOB: usize = 1;

pub struct Books {
    pub peers: Peers,
    pub project: ActionHash,
    /// alice's hour, which bob confirmed.
    pub counted: Record,
    pub bobs_confirmation: ActionHash,
    /// alice's unconfirmed half hour.
    pub pending: Record,
    pub distribution: ActionHash,
    pub valid: Distribution,
    /// alice's second settlement of her counted hour.
    pub settled: Slot,
}

impl HasPeers for Books {
    fn into_peers(self) -> Peers {
        self.peers
    }
}

impl Books {
    pub async fn new() -> Self {
        let peers = Peers::honest(2).await;
        create_profile(&peers, ALICE, "alice").await;
        create_profile(&peers, BOB, "bob").await;
        let project = create_project(&peers, ALICE, "Spectrometer").await;
        peers.sync().await;
        let counted = log_work(&peers, ALICE, &project, 60).await;
        let pending = log_work(&peers, ALICE, &project, 30).await;
        let bobs = log_work_hash(&peers, BOB, &project, 60).await;
        peers.sync().await;
        let bobs_confirmation = confirm(&peers, BOB, counted.action_address()).await;
        confirm(&peers, ALICE, &bobs).await;
        peers.sync().await;
        let income = record_income(&peers, ALICE, &project, 10_000).await;
        let record = distribute(&peers, ALICE, &income).await;
        Books {
            peers,
            project,
            counted,
            bobs_confirmation: bobs_confirmation.action_address().clone(),
            pending,
            distribution: record.action_address().clone(),
            valid: entry(&record),
            settled: Slot::default(),
        }
    }

    /// The valid distribution restated for a new income of the same amount: valid too.
    pub async fn restated_for_new_income(&self) -> Distribution {
        let income = record_income(&self.peers, ALICE, &self.project, 10_000).await;
        Distribution {
            income,
            earlier: vec![self.distribution.clone()],
            ..self.valid.clone()
        }
    }

    /// A settlement of alice's counted hour with bob's confirmation: valid.
    pub fn good_settlement(&self) -> Settlement {
        let confirmations = vec![self.bobs_confirmation.clone()];
        settlement(&self.project, vec![settled(&self.counted, confirmations)])
    }
}

/// A contribution (not a citation) copied into a settlement as signed, with the given
/// confirmations.
pub fn settled(record: &Record, confirmations: Vec<ActionHash>) -> SettledContribution {
    let c: Contribution = entry(record);
    SettledContribution {
        contribution: record.action_address().clone(),
        payee: Payee::Agent(c.contributor.clone()),
        contributor: c.contributor,
        kind: c.kind,
        when: c.when,
        corrects: c.corrects,
        confirmations,
    }
}

pub fn settlement(project: &ActionHash, items: Vec<SettledContribution>) -> Settlement {
    Settlement {
        project: project.clone(),
        period: Period::of_micros(items[0].when.as_micros()),
        items,
    }
}
