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
    // Upstream: carol's project "Open optics", whose design bob worked on.
    let optics = create_project(&peers, carol, "Open optics").await;
    let regime = PropertyRegime::Commons;
    let design_of_optics =
        create_resource(&peers, carol, "Optics design", regime, Some(&optics)).await;
    peers.sync().await;
    let bobs_hour = log_kind(&peers, bob, &optics, design(60)).await;
    // Downstream: alice's spectrometer designs for 10 hours and cites the optics design.
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
    let cite = ContributionKind::Cite {
        resource: design_of_optics,
    };
    let cite = log_kind(&peers, alice, &spectrometer, cite).await;
    peers.sync().await;
    confirm(&peers, carol, &bobs_hour).await;
    confirm(&peers, bob, &work).await;
    confirm(&peers, bob, &cite).await;
    peers.sync().await;

    // By hand: fee 10 % of 10,000.00 = 1,000.00; 9,000.00 over alice's 300.00 and the
    // citation's 10 % of it, 30.00: alice 8,181.81 (remainder 270/330, so the last cent too),
    // the optics project 818.18; nothing to alice for citing.
    let income = record_income(&peers, alice, &spectrometer, 1_000_000).await;
    let distributed = distribute(&peers, alice, &income).await;
    let d: Distribution = entry(&distributed);
    let share = Payout {
        agent: optics.clone(),
        amount: 81_818,
    };
    assert_eq!(d.upstream, vec![share]);
    assert_eq!(payout_to(&d.payouts, &peers.agent(alice)), 818_182);
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
    refused_and_rejected(&peers, bob, upstream(81_818), raw(81_818), reason).await;
    let reason = "a share of 81818 upstream, not 90000";
    refused_and_rejected(&peers, carol, upstream(90_000), raw(90_000), reason).await;
    let recorded: Record = peers
        .call(carol, "ledger", "record_income", upstream(81_818))
        .await;
    let reason = "was already recorded as income";
    refused_and_rejected(&peers, carol, upstream(81_818), raw(81_818), reason).await;

    // The optics project shares it under its own (default) equation: all to bob's hour.
    let rollup: Distribution = entry(&distribute(&peers, carol, recorded.action_address()).await);
    assert_eq!(
        rollup.payouts,
        vec![Payout {
            agent: peers.agent(bob),
            amount: 81_818
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
        slice.share_bp, 818,
        "30.00 of 330.00 of the 90 % left after the fee"
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
