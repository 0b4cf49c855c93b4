//! The rules on resources, custody and use, each kept and broken on the author's own
//! conductor: only the custodian hands a resource on, from their latest custody state, once,
//! to a member; only the recipient accepts, once; a nondominium resource is never sold; a use
//! keeps to its rules' duration, fee, users and reports; resources are never updated; their
//! index links point at the linker's own entries. The coordinator refuses bad input with typed
//! errors before anything is written.

use crate::common::*;
use holochain::prelude::*;
use ovn_domain::{Permitted, PropertyRegime, Rights, UsageRules};
use ovn_integrity::CustodyAcceptance;

const ALICE: usize = 0;
const BOB: usize = 1;

fn acceptance(resource: &ActionHash, transfer: &ActionHash) -> CustodyAcceptance {
    CustodyAcceptance {
        resource: resource.clone(),
        transfer: transfer.clone(),
        condition_note: String::new(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn custody_rules_are_kept_and_broken_on_the_authors_conductor() {
    let peers = Peers::honest(2).await;
    let alices_profile = create_profile(&peers, ALICE, "alice").await;
    let bobs_profile = create_profile(&peers, BOB, "bob").await;
    let (alices_profile, bobs_profile) = (
        alices_profile.action_address().clone(),
        bobs_profile.action_address().clone(),
    );
    let project = create_project(&peers, ALICE, "Printer fund").await;
    let printer = create_resource(
        &peers,
        ALICE,
        "3D printer",
        PropertyRegime::Nondominium,
        Some(&project),
    )
    .await;
    peers.sync().await;
    let (alice, bob) = (peers.agent(ALICE), peers.agent(BOB));
    let to_bob = raw_transfer(&printer, &printer, bob.clone(), &bobs_profile);

    let by_bob = raw_transfer(&printer, &printer, alice.clone(), &alices_profile);
    assert_invalid_commit(
        commit(&peers, BOB, "commit_custody_transfer", by_bob).await,
        "is not the custodian",
    );
    let borrowed = raw_transfer(&printer, &printer, bob.clone(), &alices_profile);
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_custody_transfer", borrowed).await,
        "custody goes to members",
    );
    let sale = ovn_integrity::CustodyTransfer {
        rights: Rights::Ownership { price: 10_000 },
        ..to_bob.clone()
    };
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_custody_transfer", sale).await,
        "changes custodian, never owner",
    );
    let claimed_owner = ovn_integrity::CustodyTransfer {
        owner: Some(alice.clone()),
        ..to_bob.clone()
    };
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_custody_transfer", claimed_owner).await,
        "as the owner",
    );
    let not_a_state = ovn_integrity::CustodyTransfer {
        prev: project.clone(),
        ..to_bob.clone()
    };
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_custody_transfer", not_a_state).await,
        "neither the resource's creation nor an acceptance",
    );
    let to_herself = raw_transfer(&printer, &printer, alice.clone(), &alices_profile);
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_custody_transfer", to_herself).await,
        "to themselves",
    );

    // Kept: alice hands the printer to bob, once.
    let first = commit(&peers, ALICE, "commit_custody_transfer", to_bob.clone())
        .await
        .expect("the custodian's first transfer is valid");
    let again = raw_transfer(&printer, &printer, bob.clone(), &bobs_profile);
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_custody_transfer", again).await,
        "already handed on",
    );
    peers.sync().await;
    assert_invalid_commit(
        commit(
            &peers,
            ALICE,
            "commit_custody_acceptance",
            acceptance(&printer, &first),
        )
        .await,
        "only the recipient",
    );
    assert_invalid_commit(
        commit(
            &peers,
            BOB,
            "commit_custody_acceptance",
            acceptance(&project, &first),
        )
        .await,
        &format!("transfers {printer}, not {project}"),
    );
    let accepted = commit(
        &peers,
        BOB,
        "commit_custody_acceptance",
        acceptance(&printer, &first),
    )
    .await
    .expect("the recipient's acceptance is valid");
    assert_invalid_commit(
        commit(
            &peers,
            BOB,
            "commit_custody_acceptance",
            acceptance(&printer, &first),
        )
        .await,
        "was already accepted",
    );
    // bob hands on from his acceptance; alice, no longer custodian, cannot.
    let onward = raw_transfer(&printer, &accepted, alice.clone(), &alices_profile);
    commit(&peers, BOB, "commit_custody_transfer", onward)
        .await
        .expect("the new custodian hands on from his acceptance");
    peers.sync().await;
    let from_bobs_state = raw_transfer(&printer, &accepted, bob.clone(), &bobs_profile);
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_custody_transfer", from_bobs_state).await,
        "'s custody state, not",
    );

    // A resource has a name and names a Project, if any.
    let printer_entry: ovn_integrity::Resource = entry(
        &peers
            .call::<_, Option<Record>>(ALICE, "resources", "get_resource", printer.clone())
            .await
            .expect("printer"),
    );
    let nameless = ovn_integrity::Resource {
        name: " ".into(),
        ..printer_entry.clone()
    };
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_resource", nameless).await,
        "name must not be empty",
    );
    let under_a_printer = ovn_integrity::Resource {
        project: Some(printer.clone()),
        ..printer_entry.clone()
    };
    assert_invalid_commit(
        commit(&peers, ALICE, "commit_resource", under_a_printer).await,
        "is not a Project",
    );

    // A request has a reason, names a Resource and the requester's own profile.
    let request =
        |resource: &ActionHash, profile: &ActionHash, note: &str| ovn_integrity::CustodyRequest {
            resource: resource.clone(),
            requester_profile: profile.clone(),
            note: note.into(),
        };
    commit(
        &peers,
        BOB,
        "commit_custody_request",
        request(&printer, &bobs_profile, "a week"),
    )
    .await
    .expect("a member's request for a resource is valid");
    for (payload, reason) in [
        (
            request(&printer, &bobs_profile, " "),
            "note must not be empty",
        ),
        (request(&printer, &alices_profile, "a week"), "the profile"),
        (
            request(&project, &bobs_profile, "a week"),
            "is not a Resource",
        ),
    ] {
        assert_invalid_commit(
            commit(&peers, BOB, "commit_custody_request", payload).await,
            reason,
        );
    }

    // Resources are never updated: not even to make a nondominium printer private.
    let privatised = hostile::UpdateResourceRaw {
        original: printer.clone(),
        resource: ovn_integrity::Resource {
            regime: PropertyRegime::Private,
            ..printer_entry
        },
    };
    assert_invalid_commit(
        commit(&peers, ALICE, "update_resource_raw", privatised).await,
        "resources cannot be updated",
    );

    // Index links point at the linker's own entries, under the right base.
    let forged = [
        (
            raw_link(printer.clone(), first.clone(), "ResourceToCustody", ""),
            "only the author",
        ),
        (
            raw_link(alice.clone(), accepted.clone(), "AgentToCustodyStates", ""),
            "may only index under their own key",
        ),
        (
            raw_link(bob.clone(), printer.clone(), "AgentToCustodyStates", ""),
            "'s custody state",
        ),
        (
            raw_link(project.clone(), printer.clone(), "ProjectToResources", ""),
            "only the creator",
        ),
        (
            raw_link(printer.clone(), first.clone(), "AllResources", ""),
            "all-resources anchor",
        ),
    ];
    for (link, reason) in forged {
        assert_invalid_commit(commit(&peers, BOB, "create_link_raw", link).await, reason);
    }
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn use_rules_are_kept_and_broken_on_the_authors_conductor() {
    let peers = Peers::honest(2).await;
    let alices_profile = create_profile(&peers, ALICE, "alice").await;
    let bobs_profile = create_profile(&peers, BOB, "bob").await;
    let (alices_profile, bobs_profile) = (
        alices_profile.action_address().clone(),
        bobs_profile.action_address().clone(),
    );
    let printer = create_resource(
        &peers,
        ALICE,
        "3D printer",
        PropertyRegime::Nondominium,
        None,
    )
    .await;
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
    let laser = laser.action_address().clone();
    peers.sync().await;
    let use_of = |minutes, fee| raw_use(&printer, Some(&bobs_profile), minutes, fee);

    commit(&peers, BOB, "commit_resource_use", use_of(240, 2_000))
        .await
        .expect("four hours at 5.00 an hour, with a report, by a member, is valid");
    // 241 minutes cost 500 × 241 / 60 = 2,008.33, rounded up: the fee is right, the time not.
    assert_invalid_commit(
        commit(&peers, BOB, "commit_resource_use", use_of(241, 2_009)).await,
        "the usage rules allow at most 240",
    );
    assert_invalid_commit(
        commit(&peers, BOB, "commit_resource_use", use_of(60, 499)).await,
        "is 500 under the usage rules, not 499",
    );
    let outsider = raw_use(&printer, None, 60, 500);
    assert_invalid_commit(
        commit(&peers, BOB, "commit_resource_use", outsider).await,
        "only members may use",
    );
    let borrowed = raw_use(&printer, Some(&alices_profile), 60, 500);
    assert_invalid_commit(
        commit(&peers, BOB, "commit_resource_use", borrowed).await,
        "the profile",
    );
    let unreported = ovn_integrity::ResourceUse {
        condition_report: " ".into(),
        ..use_of(60, 500)
    };
    assert_invalid_commit(
        commit(&peers, BOB, "commit_resource_use", unreported).await,
        "condition_report must not be empty",
    );
    let backwards = ovn_integrity::ResourceUse {
        until: use_of(60, 500).from,
        ..use_of(60, 500)
    };
    assert_invalid_commit(
        commit(&peers, BOB, "commit_resource_use", backwards).await,
        "must end after it starts",
    );
    let an_hour = 3_600_000_000;
    let ahead = ovn_integrity::ResourceUse {
        from: Timestamp::from_micros(Timestamp::now().as_micros() + an_hour),
        until: Timestamp::from_micros(Timestamp::now().as_micros() + 2 * an_hour),
        ..use_of(60, 500)
    };
    assert_invalid_commit(
        commit(&peers, BOB, "commit_resource_use", ahead).await,
        "after it was recorded",
    );
    let unskilled = raw_use(&laser, Some(&bobs_profile), 60, 0);
    assert_invalid_commit(
        commit(&peers, BOB, "commit_resource_use", unskilled).await,
        "one of the skills",
    );

    // A use logged as a contribution names a Resource, not any record.
    let project = create_project(&peers, BOB, "Spectrometer").await;
    peers.sync().await;
    let not_a_resource = ovn_domain::ContributionKind::Use {
        resource: project.clone(),
        minutes: 60,
    };
    assert_refused(
        peers
            .try_call::<_, Record>(
                BOB,
                "contributions",
                "log_contribution",
                log_input(&project, not_a_resource.clone()),
            )
            .await,
        "is not a resource",
    );
    let raw = ovn_integrity::Contribution {
        kind: not_a_resource,
        ..raw_contribution(peers.agent(BOB), &project, 60)
    };
    assert_invalid_commit(
        commit(&peers, BOB, "commit_contribution", raw).await,
        "is not a Resource",
    );
    let printer_use = ovn_integrity::Contribution {
        kind: ovn_domain::ContributionKind::Use {
            resource: printer.clone(),
            minutes: 60,
        },
        ..raw_contribution(peers.agent(BOB), &project, 60)
    };
    commit(&peers, BOB, "commit_contribution", printer_use)
        .await
        .expect("a use of a Resource is a valid contribution");

    // The coordinator computes the fee and refuses what the rules forbid.
    let until = Timestamp::now();
    let long = resources::uses::RecordUseInput {
        resource: printer.clone(),
        from: Timestamp::from_micros(until.as_micros() - 300 * 60_000_000),
        until,
        condition_report: "fine".into(),
    };
    refuses(
        &peers,
        BOB,
        "resources",
        "record_use",
        long,
        "the usage rules allow at most 240",
    )
    .await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_resources_coordinator_refuses_bad_input_with_typed_errors() {
    let peers = Peers::honest(2).await;
    create_profile(&peers, ALICE, "alice").await;
    create_profile(&peers, BOB, "bob").await;
    let mut nameless = resource_input(" ", PropertyRegime::Nondominium, None);
    refuses(
        &peers,
        ALICE,
        "resources",
        "create_resource",
        nameless.clone(),
        "name must not be empty",
    )
    .await;
    nameless.name = "Printer".into();
    nameless.rules = Some(UsageRules {
        max_minutes_per_use: 0,
        ..UsageRules::default()
    });
    refuses(
        &peers,
        ALICE,
        "resources",
        "create_resource",
        nameless,
        "max_minutes_per_use must be positive",
    )
    .await;
    let printer = create_resource(
        &peers,
        ALICE,
        "3D printer",
        PropertyRegime::Nondominium,
        None,
    )
    .await;
    peers.sync().await;
    let transfer = |to: AgentPubKey| resources::custody::TransferCustodyInput {
        resource: printer.clone(),
        to,
        rights: None,
        condition_note: String::new(),
    };
    refuses(
        &peers,
        BOB,
        "resources",
        "transfer_custody",
        transfer(peers.agent(ALICE)),
        "does not hold resource",
    )
    .await;
    let stranger = AgentPubKey::from_raw_32(vec![9; 32]);
    refuses(
        &peers,
        ALICE,
        "resources",
        "transfer_custody",
        transfer(stranger),
        "has no profile yet",
    )
    .await;
    refuses(
        &peers,
        ALICE,
        "resources",
        "transfer_custody",
        transfer(peers.agent(ALICE)),
        "to themselves",
    )
    .await;
    let to_bob = offer(&peers, ALICE, &printer, BOB).await;
    refuses(
        &peers,
        ALICE,
        "resources",
        "transfer_custody",
        transfer(peers.agent(BOB)),
        "is already offered",
    )
    .await;
    let accept_input = resources::custody::AcceptCustodyInput {
        transfer: to_bob.clone(),
        condition_note: String::new(),
    };
    refuses(
        &peers,
        ALICE,
        "resources",
        "accept_custody",
        accept_input.clone(),
        "only they may accept",
    )
    .await;
    peers.sync().await;
    accept(&peers, BOB, &to_bob).await;
    refuses(
        &peers,
        BOB,
        "resources",
        "accept_custody",
        accept_input,
        "was already accepted",
    )
    .await;
    assert_refused(
        peers
            .try_call::<_, resources::custody::CustodyReport>(
                BOB,
                "resources",
                "get_custody_history",
                to_bob.clone(),
            )
            .await,
        "not found",
    );
    // Nothing bad was written: bob holds it after the one hand-over.
    let report = custody_of(&peers, BOB, &printer).await;
    assert_eq!(report.custodian, peers.agent(BOB));
    assert_eq!(report.steps.len(), 1);
    peers.shutdown().await;
}
