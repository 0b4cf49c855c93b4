//! Resources held in common: a printer offered to carol, who declines, passes alice → bob →
//! carol with acceptances and every peer reads the same history; a use's fee, recorded as the resource project's income, reaches
//! those who funded and built it; a private resource is sold by its owner; an event left out of
//! the index does not hide the custody of those after it.

use crate::common::*;
use holochain::prelude::*;
use ledger::distributions::DistributionPreview;
use ovn_domain::{IncomeSource, PropertyRegime, Rights};
use resources::history::CustodyReport;
use resources::uses::RecordUseInput;

#[tokio::test(flavor = "multi_thread")]
async fn a_printer_passes_alice_bob_carol_and_every_peer_reads_its_history() {
    let (peers, project) = three_members_and_a_project("Printer fund").await;
    let (alice, bob, carol) = (0, 1, 2);
    let printer = create_resource(
        &peers,
        alice,
        "3D printer",
        PropertyRegime::Nondominium,
        Some(&project),
    )
    .await;
    peers.sync().await;

    // bob asks; alice, the custodian, sees the request and offers it.
    let request = resources::custody::RequestCustodyInput {
        resource: printer.clone(),
        note: "Printing the spectrometer case next week".into(),
    };
    let _: Record = peers
        .call(bob, "resources", "request_custody", request)
        .await;
    peers.sync().await;
    let requests: Vec<Record> = peers
        .call(alice, "resources", "get_custody_requests", printer.clone())
        .await;
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].action().author(), &peers.agent(bob));

    // alice first offers it to carol, who declines: the offer lapses, and alice offers it to
    // bob instead (her offer names carol's decline).
    let to_carol_first = offer(&peers, alice, &printer, carol).await;
    assert_refused(
        peers
            .try_call::<_, Record>(
                alice,
                "resources",
                "transfer_custody",
                offer_input(&peers, &printer, bob),
            )
            .await,
        "is already offered",
    );
    peers.sync().await;
    let decline = |transfer: &ActionHash| resources::custody::DeclineCustodyInput {
        transfer: transfer.clone(),
        note: "I will be away".into(),
    };
    assert_refused(
        peers
            .try_call::<_, Record>(
                bob,
                "resources",
                "decline_custody",
                decline(&to_carol_first),
            )
            .await,
        "only they may answer it",
    );
    let _: Record = peers
        .call(
            carol,
            "resources",
            "decline_custody",
            decline(&to_carol_first),
        )
        .await;
    peers.sync().await;
    let declined = custody_of(&peers, alice, &printer).await;
    assert_eq!(declined.pending, None);
    assert_eq!(
        declined.declined,
        Some((to_carol_first, peers.agent(carol)))
    );

    let to_bob = offer(&peers, alice, &printer, bob).await;
    let offered = custody_of(&peers, alice, &printer).await;
    assert_eq!(
        offered.custodian,
        peers.agent(alice),
        "custody moves on acceptance only"
    );
    assert_eq!(offered.pending.map(|p| p.to), Some(peers.agent(bob)));
    peers.sync().await;
    accept(&peers, bob, &to_bob).await;
    peers.sync().await;
    let to_carol = offer(&peers, bob, &printer, carol).await;
    peers.sync().await;
    let at_carol = accept(&peers, carol, &to_carol).await;
    peers.sync().await;

    for i in [alice, bob, carol] {
        let report: CustodyReport = custody_of(&peers, i, &printer).await;
        assert_eq!(report.custodian, peers.agent(carol), "peer {i}");
        assert_eq!(report.creator, peers.agent(alice));
        assert_eq!(report.owner, None, "a nondominium resource has no owner");
        assert_eq!(report.state, at_carol);
        assert_eq!(report.pending, None);
        let path: Vec<_> = report
            .steps
            .iter()
            .map(|s| (s.from.clone(), s.to.clone()))
            .collect();
        assert_eq!(
            path,
            vec![
                (peers.agent(alice), peers.agent(bob)),
                (peers.agent(bob), peers.agent(carol))
            ],
            "peer {i}"
        );
        assert_eq!(report.steps[0].transfer, to_bob);
        assert!(report.steps[0].offered_at <= report.steps[0].accepted_at);
        assert!(report.steps[0].accepted_at <= report.steps[1].offered_at);
        assert_eq!(report.steps[1].condition_received, "received working");
        for (holder, expected) in [(alice, 0), (bob, 0), (carol, 1)] {
            let held: Vec<Record> = peers
                .call(i, "resources", "get_resources_held_by", peers.agent(holder))
                .await;
            assert_eq!(held.len(), expected, "peer {i} on holder {holder}");
        }
        let of_project: Vec<Record> = peers
            .call(i, "resources", "get_resources_for_project", project.clone())
            .await;
        assert_eq!(of_project.len(), 1);
        assert_eq!(of_project[0].action_address(), &printer);
        let all: Vec<Record> = peers.call(i, "resources", "get_all_resources", ()).await;
        assert_eq!(all.len(), 1);
    }
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_use_fee_reaches_those_who_funded_and_built_the_printer() {
    let (peers, project) = three_members_and_a_project("Printer fund").await;
    let (alice, bob, carol) = (0, 1, 2);
    // alice funded it with 1,000.00; bob built it in an hour.
    let funded = log_kind(
        &peers,
        alice,
        &project,
        ovn_domain::ContributionKind::Financial { amount: 100_000 },
    )
    .await;
    let built = log_work_hash(&peers, bob, &project, 60).await;
    let printer = create_resource(
        &peers,
        alice,
        "3D printer",
        PropertyRegime::Nondominium,
        Some(&project),
    )
    .await;
    peers.sync().await;
    confirm(&peers, carol, &funded).await;
    confirm(&peers, carol, &built).await;
    peers.sync().await;

    // carol prints for 90 minutes: 7.50 at 5.00 an hour.
    let until = Timestamp::now();
    let from = Timestamp::from_micros(until.as_micros() - 90 * 60_000_000);
    let input = RecordUseInput {
        resource: printer.clone(),
        from,
        until,
        condition_report: "returned clean".into(),
    };
    let used: Record = peers.call(carol, "resources", "record_use", input).await;
    let usage: ovn_integrity::ResourceUse = entry(&used);
    assert_eq!(usage.fee, 750);
    peers.sync().await;
    let uses: Vec<Record> = peers
        .call(alice, "resources", "get_uses", printer.clone())
        .await;
    assert_eq!(uses.len(), 1);

    // alice, the custodian, took the fee: the printer project's income.
    let mut fee = income_input(&project, 750);
    fee.source = IncomeSource::UseFee {
        resource_use: used.action_address().clone(),
    };
    let mut wrong = fee.clone();
    wrong.amount = 700;
    assert_refused(
        peers
            .try_call::<_, Record>(alice, "ledger", "record_income", wrong)
            .await,
        "paid a fee of 750",
    );
    // Validation holds the same line for a hostile recorder: the exact fee, the right project.
    let raw_income = |project: &ActionHash, amount| ovn_integrity::IncomeEvent {
        project: project.clone(),
        amount,
        source: fee.source.clone(),
        description: "Printer use fee".into(),
        evidence: vec![],
        received: Timestamp::now(),
    };
    let elsewhere = create_project(&peers, alice, "Spectrometer").await;
    for (payload, reason) in [
        (raw_income(&project, 700), "paid a fee of 750, not 700"),
        (
            raw_income(&elsewhere, 750),
            "does not belong to the project",
        ),
    ] {
        assert_invalid_commit(
            peers
                .try_call::<_, ActionHash>(alice, "hostile", "commit_income_event", payload)
                .await,
            reason,
        );
    }
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
    // By hand, under the network default: money at face value (100,000), an hour of work at
    // 25.00 (2,500). 750 × 100,000 / 102,500 = 731.71, 750 × 2,500 / 102,500 = 18.29; the one
    // unit left goes to the larger remainder: alice 7.32, bob 0.18.
    assert_eq!(
        payout_to(&preview.outcome.payouts, &peers.agent(alice)),
        732
    );
    assert_eq!(payout_to(&preview.outcome.payouts, &peers.agent(bob)), 18);
    assert_eq!(payout_to(&preview.outcome.payouts, &peers.agent(carol)), 0);
    let record = distribute(&peers, alice, &income).await;
    let distribution: ovn_integrity::Distribution = entry(&record);
    assert_eq!(distribution.payouts, preview.outcome.payouts);
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_private_resource_is_sold_by_its_owner_and_lent_without_its_ownership() {
    let peers = Peers::honest(2).await;
    let (alice, bob) = (0, 1);
    let alices_profile = create_profile(&peers, alice, "alice").await;
    create_profile(&peers, bob, "bob").await;
    let drill = create_resource(&peers, alice, "Drill", PropertyRegime::Private, None).await;
    peers.sync().await;
    assert_eq!(
        custody_of(&peers, alice, &drill).await.owner,
        Some(peers.agent(alice))
    );

    // Lent: bob holds it, alice still owns it, and bob cannot sell it.
    let lent = offer(&peers, alice, &drill, bob).await;
    peers.sync().await;
    let bobs_state = accept(&peers, bob, &lent).await;
    peers.sync().await;
    let report = custody_of(&peers, bob, &drill).await;
    assert_eq!(report.custodian, peers.agent(bob));
    assert_eq!(report.owner, Some(peers.agent(alice)));
    let sale = resources::custody::TransferCustodyInput {
        resource: drill.clone(),
        to: peers.agent(alice),
        rights: Some(Rights::Ownership { price: 4_000 }),
        condition_note: String::new(),
        open_days: None,
    };
    assert_refused(
        peers
            .try_call::<_, Record>(bob, "resources", "transfer_custody", sale.clone())
            .await,
        "does not own the resource",
    );
    let raw_sale = ovn_integrity::CustodyTransfer {
        rights: Rights::Ownership { price: 4_000 },
        owner: Some(peers.agent(alice)),
        ..raw_transfer(
            &drill,
            &bobs_state,
            peers.agent(alice),
            alices_profile.action_address(),
        )
    };
    assert_invalid_commit(
        peers
            .try_call::<_, ActionHash>(bob, "hostile", "commit_custody_transfer", raw_sale)
            .await,
        "does not own the resource",
    );
    // Returned, then sold to bob for 40.00.
    let returned = offer(&peers, bob, &drill, alice).await;
    peers.sync().await;
    accept(&peers, alice, &returned).await;
    peers.sync().await;
    let sale = resources::custody::TransferCustodyInput {
        to: peers.agent(bob),
        ..sale
    };
    let sold: Record = peers
        .call(alice, "resources", "transfer_custody", sale)
        .await;
    peers.sync().await;
    accept(&peers, bob, sold.action_address()).await;
    peers.sync().await;
    for i in [alice, bob] {
        let report = custody_of(&peers, i, &drill).await;
        assert_eq!(report.custodian, peers.agent(bob));
        assert_eq!(report.owner, Some(peers.agent(bob)));
        assert_eq!(report.steps.len(), 3);
        assert_eq!(report.steps[2].rights, Rights::Ownership { price: 4_000 });
    }
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_acceptance_left_out_of_the_index_does_not_hide_who_holds_the_printer() {
    let (peers, project) = three_members_and_a_project("Printer fund").await;
    let (alice, bob, carol) = (0, 1, 2);
    let printer = create_resource(
        &peers,
        alice,
        "3D printer",
        PropertyRegime::Nondominium,
        Some(&project),
    )
    .await;
    peers.sync().await;
    let to_bob = offer(&peers, alice, &printer, bob).await;
    peers.sync().await;
    // bob accepts through the raw zome: a valid acceptance that no index link points at.
    let unlinked = ovn_integrity::CustodyAcceptance {
        resource: printer.clone(),
        transfer: to_bob,
        condition_note: String::new(),
    };
    let _: ActionHash = peers
        .call(bob, "hostile", "commit_custody_acceptance", unlinked)
        .await;
    let to_carol = offer(&peers, bob, &printer, carol).await;
    peers.sync().await;
    accept(&peers, carol, &to_carol).await;
    peers.sync().await;
    for i in [alice, bob, carol] {
        let report = custody_of(&peers, i, &printer).await;
        assert_eq!(report.custodian, peers.agent(carol), "peer {i}");
        assert_eq!(report.steps.len(), 2, "peer {i}");
        let held: Vec<Record> = peers
            .call(i, "resources", "get_resources_held_by", peers.agent(carol))
            .await;
        assert_eq!(held.len(), 1, "peer {i}");
    }
    peers.shutdown().await;
}
