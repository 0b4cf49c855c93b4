//! NRP's recursive rollup through the conductor: a project that cites another project's design
//! pays that project its share as upstream income, which the cited project's first steward
//! records once, for exactly that share, and shares under its own equation among the design's
//! makers.

use crate::common::*;
use holochain::prelude::*;
use ledger::incomes::RecordIncomeInput;
use ledger::pie_chart::PieChartExport;
use ovn_domain::{ContributionKind, IncomeSource, Payout, PropertyRegime};
use ovn_integrity::{Distribution, IncomeEvent};

/// validate_create_income_event, rule 7 (and validate_create_contribution, rule 9, whose
/// payee the settlement copies).
#[tokio::test(flavor = "multi_thread")]
async fn a_cited_projects_share_is_its_upstream_income_recorded_once_by_its_first_steward() {
    let peers = Peers::honest(3).await;
    let (alice, bob, carol) = (0, 1, 2);
    for (i, name) in [(alice, "alice"), (bob, "bob"), (carol, "carol")] {
        create_profile(&peers, i, name).await;
    }
    // Upstream: carol's projects "Open optics", whose design bob worked on, and "Open lenses".
    let optics = create_project(&peers, carol, "Open optics").await;
    let lenses = create_project(&peers, carol, "Open lenses").await;
    let regime = PropertyRegime::Commons;
    let design_of_optics =
        create_resource(&peers, carol, "Optics design", regime, Some(&optics)).await;
    let design_of_lenses =
        create_resource(&peers, carol, "Lens design", regime, Some(&lenses)).await;
    peers.sync().await;
    let bobs_hour = log_kind(&peers, bob, &optics, design(60)).await;
    // Downstream: alice's spectrometer designs for 10 hours and cites both designs.
    let spectrometer = create_project(&peers, alice, "Spectrometer").await;
    let network = AgentPubKey::from_raw_32(vec![7; 32]);
    set_equation(
        &peers,
        alice,
        &spectrometer,
        sensorica_equation(network.clone()),
    )
    .await;
    let work = log_kind(&peers, alice, &spectrometer, design(600)).await;
    let mut cites = vec![];
    for resource in [design_of_optics, design_of_lenses] {
        let cite = ContributionKind::Cite { resource };
        cites.push(log_kind(&peers, alice, &spectrometer, cite).await);
    }
    peers.sync().await;
    confirm(&peers, carol, &bobs_hour).await;
    for contribution in [&work, &cites[0], &cites[1]] {
        confirm(&peers, bob, contribution).await;
    }
    peers.sync().await;

    // By hand: fee 10 % of 10,000.00 = 1,000.00; 9,000.00 over alice's 300.00 and each
    // citation's 10 % of it, 30.00: alice 7,500.00, each cited project 750.00; nothing to
    // alice for citing.
    let income = record_income(&peers, alice, &spectrometer, 1_000_000).await;
    let distributed = distribute(&peers, alice, &income).await;
    let d: Distribution = entry(&distributed);
    let share = |project: &ActionHash| Payout {
        agent: project.clone(),
        amount: 75_000,
    };
    let mut expected = vec![share(&optics), share(&lenses)];
    expected.sort_by(|a, b| a.agent.cmp(&b.agent));
    assert_eq!(d.upstream, expected);
    assert_eq!(payout_to(&d.payouts, &peers.agent(alice)), 750_000);
    assert_eq!(payout_to(&d.payouts, &network), 100_000);
    let d_hash = distributed.action_address().clone();
    peers.sync().await;

    let upstream = |amount| RecordIncomeInput {
        source: IncomeSource::Upstream {
            distribution: d_hash.clone(),
        },
        description: "Our share of the spectrometer's sale".into(),
        ..income_input(&optics, amount)
    };
    let raw = |amount| IncomeEvent {
        project: optics.clone(),
        amount,
        source: IncomeSource::Upstream {
            distribution: d_hash.clone(),
        },
        description: "Our share".into(),
        evidence: vec![],
        received: Timestamp::now(),
    };
    // Only carol, the first steward, records it, and for exactly its share.
    let reason = "the project's first steward, records its upstream income";
    refused_and_rejected(&peers, bob, upstream(75_000), raw(75_000), reason).await;
    let reason = "a share of 75000 upstream, not 80000";
    refused_and_rejected(&peers, carol, upstream(80_000), raw(80_000), reason).await;
    let recorded: Record = peers
        .call(carol, "ledger", "record_income", upstream(75_000))
        .await;
    let reason = "was already recorded as income";
    refused_and_rejected(&peers, carol, upstream(75_000), raw(75_000), reason).await;
    // carol is first steward of the lenses project too: its share is recorded all the same.
    let lens_share = RecordIncomeInput {
        project: lenses.clone(),
        ..upstream(75_000)
    };
    let _: Record = peers
        .call(carol, "ledger", "record_income", lens_share)
        .await;

    // The optics project shares it under its own (default) equation: all to bob's hour.
    let rollup: Distribution = entry(&distribute(&peers, carol, recorded.action_address()).await);
    assert_eq!(
        rollup.payouts,
        vec![Payout {
            agent: peers.agent(bob),
            amount: 75_000
        }]
    );
    assert!(rollup.upstream.is_empty());

    // The spectrometer's pie chart shows the optics project's slice.
    let kit = create_resource(
        &peers,
        alice,
        "Spectrometer kit",
        regime,
        Some(&spectrometer),
    )
    .await;
    let chart: PieChartExport = peers.call(alice, "ledger", "export_pie_chart", kit).await;
    let slice = chart
        .chart
        .contributors
        .iter()
        .find(|s| s.nickname.as_deref() == Some("Open optics"));
    let slice = slice.expect("the cited project has a slice");
    assert_eq!(slice.roles, vec!["upstream: cited design".to_string()]);
    assert_eq!(
        slice.share_bp, 750,
        "30.00 of 360.00 of the 90 % left after the fee"
    );
    peers.shutdown().await;
}

/// Peer `i`'s coordinator refuses `input` before writing anything, and its own validation
/// rejects the same income committed raw, both for `reason`.
async fn refused_and_rejected(
    peers: &Peers,
    i: usize,
    input: RecordIncomeInput,
    raw: IncomeEvent,
    reason: &str,
) {
    refuses(peers, i, "ledger", "record_income", input, reason).await;
    rejects(peers, i, "commit_income_event", raw, reason).await;
}
