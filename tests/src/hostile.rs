//! The hostile-agent harness at work: Mallory's conductor skips self-validation, so her invalid
//! actions reach the network; honest peers must reject them and warrant her. One test per rule
//! that protects other peers.

use crate::common::*;
use holochain::prelude::ActionHash;
use holochain::prelude::{AgentPubKey, Record, Timestamp};
use holochain::test_utils::retry_fn_until_timeout;

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_endorsing_her_own_contribution() {
    let peers = Peers::with_hostile(1).await;
    let profile = create_profile(&peers, MALLORY, "mallory").await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let hash = log_work_hash(&peers, MALLORY, &project, 60).await;
    peers.sync().await;

    let own = raw_confirmation(&hash, &profile);
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_endorsement",
            own,
            "cannot endorse their own contribution",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_logging_a_contribution_for_alice() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, 1, "Spectrometer").await;
    peers.sync().await;

    let for_alice = raw_contribution(peers.agent(1), &project, 60);
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_contribution",
            for_alice,
            "the author is the contributor",
        )
        .await;
    peers.shutdown().await;
}

/// validate_create_contribution, rule 8, on the network side: mallory logs the use of alice's
/// drill as her own contribution, to be paid for alice's tool.
#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_logging_the_use_of_alices_drill() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, 1, "Spectrometer").await;
    let regime = ovn_domain::PropertyRegime::Private;
    let drill = create_resource(&peers, 1, "Drill", regime, None).await;
    peers.sync().await;

    let taken = ovn_integrity::Contribution {
        kind: ovn_domain::ContributionKind::Use {
            resource: drill.clone(),
            custody: drill,
            minutes: 120,
        },
        ..raw_contribution(peers.agent(MALLORY), &project, 60)
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_contribution",
            taken,
            "only its owner contributes its time",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_settling_her_citation_of_alices_design_to_herself() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let regime = ovn_domain::PropertyRegime::Commons;
    let optics = create_resource(&peers, 1, "Optics", regime, None).await;
    peers.sync().await;
    let cite = ovn_integrity::Contribution {
        kind: ovn_domain::ContributionKind::Cite { resource: optics },
        ..raw_contribution(peers.agent(MALLORY), &project, 60)
    };
    let cite = commit(&peers, MALLORY, "commit_contribution", cite)
        .await
        .expect("citing alice's design is valid");
    let record: Option<Record> = peers
        .call(MALLORY, "hostile", "get_record_local", cite)
        .await;
    let record = record.expect("mallory holds her own citation");
    let settlement = ovn_integrity::Settlement {
        project,
        period: ovn_domain::Period::of_micros(Timestamp::now().as_micros()),
        items: vec![crate::ledger_rules::books::settled(&record, vec![])],
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_settlement",
            settlement,
            "a citation pays the cited design's maker",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_citing_her_own_projects_design() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let regime = ovn_domain::PropertyRegime::Commons;
    let design = create_resource(&peers, MALLORY, "Shell design", regime, Some(&project)).await;
    let cite = ovn_integrity::Contribution {
        kind: ovn_domain::ContributionKind::Cite { resource: design },
        ..raw_contribution(peers.agent(MALLORY), &project, 60)
    };
    let reason = "its makers are paid through their own contributions to it";
    peers
        .publish_as_mallory_and_await_warrant("commit_contribution", cite, reason)
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_distributing_under_an_equation_adopted_after_the_cutoff()
{
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let income = record_income(&peers, MALLORY, &project, 10_000).await;
    let cutoff = Timestamp::now();
    await_time_after(cutoff).await;
    let network = AgentPubKey::from_raw_32(vec![7; 32]);
    let adopted = set_equation(&peers, MALLORY, &project, sensorica_equation(network)).await;
    let backdated = ovn_integrity::Distribution {
        project,
        income,
        equation: Some(adopted.action_address().clone()),
        cutoff,
        settlements: vec![],
        earlier: vec![],
        payouts: vec![],
        upstream: vec![],
        retained: 10_000,
        buckets: vec![],
        shares: vec![],
        claims: vec![],
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_distribution",
            backdated,
            "was adopted after the cutoff",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_an_overlong_day_of_work() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, 1, "Spectrometer").await;
    peers.sync().await;

    let overlong = raw_contribution(peers.agent(MALLORY), &project, 48 * 60);
    peers
        .publish_as_mallory_and_await_warrant("commit_contribution", overlong, "the limit is 1440")
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_endorsing_with_alices_profile() {
    let peers = Peers::with_hostile(1).await;
    let alices_profile = create_profile(&peers, 1, "alice").await;
    let project = create_project(&peers, 1, "Spectrometer").await;
    let hash = log_work_hash(&peers, 1, &project, 60).await;
    peers.sync().await;

    let borrowed = raw_confirmation(&hash, &alices_profile);
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_endorsement",
            borrowed,
            "only members endorse",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_confirming_alices_hour_twice() {
    let peers = Peers::with_hostile(1).await;
    let mallorys_profile = create_profile(&peers, MALLORY, "mallory").await;
    let project = create_project(&peers, 1, "Spectrometer").await;
    let hash = log_work_hash(&peers, 1, &project, 60).await;
    peers.sync_all().await;
    confirm(&peers, MALLORY, &hash).await;

    let again = raw_confirmation(&hash, &mallorys_profile);
    peers
        .publish_as_mallory_and_await_warrant("commit_endorsement", again, "already a confirmation")
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_a_nickname_of_zero_width_spaces() {
    let peers = Peers::with_hostile(1).await;
    let invisible = ovn_integrity::Profile {
        nickname: "\u{200B}\u{200B}".into(),
        skills: vec![],
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_profile",
            invisible,
            "nickname must not be empty or made only of invisible characters",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_indexing_under_alices_key() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let hash = log_work_hash(&peers, MALLORY, &project, 60).await;
    peers.sync().await;

    let link = raw_link(peers.agent(1), hash, "AgentToContributions", "");
    peers
        .publish_as_mallory_and_await_warrant(
            "create_link_raw",
            link,
            "may only index under their own key",
        )
        .await;
    peers.shutdown().await;
}

/// Mallory, with an hour alice confirmed and alice's, distributes her income honestly once;
/// returns the valid distribution and its hash, and a second income of the same amount.
async fn mallorys_books(peers: &Peers) -> (ovn_integrity::Distribution, ActionHash, ActionHash) {
    create_profile(peers, MALLORY, "mallory").await;
    create_profile(peers, 1, "alice").await;
    let project = create_project(peers, MALLORY, "Shell company").await;
    peers.sync_all().await;
    let hers = log_work_hash(peers, MALLORY, &project, 60).await;
    let alices = log_work_hash(peers, 1, &project, 60).await;
    peers.sync_all().await;
    confirm(peers, 1, &hers).await;
    confirm(peers, MALLORY, &alices).await;
    peers.sync_all().await;
    let first = record_income(peers, MALLORY, &project, 10_000).await;
    let second = record_income(peers, MALLORY, &project, 10_000).await;
    let record = distribute(peers, MALLORY, &first).await;
    peers.sync_all().await;
    (entry(&record), record.action_address().clone(), second)
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_a_payout_skewed_by_one_unit() {
    let peers = Peers::with_hostile(1).await;
    let (valid, hash, income) = mallorys_books(&peers).await;
    let mut skewed = ovn_integrity::Distribution {
        income,
        earlier: vec![hash],
        ..valid
    };
    let mallory = peers.agent(MALLORY);
    for payout in skewed.payouts.iter_mut() {
        if payout.agent == mallory {
            payout.amount += 1;
        } else {
            payout.amount -= 1;
        }
    }
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_distribution",
            skewed,
            "differs from the recomputed",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_settling_an_uncounted_contribution() {
    let peers = Peers::with_hostile(1).await;
    let project = create_project(&peers, MALLORY, "Shell company").await;
    let unconfirmed = log_work(&peers, MALLORY, &project, 600).await;
    let c: ovn_integrity::Contribution = entry(&unconfirmed);
    let settlement = ovn_integrity::Settlement {
        project,
        period: ovn_domain::Period::of_micros(c.when.as_micros()),
        items: vec![crate::ledger_rules::books::settled(&unconfirmed, vec![])],
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_settlement",
            settlement,
            "are needed before it counts",
        )
        .await;
    peers.shutdown().await;
}

/// Mallory and alice are members; Mallory created a nondominium printer with the printer's
/// rules; everyone holds it. Returns (printer, alice's profile, Mallory's profile).
async fn mallorys_printer(peers: &Peers) -> (ActionHash, ActionHash, ActionHash) {
    let mallorys = create_profile(peers, MALLORY, "mallory").await;
    let alices = create_profile(peers, 1, "alice").await;
    let printer = create_resource(
        peers,
        MALLORY,
        "3D printer",
        ovn_domain::PropertyRegime::Nondominium,
        None,
    )
    .await;
    peers.sync_all().await;
    (
        printer,
        alices.action_address().clone(),
        mallorys.action_address().clone(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_handing_on_alices_printer() {
    let peers = Peers::with_hostile(1).await;
    create_profile(&peers, MALLORY, "mallory").await;
    let alices = create_profile(&peers, 1, "alice").await;
    let printer = create_resource(
        &peers,
        1,
        "3D printer",
        ovn_domain::PropertyRegime::Nondominium,
        None,
    )
    .await;
    peers.sync_all().await;

    let theft = raw_transfer(&printer, &printer, peers.agent(1), alices.action_address());
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_custody_transfer",
            theft,
            "is not the custodian",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_handing_one_custody_state_to_two_people() {
    let peers = Peers::with_hostile(2).await;
    let (printer, _, _) = mallorys_printer(&peers).await;
    let bobs = create_profile(&peers, 2, "bob").await;
    peers.sync_all().await;
    // Her first offer, to alice, is valid; the same state offered to bob is not.
    offer(&peers, MALLORY, &printer, 1).await;
    peers.sync_all().await;

    let second = raw_transfer(&printer, &printer, peers.agent(2), bobs.action_address());
    peers
        .publish_as_mallory_and_await_warrant("commit_custody_transfer", second, "is still offered")
        .await;
    peers.shutdown().await;
}

/// The double hand-over race: a printer goes a → b → mallory; mallory offers her one custody
/// state to d and then to e, and both offers reach both before either answers. Validation takes
/// her earlier offer (to d). Every peer's reads say so before and after: e's conductor refuses
/// to accept the offer the network rejects, d's acceptance stands, and even if e's acceptance is
/// committed anyway (the hostile zome on e's honest conductor, which may have cached the invalid
/// offer as valid), no peer names e as the custodian.
#[tokio::test(flavor = "multi_thread")]
async fn a_double_handover_leaves_the_printer_with_whom_validation_names_on_every_peer() {
    let peers = Peers::with_hostile(4).await;
    let (a, b, d, e) = (1, 2, 3, 4);
    create_profile(&peers, MALLORY, "mallory").await;
    for (i, name) in [(a, "ana"), (b, "ben")] {
        create_profile(&peers, i, name).await;
    }
    let ds = create_profile(&peers, d, "dia").await;
    let es = create_profile(&peers, e, "eli").await;
    let regime = ovn_domain::PropertyRegime::Nondominium;
    let printer = create_resource(&peers, a, "3D printer", regime, None).await;
    peers.sync_all().await;
    let to_b = offer(&peers, a, &printer, b).await;
    peers.sync_all().await;
    accept(&peers, b, &to_b).await;
    peers.sync_all().await;
    let to_mallory = offer(&peers, b, &printer, MALLORY).await;
    peers.sync_all().await;
    let mallorys = accept(&peers, MALLORY, &to_mallory).await;
    peers.sync_all().await;

    let to = |who: usize, profile: &Record| {
        raw_transfer(
            &printer,
            &mallorys,
            peers.agent(who),
            profile.action_address(),
        )
    };
    let to_d: ActionHash = peers
        .call(MALLORY, "hostile", "commit_custody_transfer", to(d, &ds))
        .await;
    let to_e: ActionHash = peers
        .call(MALLORY, "hostile", "commit_custody_transfer", to(e, &es))
        .await;
    // Each indexed under the printer, as the coordinator would.
    for offer in [&to_d, &to_e] {
        let link = raw_link(printer.clone(), offer.clone(), "ResourceToCustody", "");
        let _: ActionHash = peers
            .call(MALLORY, "hostile", "create_link_raw", link)
            .await;
    }
    peers.await_warrant(MALLORY, "is still offered").await;
    // The race forced: both offers are held by d and e before either answers, and both read
    // the earlier offer, to d, as the pending one. Waited for (up to 5 minutes each), not a
    // sync of every honest peer: once mallory is blocked, gossip to one of them can lag.
    for reader in [d, e] {
        let ready = retry_fn_until_timeout(
            || async {
                for offer in [&to_d, &to_e] {
                    let held: Option<Record> = peers
                        .call(reader, "hostile", "get_record_local", offer.clone())
                        .await;
                    if held.is_none() {
                        return false;
                    }
                }
                let pending = custody_of(&peers, reader, &printer).await.pending;
                pending.is_some_and(|p| p.transfer == to_d)
            },
            Some(300_000),
            Some(500),
        )
        .await;
        let pending = custody_of(&peers, reader, &printer).await.pending;
        assert!(
            ready.is_ok(),
            "{reader} does not hold both offers, or reads {pending:?} as pending, not {to_d}"
        );
    }
    let accept_input = |transfer: &ActionHash| resources::custody::AcceptCustodyInput {
        transfer: transfer.clone(),
        condition_note: "received working".into(),
    };
    assert_refused(
        peers
            .try_call::<_, Record>(e, "resources", "accept_custody", accept_input(&to_e))
            .await,
        "accepting it would be rejected",
    );
    let accepted = accept(&peers, d, &to_d).await;
    // e's client skips the coordinator: whether e's own conductor lets it through depends on
    // how it holds the invalid offer; either way the network does not make e the custodian.
    let forced = ovn_integrity::CustodyAcceptance {
        resource: printer.clone(),
        transfer: to_e.clone(),
        condition_note: "received working".into(),
    };
    let forced = peers
        .try_call::<_, ActionHash>(e, "hostile", "commit_custody_acceptance", forced)
        .await;
    // Every honest peer: mallory, warranted, is blocked and no longer catches up, and so is e
    // when its conductor let the forced acceptance through (the network then warrants e).
    let honest: Vec<usize> = if forced.is_ok() {
        vec![a, b, d]
    } else {
        vec![a, b, d, e]
    };
    // Each honest peer in turn, given up to 5 minutes: once honest peers have blocked mallory,
    // gossip can take minutes to bring d's acceptance to one of them (seen in about one run in
    // four, on 2 cores), while the others read d within seconds. The link that lists the
    // printer among d's holdings is another op, held by other authorities, and can arrive
    // later than the acceptance itself (seen once in CI): the wait covers both reads.
    for &reader in &honest {
        let named = retry_fn_until_timeout(
            || async {
                if custody_of(&peers, reader, &printer).await.custodian != peers.agent(d) {
                    return false;
                }
                let held: Vec<Record> = peers
                    .call(reader, "resources", "get_resources_held_by", peers.agent(d))
                    .await;
                held.iter().any(|r| r.action_address() == &printer)
            },
            Some(300_000),
            Some(500),
        )
        .await;
        if named.is_err() {
            let held: Option<Record> = peers
                .call(reader, "hostile", "get_record_local", accepted.clone())
                .await;
            let warrants = peers.conductors[reader]
                .get_spaces()
                .dht_store(peers.dna.dna_hash())
                .expect("dht store")
                .as_read()
                .get_warrants_by_warrantee(peers.agent(d))
                .await
                .expect("read warrants");
            panic!(
                "{reader} does not name d, or list the printer among d's holdings, after 5 \
                 minutes; it holds d's acceptance: {}; its warrants against d: {warrants:?}",
                held.is_some()
            );
        }
    }
    for reader in honest {
        let report = custody_of(&peers, reader, &printer).await;
        assert_eq!(
            report.custodian,
            peers.agent(d),
            "as {reader} reads it: {report:?}"
        );
        let held: Vec<Record> = peers
            .call(reader, "resources", "get_resources_held_by", peers.agent(d))
            .await;
        assert!(
            held.iter().any(|r| r.action_address() == &printer),
            "as {reader} reads it"
        );
        let held: Vec<Record> = peers
            .call(reader, "resources", "get_resources_held_by", peers.agent(e))
            .await;
        assert!(held.is_empty(), "as {reader} reads it, e holds {held:?}");
    }
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_accepting_a_transfer_to_alice() {
    let peers = Peers::with_hostile(1).await;
    let (printer, _, _) = mallorys_printer(&peers).await;
    let to_alice = offer(&peers, MALLORY, &printer, 1).await;
    peers.sync_all().await;

    let taken = ovn_integrity::CustodyAcceptance {
        resource: printer,
        transfer: to_alice,
        condition_note: String::new(),
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_custody_acceptance",
            taken,
            "only the recipient",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_selling_a_nondominium_printer() {
    let peers = Peers::with_hostile(1).await;
    let (printer, alices, _) = mallorys_printer(&peers).await;

    let sale = ovn_integrity::CustodyTransfer {
        rights: ovn_domain::Rights::Ownership { price: 50_000 },
        ..raw_transfer(&printer, &printer, peers.agent(1), &alices)
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_custody_transfer",
            sale,
            "changes custodian, never owner",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_a_use_longer_than_the_rules_allow() {
    let peers = Peers::with_hostile(1).await;
    let (printer, _, mallorys) = mallorys_printer(&peers).await;

    // Eight hours, paid in full, where four are allowed.
    let overlong = raw_use(&printer, Some(&mallorys), 480, 4_000);
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_resource_use",
            overlong,
            "the usage rules allow at most 240",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_a_use_with_the_wrong_fee() {
    let peers = Peers::with_hostile(1).await;
    let (printer, _, mallorys) = mallorys_printer(&peers).await;

    let free_ride = raw_use(&printer, Some(&mallorys), 120, 0);
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_resource_use",
            free_ride,
            "is 1000 under the usage rules, not 0",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_recording_a_use_fee_twice() {
    let peers = Peers::with_hostile(1).await;
    create_profile(&peers, MALLORY, "mallory").await;
    let alices = create_profile(&peers, 1, "alice").await;
    let project = create_project(&peers, MALLORY, "Mallory's fab lab").await;
    let regime = ovn_domain::PropertyRegime::Nondominium;
    let printer = create_resource(&peers, MALLORY, "3D printer", regime, Some(&project)).await;
    peers.sync_all().await;
    // alice prints for an hour; mallory, the printer's custodian, collects the 5.00 fee.
    let used = commit(
        &peers,
        1,
        "commit_resource_use",
        raw_use(&printer, Some(alices.action_address()), 60, 500),
    )
    .await
    .expect("alice's use is valid");
    peers.sync_all().await;
    let fee = ovn_integrity::IncomeEvent {
        project,
        amount: 500,
        source: ovn_domain::IncomeSource::UseFee { resource_use: used },
        description: "Printer use fee".into(),
        evidence: vec![],
        received: Timestamp::now(),
    };
    let _: ActionHash = peers
        .call(MALLORY, "hostile", "commit_income_event", fee.clone())
        .await;
    // The same fee again: income a distribution would share twice.
    peers
        .publish_as_mallory_and_await_warrant("commit_income_event", fee, "was already recorded")
        .await;
    peers.shutdown().await;
}

/// Mallory and alice are members; Mallory's project made a design she licensed under the
/// CBRL, and her for-profit firm asked (validly) for a license to it. Returns the project, the
/// request, and a grant of it with the category and fee given.
async fn mallorys_licensed_design(
    peers: &Peers,
) -> (
    ActionHash,
    ovn_integrity::LicenseRequest,
    impl Fn(ovn_integrity::Category, u64) -> ovn_integrity::LicenseGrant,
) {
    let mallorys_profile = create_profile(peers, MALLORY, "mallory").await;
    create_profile(peers, 1, "alice").await;
    let project = create_project(peers, MALLORY, "Mallory's designs").await;
    let design = create_resource(
        peers,
        MALLORY,
        "Enclosure design",
        ovn_domain::PropertyRegime::Commons,
        Some(&project),
    )
    .await;
    let attachment = attach_license(peers, MALLORY, &design, "CBRL-1.0", &[]).await;
    let licensee = ovn_integrity::Licensee::Requester;
    let request = ovn_integrity::LicenseRequest {
        resource: design.clone(),
        attachment,
        requester_profile: mallorys_profile.action_address().clone(),
        licensee: licensee.clone(),
        category: ovn_integrity::Category::ForProfit,
        usage: ovn_domain::licenses::Usage::default(),
        note: String::new(),
    };
    let asked: ActionHash = peers
        .call(
            MALLORY,
            "hostile",
            "commit_license_request",
            request.clone(),
        )
        .await;
    peers.sync_all().await;
    let resource = design.clone();
    let grant = move |category, fee| ovn_integrity::LicenseGrant {
        project_version: None,
        request: asked.clone(),
        resource: resource.clone(),
        licensee: licensee.clone(),
        category,
        terms: ovn_domain::licenses::LicenseTerms::cbrl(ovn_domain::licenses::FeeSchedule::Flat {
            amount: 50_000,
        }),
        usage: ovn_domain::licenses::Usage::default(),
        fee,
        exception: None,
    };
    (project, request, grant)
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_a_license_grant_with_the_wrong_fee() {
    let peers = Peers::with_hostile(1).await;
    let (_, _, grant) = mallorys_licensed_design(&peers).await;
    // Her for-profit firm is granted the license free.
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_license_grant",
            grant(ovn_integrity::Category::ForProfit, 0),
            "the license fee due from a ForProfit licensee is 50000, not 0",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_granting_a_for_profit_as_a_cooperative() {
    let peers = Peers::with_hostile(1).await;
    let (_, _, grant) = mallorys_licensed_design(&peers).await;
    // Her for-profit is labelled a cooperative, without an exception decided for it.
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_license_grant",
            grant(ovn_integrity::Category::WorkerCooperative { workers: 3 }, 0),
            "needs an exception decided for this case",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_exempting_her_own_firm_without_a_decision() {
    // Where decisions bind, her project's only steward cannot decide an exception alone.
    let peers = Peers::with_hostile_under(1, Default::default()).await;
    let (_, _, grant) = mallorys_licensed_design(&peers).await;
    let exempt = ovn_integrity::LicenseException {
        project_version: None,
        request: grant(ovn_integrity::Category::ForProfit, 0).request,
        category: ovn_integrity::Category::NonProfit,
        fee: 0,
        reason: "Mallory's firm is a non-profit, says Mallory".into(),
        decision: None,
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_license_exception",
            exempt,
            "adopts a license exception only by a decision",
        )
        .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn honest_peers_warrant_mallory_for_a_fake_contribution_claim() {
    let peers = Peers::with_hostile(1).await;
    let (project, request, _) = mallorys_licensed_design(&peers).await;
    // She claims to contribute to the commons with work nobody confirmed.
    let unconfirmed: ActionHash = peers
        .call(
            MALLORY,
            "hostile",
            "commit_contribution",
            raw_contribution(peers.agent(MALLORY), &project, 60),
        )
        .await;
    let fake = ovn_integrity::LicenseRequest {
        category: ovn_integrity::Category::ContributingForProfit {
            contributions: vec![ovn_integrity::CountedContribution {
                contribution: unconfirmed,
                confirmations: vec![],
            }],
        },
        ..request
    };
    peers
        .publish_as_mallory_and_await_warrant(
            "commit_license_request",
            fake,
            "confirmations; 1 are needed before it counts",
        )
        .await;
    peers.shutdown().await;
}
