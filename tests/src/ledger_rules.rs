//! The common ledger's rules, each kept and broken on the author's own conductor: a
//! distribution must match its recomputation, respect its cutoff, distribute the author's own
//! income once; a settlement lists counted contributions of its project exactly as signed;
//! equations are adopted by stewards in version order; receipts state what was paid; ledger
//! index links point at the linker's own entry under the right key. The
//! coordinators refuse bad input with typed errors before anything is written.

use crate::common::*;
use holochain::conductor::api::error::ConductorApiResult;
use holochain::prelude::*;
use ledger::distributions::{DistributeInput, DistributionPreview};
use ovn_domain::Period;
use ovn_integrity::{
    Contribution, Distribution, PaymentReceipt, SettledContribution, Settlement, ValueEquation,
};

const ALICE: usize = 0;
const BOB: usize = 1;

/// Two members who each logged an hour the other confirmed, an unconfirmed half hour of
/// alice's, and alice's income of 100.00 distributed under the network's default equation.
struct Books {
    peers: Peers,
    project: ActionHash,
    counted: Record,
    bobs_confirmation: ActionHash,
    pending: Record,
    distribution: ActionHash,
    valid: Distribution,
}

async fn books() -> Books {
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
    }
}

impl Books {
    /// The valid distribution restated for a new income of the same amount: valid too.
    async fn restated_for_new_income(&self) -> Distribution {
        let income = record_income(&self.peers, ALICE, &self.project, 10_000).await;
        Distribution {
            income,
            earlier: vec![self.distribution.clone()],
            ..self.valid.clone()
        }
    }

    async fn commit<T>(
        &self,
        i: usize,
        function: &str,
        payload: T,
    ) -> ConductorApiResult<ActionHash>
    where
        T: serde::Serialize + std::fmt::Debug,
    {
        self.peers.try_call(i, "hostile", function, payload).await
    }
}

/// A contribution copied into a settlement as signed, with the given confirmations.
fn settled(record: &Record, confirmations: Vec<ActionHash>) -> SettledContribution {
    let c: Contribution = entry(record);
    SettledContribution {
        contribution: record.action_address().clone(),
        contributor: c.contributor,
        kind: c.kind,
        when: c.when,
        confirmations,
    }
}

