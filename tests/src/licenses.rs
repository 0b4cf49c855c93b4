//! Licenses through the conductor: a cooperative is licensed free; a shareholder-owned
//! for-profit owes the CBRL fee, pays it, and the fee reaches the design's contributors,
//! upstream included, as computed by hand; the pie chart shows the same shares; a contributing
//! for-profit is exempt only with real, counted contributions.

use crate::common::*;
use holochain::prelude::*;
use ledger::distributions::DistributionPreview;
use ledger::pie_chart::PieChartExport;
use licenses::catalogue::{ResourceLicense, TermsFor, TermsForInput};
use ovn_domain::licenses::{LicenseKind, LicenseeCategory, Usage};
use ovn_domain::{ContributionKind, IncomeSource, PropertyRegime};
use ovn_integrity::Licensee;

#[tokio::test(flavor = "multi_thread")]
async fn a_cooperative_is_licensed_free_and_a_for_profits_fee_reaches_the_designs_contributors() {
    let (peers, project) = three_members_and_a_project("Open spectrometer").await;
    let (alice, bob, carol) = (0, 1, 2);

    // Upstream: carol's optics design, under CC BY-SA. The spectrometer design derives from it.
    let optics = create_resource(
        &peers,
        carol,
        "Open optics design",
        PropertyRegime::Commons,
        None,
    )
    .await;
    attach_license(&peers, carol, &optics, "CC-BY-SA-4.0", &[]).await;
    let design_hash = create_resource(
        &peers,
        alice,
        "Spectrometer design",
        PropertyRegime::Commons,
        Some(&project),
    )
    .await;
    peers.sync().await;
    let attachment = attach_license(
        &peers,
        alice,
        &design_hash,
        "CBRL-1.0",
        std::slice::from_ref(&optics),
    )
    .await;

    // alice designed for 10 hours, bob worked 8; carol's optics are cited. Each confirmed once.
    let a_work = log_kind(&peers, alice, &project, design(600)).await;
    let b_work = log_kind(&peers, bob, &project, work(480)).await;
    let c_cite = log_kind(
        &peers,
        carol,
        &project,
        ContributionKind::Cite {
            resource: optics.clone(),
        },
    )
    .await;
    peers.sync().await;
    confirm(&peers, bob, &a_work).await;
    confirm(&peers, alice, &b_work).await;
    confirm(&peers, alice, &c_cite).await;
    peers.sync().await;

    // Every peer reads the license the design carries, and where it comes from.
    for i in [alice, bob, carol] {
        let license: Option<ResourceLicense> = peers
            .call(i, "licenses", "get_license_of", design_hash.clone())
            .await;
        let license = license.expect("the design carries a license");
        assert_eq!(license.attachment, attachment, "peer {i}");
        assert_eq!(license.name, "CBRL-1.0");
        assert_eq!(license.terms.kind, LicenseKind::CommonsBasedReciprocity);
        assert_eq!(license.licensor, peers.agent(alice));
        assert_eq!(license.derives_from.len(), 1);
    }

    // What each would owe, before asking.
    let terms_for = |category| TermsForInput {
        resource: design_hash.clone(),
        category,
        usage: Usage::default(),
    };
    let coop: TermsFor = peers
        .call(
            carol,
            "licenses",
            "license_terms_for",
            terms_for(LicenseeCategory::WorkerCooperative { workers: 12 }),
        )
        .await;
    assert_eq!((coop.owes, coop.fee), (false, 0));
    let for_profit: TermsFor = peers
        .call(
            bob,
            "licenses",
            "license_terms_for",
            terms_for(LicenseeCategory::ForProfit),
        )
        .await;
    assert_eq!((for_profit.owes, for_profit.fee), (true, 50_000));

    // carol's cooperative of 12 asks and is licensed free.
    let asked = request_license(
        &peers,
        carol,
        &design_hash,
        None,
        LicenseeCategory::WorkerCooperative { workers: 12 },
    )
    .await;
    assert_eq!((asked.owes, asked.fee), (false, 0));
    // bob asks for Acme Instruments Inc., a shareholder-owned for-profit: it owes 500.00.
    let acme = request_license(
        &peers,
        bob,
        &design_hash,
        Some("Acme Instruments Inc."),
        LicenseeCategory::ForProfit,
    )
    .await;
    assert_eq!((acme.owes, acme.fee), (true, 50_000));
    peers.sync().await;
    let requests: Vec<Record> = peers
        .call(
            alice,
            "licenses",
            "get_license_requests",
            design_hash.clone(),
        )
        .await;
    assert_eq!(requests.len(), 2, "the licensor sees both requests");

    let (_, free) = grant_license(&peers, alice, asked.request.action_address(), None).await;
    assert_eq!(free.fee, 0);
    assert_eq!(
        free.category,
        ovn_integrity::Category::WorkerCooperative { workers: 12 }
    );
    let (acme_grant, paid) =
        grant_license(&peers, alice, acme.request.action_address(), None).await;
    assert_eq!(paid.fee, 50_000);
    assert_eq!(
        paid.licensee,
        Licensee::Outside {
            name: "Acme Instruments Inc.".into()
        }
    );
    peers.sync().await;
    for i in [alice, bob, carol] {
        let grants: Vec<Record> = peers
            .call(
                i,
                "licenses",
                "get_grants_for_resource",
                design_hash.clone(),
            )
            .await;
        assert_eq!(grants.len(), 2, "peer {i}");
    }

    // Acme pays; alice holds the fee: the project's income, shared by its value equation.
    let mut fee = income_input(&project, 50_000);
    fee.source = IncomeSource::LicenseFee {
        grant: acme_grant.clone(),
    };
    fee.description = "CBRL fee, Acme Instruments".into();
    let mut short = fee.clone();
    short.amount = 40_000;
    assert_refused(
        peers
            .try_call::<_, Record>(alice, "ledger", "record_income", short)
            .await,
        "set a fee of 50000",
    );
    let income: Record = peers.call(alice, "ledger", "record_income", fee).await;
    let income = income.action_address().clone();
    let preview: DistributionPreview = peers
        .call(
            alice,
            "ledger",
            "preview_distribution",
            distribute_input(&income),
        )
        .await;
    // By hand, under the network default: alice's 10 hours of design at 25.00 = 25,000; bob's
    // 8 hours = 20,000; carol's citation = 10 % of the other inputs = 4,500; in all 49,500.
    // 50,000 × 25,000 / 49,500 = 25,252.53; × 20,000 / 49,500 = 20,202.02; × 4,500 / 49,500
    // = 4,545.45. The unit left goes to the largest remainder (alice's).
    let payouts = &preview.outcome.payouts;
    assert_eq!(payout_to(payouts, &peers.agent(alice)), 25_253);
    assert_eq!(payout_to(payouts, &peers.agent(bob)), 20_202);
    assert_eq!(payout_to(payouts, &peers.agent(carol)), 4_545);
    let record = distribute(&peers, alice, &income).await;
    let distribution: ovn_integrity::Distribution = entry(&record);
    assert_eq!(&distribution.payouts, payouts);

    // The pie chart, on any peer: the same proportions in basis points summing to 100 %.
    peers.sync().await;
    let pie: PieChartExport = peers
        .call(carol, "ledger", "export_pie_chart", design_hash.clone())
        .await;
    let slices: Vec<(String, Option<String>, u32, Vec<String>)> = pie
        .chart
        .contributors
        .iter()
        .map(|s| {
            (
                s.agent.clone(),
                s.nickname.clone(),
                s.share_bp,
                s.roles.clone(),
            )
        })
        .collect();
    // 25,000 / 49,500 = 50.505 %, 20,000 / 49,500 = 40.404 %, 4,500 / 49,500 = 9.091 %.
    assert_eq!(
        slices,
        vec![
            (
                peers.agent(alice).to_string(),
                Some("alice".into()),
                5_051,
                vec!["work: design".to_string()]
            ),
            (
                peers.agent(bob).to_string(),
                Some("bob".into()),
                4_040,
                vec!["work: electronics".to_string()]
            ),
            (
                peers.agent(carol).to_string(),
                Some("carol".into()),
                909,
                vec!["cite".to_string()]
            ),
        ]
    );
    let json: serde_json::Value = serde_json::from_str(&pie.json).expect("pie-chart.json is JSON");
    assert_eq!(json["format"], "ovn-pie-chart/1");
    assert_eq!(json["license"], attachment.to_string());
    let total: f64 = json["contributors"]
        .as_array()
        .expect("contributors")
        .iter()
        .map(|c| c["share"].as_f64().expect("share"))
        .sum();
    assert!(
        (total - 100.0).abs() < 1e-9,
        "shares sum to 100, not {total}"
    );
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_contributing_for_profit_is_exempt_only_with_real_counted_contributions() {
    let (peers, project) = three_members_and_a_project("Open spectrometer").await;
    let (alice, bob) = (0, 1);
    let design_hash = create_resource(
        &peers,
        alice,
        "Spectrometer design",
        PropertyRegime::Commons,
        Some(&project),
    )
    .await;
    peers.sync().await;
    attach_license(&peers, alice, &design_hash, "CBRL-1.0", &[]).await;
    // bob's company worked 8 hours on the design; nobody has confirmed it yet.
    let b_work = log_kind(&peers, bob, &project, work(480)).await;
    let elsewhere = create_project(&peers, bob, "Bob's product line").await;
    let b_elsewhere = log_kind(&peers, bob, &elsewhere, work(480)).await;
    peers.sync().await;
    confirm(&peers, alice, &b_elsewhere).await;
    peers.sync().await;

    let contributing = |hashes: Vec<ActionHash>| LicenseeCategory::ContributingForProfit {
        contributions: hashes,
    };
    let ask = |category| license_request_input(&design_hash, None, category);
    for (named, message) in [
        (b_work.clone(), "does not count yet"),
        (b_elsewhere.clone(), "'s contribution to project"),
    ] {
        let category = contributing(vec![named]);
        refuses(
            &peers,
            bob,
            "licenses",
            "request_license",
            ask(category),
            message,
        )
        .await;
    }
    // Once counted (alice confirms), the contribution exempts bob's company from the fee.
    confirm(&peers, alice, &b_work).await;
    peers.sync().await;
    let exempt = request_license(
        &peers,
        bob,
        &design_hash,
        None,
        contributing(vec![b_work.clone()]),
    )
    .await;
    assert_eq!((exempt.owes, exempt.fee), (false, 0));
    let request: ovn_integrity::LicenseRequest = entry(&exempt.request);
    let LicenseeCategory::ContributingForProfit { contributions } = &request.category else {
        panic!("asked as a contributing for-profit");
    };
    assert_eq!(contributions[0].contribution, b_work);
    assert_eq!(
        contributions[0].confirmations.len(),
        1,
        "alice's confirmation"
    );
    peers.sync().await;
    let (_, grant) = grant_license(&peers, alice, exempt.request.action_address(), None).await;
    assert_eq!(grant.fee, 0);
    peers.shutdown().await;
}
