//! The common ledger through the conductor: a Sensorica-like income shared exactly as computed
//! by hand, agreed by every peer, explained, exported and receipted; settlements reused by a
//! later income; Debt claims that stop once repaid.

use crate::common::*;
use holochain::prelude::*;
use ledger::distributions::{DistributionPreview, ExplainPayoutInput, PayoutExplanation};
use ledger::export::DistributionExport;
use ovn_domain::ledger::value_equation::*;
use ovn_domain::{ContributionKind, PropertyRegime};
use ovn_integrity::{Distribution, PaymentReceipt};

async fn preview(peers: &Peers, i: usize, income: &ActionHash) -> DistributionPreview {
    peers
        .call(
            i,
            "ledger",
            "preview_distribution",
            distribute_input(income),
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sensorica_like_income_is_shared_exactly_as_computed_by_hand() {
    let peers = Peers::honest(3).await;
    let (alice, bob, carol) = (0, 1, 2);
    for (i, name) in [(alice, "alice"), (bob, "bob"), (carol, "carol")] {
        create_profile(&peers, i, name).await;
    }
    let project = create_project(&peers, alice, "Open spectrometer").await;
    // bob's own printer, used for the project; carol's design, which alice's work cites.
    let printer = create_resource(&peers, bob, "3D printer", PropertyRegime::Private, None).await;
    let optics = create_resource(
        &peers,
        carol,
        "Open optics design",
        PropertyRegime::Commons,
        None,
    )
    .await;
    peers.sync().await;
    let network = AgentPubKey::from_raw_32(vec![7; 32]);
    set_equation(&peers, alice, &project, sensorica_equation(network.clone())).await;
    let a_work = log_kind(&peers, alice, &project, design(600)).await;
    let b_work = log_kind(&peers, bob, &project, work(480)).await;
    let c_work = log_kind(&peers, carol, &project, design(300)).await;
    let use_of_printer = ContributionKind::Use {
        resource: printer.clone(),
        custody: printer,
        minutes: 120,
    };
    let b_use = log_kind(&peers, bob, &project, use_of_printer).await;
    let a_cite = log_kind(
        &peers,
        alice,
        &project,
        ContributionKind::Cite { resource: optics },
    )
    .await;
    let _never_confirmed = log_kind(&peers, carol, &project, design(60)).await;
    peers.sync().await;
    for (endorser, contribution) in [
        (bob, &a_work),
        (bob, &a_cite),
        (carol, &b_work),
        (carol, &b_use),
        (alice, &c_work),
    ] {
        confirm(&peers, endorser, contribution).await;
    }
    peers.sync().await;

    let income = record_income(&peers, alice, &project, 1_234_567).await;
    let preview = preview(&peers, alice, &income).await;
    // By hand. Values: alice 10 h design × 30.00 = 300.00; her citation of carol's optics is
    // 10 % of the other inputs (300 + 160 + 150 + 10 = 620.00) = 62.00, paid to carol, who made
    // the design; bob 8 h × 20.00 = 160.00 and 2 h of the printer × 5.00 = 10.00; carol 5 h
    // design = 150.00 (her unconfirmed hour does not count). Fee: 10 % of 12,345.67 =
    // 1,234.567 → 1,234.56. Left: 11,111.11 over 682.00: alice 300/682 → 4,887.58 (remainder
    // 344/682), bob 170/682 → 2,769.63 (r 104), carol 212/682 → 3,453.89 (r 234); the one
    // cent left goes to the largest remainder, alice's.
    let expected = [
        (network.clone(), 123_456),
        (peers.agent(alice), 488_759),
        (peers.agent(bob), 276_963),
        (peers.agent(carol), 345_389),
    ];
    for (agent, amount) in &expected {
        assert_eq!(
            payout_to(&preview.outcome.payouts, agent),
            *amount,
            "{agent}"
        );
    }
    assert_eq!(preview.outcome.retained, 0);
    assert_eq!(preview.contributions, 5);
    assert_eq!(
        (preview.settlements_new, preview.settlements_reused),
        (1, 0)
    );
    assert_eq!(preview.equation_version, 1);
    let listed: Vec<Record> = peers
        .call(
            alice,
            "ledger",
            "get_distributions_for_project",
            project.clone(),
        )
        .await;
    assert!(listed.is_empty(), "a preview writes nothing");

    let distribution = distribute(&peers, alice, &income).await;
    let hash = distribution.action_address().clone();
    peers.sync().await;
    for i in [bob, carol] {
        let listed: Vec<Record> = peers
            .call(
                i,
                "ledger",
                "get_distributions_for_project",
                project.clone(),
            )
            .await;
        assert_eq!(listed.len(), 1);
        let d: Distribution = entry(&listed[0]);
        assert_eq!(d.payouts, preview.outcome.payouts);
        assert_eq!(d.retained, 0);
    }

    let explain = ExplainPayoutInput {
        distribution: hash.clone(),
        agent: peers.agent(bob),
    };
    let bobs: PayoutExplanation = peers.call(carol, "ledger", "explain_payout", explain).await;
    assert_eq!(bobs.amount, 276_963);
    let mut lines: Vec<(u64, u64)> = bobs.lines.iter().map(|l| (l.value, l.amount)).collect();
    lines.sort();
    assert_eq!(lines, vec![(1_000, 16_292), (16_000, 260_671)]);
    let carols = ExplainPayoutInput {
        distribution: hash.clone(),
        agent: peers.agent(carol),
    };
    let carols: PayoutExplanation = peers.call(bob, "ledger", "explain_payout", carols).await;
    let cited = carols
        .lines
        .iter()
        .find(|l| l.contribution.as_ref() == Some(&a_cite));
    assert_eq!(
        cited.map(|l| l.value),
        Some(6_200),
        "alice's citation pays carol"
    );

    let export: DistributionExport = peers
        .call(bob, "ledger", "export_distribution", hash.clone())
        .await;
    assert_eq!(
        export.csv.lines().count(),
        1 + 1 + 5,
        "header, fee, five contributions"
    );
    assert!(export
        .csv
        .starts_with("bucket,agent,contribution,value,claim,amount\n"));
    let json: serde_json::Value = serde_json::from_str(&export.json).expect("valid JSON");
    let paid: u64 = json["payouts"]
        .as_array()
        .expect("payouts")
        .iter()
        .map(|p| p["amount"].as_u64().expect("amount"))
        .sum();
    assert_eq!(
        paid + json["retained"].as_u64().expect("retained"),
        1_234_567
    );
    assert_eq!(json["format"], "ovn-distribution/1");

    let receipt: Record = peers
        .call(bob, "ledger", "confirm_payment", hash.clone())
        .await;
    assert_eq!(entry::<PaymentReceipt>(&receipt).amount, 276_963);
    let again = peers
        .try_call::<_, Record>(alice, "ledger", "distribute", distribute_input(&income))
        .await;
    assert_refused(again, "was already distributed");
    peers.shutdown().await;
}

/// All income to contributions: money lent as Debt, work as Equity at 10.00 an hour.
fn debt_equation() -> ovn_integrity::ledger::value_equation::Equation {
    ValueEquation {
        buckets: vec![Bucket {
            name: "contributors".into(),
            share_bp: 10_000,
            behaviour: Behaviour::Straight,
            kind: BucketKind::Contributions {
                rules: ValuationRules {
                    work: Some(WorkRule {
                        default_rate: 1_000,
                        skill_rates: vec![],
                        member_rates: vec![],
                        claim: Claim::Equity,
                    }),
                    use_of_resources: None,
                    cite: None,
                    financial: Some(Claim::Debt),
                    material: None,
                },
            },
            window: None,
        }],
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_debt_is_repaid_across_incomes_and_settlements_are_reused() {
    let peers = Peers::honest(2).await;
    let (alice, bob) = (0, 1);
    create_profile(&peers, alice, "alice").await;
    create_profile(&peers, bob, "bob").await;
    let project = create_project(&peers, alice, "Tool library").await;
    set_equation(&peers, alice, &project, debt_equation()).await;
    peers.sync().await;
    let loan = log_kind(
        &peers,
        alice,
        &project,
        ContributionKind::Financial { amount: 1_000 },
    )
    .await;
    let hour = log_work_hash(&peers, bob, &project, 60).await;
    peers.sync().await;
    confirm(&peers, bob, &loan).await;
    confirm(&peers, alice, &hour).await;
    peers.sync().await;

    // Each income: (amount, alice's share, bob's share). The loan of 10.00 weighs as much as
    // bob's hour: 5.00 each; then the 5.00 still owed is capped; then nothing is owed.
    let mut settlements_reused = vec![];
    for (amount, to_alice, to_bob) in [(1_000, 500, 500), (2_000, 500, 1_500), (1_000, 0, 1_000)] {
        let income = record_income(&peers, alice, &project, amount).await;
        let preview = preview(&peers, alice, &income).await;
        settlements_reused.push(preview.settlements_reused);
        let d: Distribution = entry(&distribute(&peers, alice, &income).await);
        assert_eq!(payout_to(&d.payouts, &peers.agent(alice)), to_alice);
        assert_eq!(payout_to(&d.payouts, &peers.agent(bob)), to_bob);
        assert_eq!(d.payouts.iter().map(|p| p.amount).sum::<u64>(), amount);
    }
    assert_eq!(
        settlements_reused,
        vec![0, 1, 1],
        "the month is settled once"
    );
    peers.shutdown().await;
}