fn settlement(project: &ActionHash, items: Vec<SettledContribution>) -> Settlement {
    Settlement {
        project: project.clone(),
        period: Period::of_micros(items[0].when.as_micros()),
        items,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_distribution_must_equal_its_recomputation_and_keep_its_cutoff() {
    let b = books().await;
    let [first, second] = &b.valid.payouts[..] else {
        panic!("two payees expected: {:?}", b.valid.payouts);
    };
    assert_eq!((first.amount, second.amount), (5_000, 5_000));
    let restated = b.restated_for_new_income().await;
    b.commit(ALICE, "commit_distribution", restated.clone())
        .await
        .expect("a correct distribution of alice's own income is valid");

    let mut skewed = b.restated_for_new_income().await;
    skewed.payouts[0].amount += 1;
    skewed.payouts[1].amount -= 1;
    let rejected = b.commit(ALICE, "commit_distribution", skewed.clone()).await;
    assert_invalid_commit(rejected, "differs from the recomputed");

    let early = Distribution {
        cutoff: Timestamp::from_micros(0),
        ..b.restated_for_new_income().await
    };
    let rejected = b.commit(ALICE, "commit_distribution", early).await;
    assert_invalid_commit(rejected, "dated after the cutoff");

    let rejected = b.commit(ALICE, "commit_distribution", restated).await;
    assert_invalid_commit(rejected, "was already distributed");

    let alices = b.restated_for_new_income().await;
    b.peers.sync().await;
    let rejected = b.commit(BOB, "commit_distribution", alices).await;
    assert_invalid_commit(rejected, "only the agent who recorded income");
    b.peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_settlement_lists_counted_contributions_of_its_project_as_signed() {
    let b = books().await;
    let good = settlement(
        &b.project,
        vec![settled(&b.counted, vec![b.bobs_confirmation.clone()])],
    );
    b.commit(ALICE, "commit_settlement", good.clone())
        .await
        .expect("a counted contribution with its confirmation settles");

    let uncounted = settlement(&b.project, vec![settled(&b.pending, vec![])]);
    let rejected = b.commit(ALICE, "commit_settlement", uncounted).await;
    assert_invalid_commit(rejected, "1 are needed before it counts");

    let misused = settlement(
        &b.project,
        vec![settled(&b.pending, vec![b.bobs_confirmation.clone()])],
    );
    let rejected = b.commit(ALICE, "commit_settlement", misused).await;
    assert_invalid_commit(rejected, "is not a confirmation of");

    let mut inflated = good.clone();
    inflated.items[0].kind = work(600);
    let rejected = b.commit(ALICE, "commit_settlement", inflated).await;
    assert_invalid_commit(rejected, "is not copied as signed");

    let settled_hash = b
        .commit(ALICE, "commit_settlement", good.clone())
        .await
        .expect("settling the same contribution again is valid");
    let mistagged = raw_link(
        b.project.clone(),
        settled_hash,
        "ProjectToSettlements",
        "1999-01",
    );
    let rejected = b.commit(ALICE, "create_link_raw", mistagged).await;
    assert_invalid_commit(rejected, "the tag must be the period");
    b.peers.sync().await;
    let not_his = raw_link(
        b.project.clone(),
        b.distribution.clone(),
        "ProjectToDistributions",
        "",
    );
    let rejected = b.commit(BOB, "create_link_raw", not_his).await;
    assert_invalid_commit(rejected, "only the author of");

    let elsewhere = create_project(&b.peers, ALICE, "Another project").await;
    let foreign = Settlement {
        project: elsewhere,
        ..good
    };
    let rejected = b.commit(ALICE, "commit_settlement", foreign).await;
    assert_invalid_commit(rejected, "belongs to another project");
    b.peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn equations_incomes_and_receipts_refuse_bad_input_and_write_nothing() {
    let b = books().await;
    let network = AgentPubKey::from_raw_32(vec![7; 32]);
    let input = ledger::equations::SetValueEquationInput {
        project: b.project.clone(),
        equation: sensorica_equation(network.clone()),
    };
    let refused = b
        .peers
        .try_call::<_, Record>(BOB, "ledger", "set_value_equation", input)
        .await;
    assert_refused(refused, "only a steward of project");
    let by_bob = ValueEquation {
        project: b.project.clone(),
        version: 1,
        replaces: None,
        equation: sensorica_equation(network.clone()),
    };
    let rejected = b.commit(BOB, "commit_value_equation", by_bob.clone()).await;
    assert_invalid_commit(rejected, "only stewards adopt");
    let out_of_order = ValueEquation {
        version: 5,
        ..by_bob.clone()
    };
    let rejected = b.commit(ALICE, "commit_value_equation", out_of_order).await;
    assert_invalid_commit(rejected, "must be version 1");
    let mut greedy = sensorica_equation(network);
    greedy.buckets[1].behaviour = ovn_domain::Behaviour::Straight;
    let input = ledger::equations::SetValueEquationInput {
        project: b.project.clone(),
        equation: greedy,
    };
    let refused = b
        .peers
        .try_call::<_, Record>(ALICE, "ledger", "set_value_equation", input)
        .await;
    assert_refused(refused, "at most 10000 can be shared");
    b.commit(ALICE, "commit_value_equation", by_bob)
        .await
        .expect("the project's steward adopts version 1");

    let refused = b
        .peers
        .try_call::<_, Record>(
            ALICE,
            "ledger",
            "record_income",
            income_input(&b.project, 0),
        )
        .await;
    assert_refused(refused, "amount must be positive");
    let nothing = ovn_integrity::IncomeEvent {
        project: b.project.clone(),
        amount: 0,
        source: ovn_domain::IncomeSource::Donation,
        description: "Nothing at all".into(),
        evidence: vec![],
        received: Timestamp::now(),
    };
    let rejected = b.commit(ALICE, "commit_income_event", nothing).await;
    assert_invalid_commit(rejected, "amount must be positive");
    let income = record_income(&b.peers, ALICE, &b.project, 500).await;
    b.peers.sync().await;
    let refused = b
        .peers
        .try_call::<_, Record>(BOB, "ledger", "distribute", distribute_input(&income))
        .await;
    assert_refused(refused, "only they distribute it");
    let future = DistributeInput {
        income: income.clone(),
        cutoff: Some(Timestamp::from_micros(i64::MAX / 2)),
    };
    let refused = b
        .peers
        .try_call::<_, DistributionPreview>(ALICE, "ledger", "preview_distribution", future)
        .await;
    assert_refused(refused, "is in the future");
    let listed: Vec<Record> = b
        .peers
        .call(
            ALICE,
            "ledger",
            "get_distributions_for_project",
            b.project.clone(),
        )
        .await;
    assert_eq!(
        listed.len(),
        1,
        "nothing was distributed by the refused calls"
    );
    let empty = create_project(&b.peers, ALICE, "Nobody has contributed yet").await;
    let unclaimed = record_income(&b.peers, ALICE, &empty, 700).await;
    let refused = b
        .peers
        .try_call::<_, Record>(ALICE, "ledger", "distribute", distribute_input(&unclaimed))
        .await;
    assert_refused(refused, "would pay nobody");

    let wrong = PaymentReceipt {
        distribution: b.distribution.clone(),
        amount: 4_999,
    };
    let rejected = b.commit(BOB, "commit_payment_receipt", wrong).await;
    assert_invalid_commit(rejected, "pays");
    let right = PaymentReceipt {
        distribution: b.distribution.clone(),
        amount: 5_000,
    };
    b.commit(BOB, "commit_payment_receipt", right)
        .await
        .expect("bob confirms what he was paid");
    b.peers.shutdown().await;
}
