//! The license rules, each kept and broken on the author's own conductor: stewards add project
//! licenses; a resource's creator attaches its license once, at least as reciprocal as the
//! share-alike works it derives from; a request speaks for its author; a contributing
//! for-profit names its own counted contributions to this commons; a grant is the licensor's,
//! under the resource's terms, with the rule's category and fee unless a steward's exception
//! for that request decides otherwise; a license fee income is the grant's fee, of the
//! resource's project; grants are never updated. The coordinator's typed refusals too.

use crate::common::*;
use holochain::prelude::*;
use ovn_domain::license::{FeeSchedule, LicenseKind, LicenseTerms, LicenseeCategory, Usage};
use ovn_domain::{IncomeSource, PropertyRegime};
use ovn_integrity::{
    Category, CountedContribution, License, LicenseAttachment, LicenseException, LicenseGrant,
    LicenseRef, LicenseRequest, Licensee,
};

const ALICE: usize = 0;
const BOB: usize = 1;

/// A contributing for-profit naming one contribution with its confirmations.
fn counted(contribution: &ActionHash, confirmations: Vec<ActionHash>) -> Category {
    Category::ContributingForProfit {
        contributions: vec![CountedContribution {
            contribution: contribution.clone(),
            confirmations,
        }],
    }
}

fn catalogue(name: &str) -> LicenseRef {
    LicenseRef::Catalogue { name: name.into() }
}

fn permissive() -> LicenseTerms {
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

/// alice (steward of "Open spectrometer", creator of its design) and bob (steward of his
/// product line, creator of an enclosure design), members; every peer holds them.
struct World {
    peers: Peers,
    alices_profile: ActionHash,
    bobs_profile: ActionHash,
    project: ActionHash,
    bobs_project: ActionHash,
    design: ActionHash,
    bobs_design: ActionHash,
}

// One conductor pair for all the license rules; each part is boxed, so the test's future
// stays small enough for the test thread's stack.
#[tokio::test(flavor = "multi_thread")]
async fn license_rules_are_kept_and_broken_on_the_authors_conductor() {
    let peers = Peers::honest(2).await;
    let alices_profile = create_profile(&peers, ALICE, "alice").await;
    let bobs_profile = create_profile(&peers, BOB, "bob").await;
    let (alices_profile, bobs_profile) = (
        alices_profile.action_address().clone(),
        bobs_profile.action_address().clone(),
    );
    let project = create_project(&peers, ALICE, "Open spectrometer").await;
    let bobs_project = create_project(&peers, BOB, "Bob's product line").await;
    let design = create_resource(
        &peers,
        ALICE,
        "Spectrometer design",
        PropertyRegime::Commons,
        Some(&project),
    )
    .await;
    let bobs_design = create_resource(
        &peers,
        BOB,
        "Bob's enclosure",
        PropertyRegime::Commons,
        Some(&bobs_project),
    )
    .await;
    peers.sync().await;
    let w = World {
        peers,
        alices_profile,
        bobs_profile,
        project,
        bobs_project,
        design,
        bobs_design,
    };
    let permissive_license = Box::pin(project_license_rules(&w)).await;
    let designs_license = Box::pin(attachment_rules(&w, &permissive_license)).await;
    let requests = Box::pin(request_rules(&w, &designs_license)).await;
    Box::pin(grant_rules(&w, requests)).await;
    let World { peers, .. } = w;
    peers.shutdown().await;
}

/// Project licenses: by a steward, not named like the catalogue's, with valid terms.
async fn project_license_rules(w: &World) -> ActionHash {
    let World { peers, project, .. } = w;
    let license = |project: &ActionHash, name: &str, terms| License {
        name: name.into(),
        project: project.clone(),
        terms,
    };
    let permissive_license = commit(
        peers,
        ALICE,
        "commit_license",
        license(project, "Spectrometer permissive", permissive()),
    )
    .await
    .expect("a steward adds a license");
    assert_invalid_commit(
        commit(
            peers,
            BOB,
            "commit_license",
            license(project, "Bob's own", permissive()),
        )
        .await,
        "is not a steward",
    );
    assert_invalid_commit(
        commit(
            peers,
            ALICE,
            "commit_license",
            license(project, "CBRL-1.0", permissive()),
        )
        .await,
        "is a license of the network's catalogue",
    );
    let free_cbrl = LicenseTerms {
        fee: None,
        ..LicenseTerms::cbrl(FeeSchedule::Flat { amount: 1 })
    };
    assert_invalid_commit(
        commit(
            peers,
            ALICE,
            "commit_license",
            license(project, "Free CBRL", free_cbrl),
        )
        .await,
        "give it a fee",
    );
    let create = licenses::catalogue::CreateLicenseInput {
        project: project.clone(),
        name: "Bob's own".into(),
        terms: permissive(),
    };
    refuses(
        peers,
        BOB,
        "licenses",
        "create_license",
        create,
        "is not a steward",
    )
    .await;

    // Only a project's stewards register resources under it (its fees become its income).
    let squatted = ovn_integrity::Resource {
        name: "Bob's enclosure, filed under alice's project".into(),
        specification: String::new(),
        regime: PropertyRegime::Commons,
        rules: printer_rules(),
        project: Some(project.clone()),
        location: String::new(),
        condition: String::new(),
    };
    assert_invalid_commit(
        commit(peers, BOB, "commit_resource", squatted).await,
        "only its stewards register its resources",
    );
    assert_refused(
        peers
            .try_call::<_, Record>(
                BOB,
                "resources",
                "create_resource",
                resource_input("Enclosure", PropertyRegime::Commons, Some(project)),
            )
            .await,
        "only its stewards register its resources",
    );

    // Licenses are never updated: grants and derivatives rely on the terms as signed.
    let rewritten = hostile::UpdateLicenseEntryRaw {
        original: permissive_license.clone(),
        entry: hostile::LicenseEntry::License(license(
            project,
            "Spectrometer permissive",
            LicenseTerms::cbrl(FeeSchedule::Flat { amount: 1 }),
        )),
    };
    assert_invalid_commit(
        commit(peers, ALICE, "update_license_entry_raw", rewritten).await,
        "licenses cannot be updated",
    );
    permissive_license
}

/// Attachments: by the resource's creator, once, with a license its project may use, as
/// reciprocal as its share-alike sources. Returns the design's attachment.
async fn attachment_rules(w: &World, permissive_license: &ActionHash) -> ActionHash {
    let World {
        peers,
        design,
        bobs_design,
        ..
    } = w;
    let attachment =
        |resource: &ActionHash, license, derives_from: Vec<ActionHash>| LicenseAttachment {
            resource: resource.clone(),
            license,
            derives_from,
        };
    peers.sync().await;
    let bobs_attachment = attach_license(peers, BOB, bobs_design, "CC-BY-SA-4.0", &[]).await;
    peers.sync().await;
    for (author, payload, reason) in [
        (
            BOB,
            attachment(design, catalogue("CBRL-1.0"), vec![]),
            "only the creator",
        ),
        (
            ALICE,
            attachment(design, catalogue("MIT"), vec![]),
            "is not a license of the network's catalogue",
        ),
        (
            BOB,
            attachment(
                bobs_design,
                LicenseRef::Project {
                    license: permissive_license.clone(),
                },
                vec![],
            ),
            "only that project's resources may carry it",
        ),
        (
            ALICE,
            attachment(
                design,
                LicenseRef::Project {
                    license: permissive_license.clone(),
                },
                vec![bobs_attachment.clone()],
            ),
            "cannot be licensed less reciprocally",
        ),
        (
            BOB,
            attachment(bobs_design, catalogue("GPL-3.0"), vec![]),
            "already carries a license",
        ),
        (
            ALICE,
            attachment(
                design,
                catalogue("CBRL-1.0"),
                vec![bobs_attachment.clone(), bobs_attachment.clone()],
            ),
            "is named twice as a source",
        ),
    ] {
        assert_invalid_commit(
            commit(peers, author, "commit_license_attachment", payload).await,
            reason,
        );
    }
    let attach = licenses::catalogue::AttachLicenseInput {
        resource: design.clone(),
        license: LicenseRef::Project {
            license: permissive_license.clone(),
        },
        derives_from: vec![bobs_design.clone()],
    };
    refuses(
        peers,
        ALICE,
        "licenses",
        "attach_license",
        attach,
        "less reciprocally",
    )
    .await;
    // A CBRL derivative of a CC BY-SA work.
    let designs_license = attach_license(
        peers,
        ALICE,
        design,
        "CBRL-1.0",
        std::slice::from_ref(bobs_design),
    )
    .await;
    assert_invalid_commit(
        commit(
            peers,
            ALICE,
            "commit_license_attachment",
            attachment(design, catalogue("CBRL-1.0"), vec![designs_license.clone()]),
        )
        .await,
        "is this resource's own license, not a source",
    );
    let again = licenses::catalogue::AttachLicenseInput {
        resource: design.clone(),
        license: catalogue("GPL-3.0"),
        derives_from: vec![],
    };
    refuses(
        peers,
        ALICE,
        "licenses",
        "attach_license",
        again,
        "already carries a license",
    )
    .await;
    let not_mine = licenses::catalogue::AttachLicenseInput {
        resource: design.clone(),
        license: catalogue("GPL-3.0"),
        derives_from: vec![],
    };
    refuses(
        peers,
        BOB,
        "licenses",
        "attach_license",
        not_mine,
        "attaches its license",
    )
    .await;
    // Nor is an attachment: a resource's license is what its users were granted.
    let relicensed = hostile::UpdateLicenseEntryRaw {
        original: designs_license.clone(),
        entry: hostile::LicenseEntry::LicenseAttachment(attachment(
            design,
            catalogue("CC-BY-SA-4.0"),
            vec![],
        )),
    };
    assert_invalid_commit(
        commit(peers, ALICE, "update_license_entry_raw", relicensed).await,
        "license attachments cannot be updated",
    );
    peers.sync().await;
    designs_license
}

/// Two valid requests of bob's for the design, and what grants of them need.
struct Requests {
    contributing: ActionHash,
    for_profit: ActionHash,
    exempted: ActionHash,
    b_work: ActionHash,
    a_confirms_b: ActionHash,
}

/// Requests speak for their author; a contributing for-profit shows counted contributions of
/// its own to this commons.
async fn request_rules(w: &World, designs_license: &ActionHash) -> Requests {
    let World {
        peers,
        alices_profile,
        bobs_profile,
        project,
        bobs_project,
        design,
        bobs_design,
        ..
    } = w;
    // Requests speak for their author; a contributing for-profit shows counted contributions
    // of its own to this commons.
    let request = |licensee, category: Category| LicenseRequest {
        resource: design.clone(),
        attachment: designs_license.clone(),
        requester_profile: bobs_profile.clone(),
        licensee,
        category,
        usage: Usage::default(),
        note: String::new(),
    };
    let as_bob = || Licensee::Requester;
    let b_work = log_work_hash(peers, BOB, project, 480).await;
    let a_work = log_work_hash(peers, ALICE, project, 60).await;
    let b_elsewhere = log_work_hash(peers, BOB, bobs_project, 60).await;
    peers.sync().await;
    let a_confirms_b = confirm(peers, ALICE, &b_work)
        .await
        .action_address()
        .clone();
    let b_confirms_a = confirm(peers, BOB, &a_work).await.action_address().clone();
    let a_confirms_elsewhere = confirm(peers, ALICE, &b_elsewhere)
        .await
        .action_address()
        .clone();
    peers.sync().await;
    for (payload, reason) in [
        (
            LicenseRequest {
                requester_profile: alices_profile.clone(),
                ..request(as_bob(), Category::ForProfit)
            },
            "members ask in their own name",
        ),
        (
            LicenseRequest {
                resource: bobs_design.clone(),
                ..request(as_bob(), Category::ForProfit)
            },
            "is the license of",
        ),
        (
            request(as_bob(), counted(&b_work, vec![])),
            "0 confirmations; 1 are needed",
        ),
        (
            request(as_bob(), counted(&b_work, vec![a_confirms_b.clone(); 51])),
            "confirmations has 51 items; the limit is 50",
        ),
        (
            request(as_bob(), counted(&a_work, vec![b_confirms_a.clone()])),
            "'s contribution to project",
        ),
        (
            request(
                as_bob(),
                counted(&b_elsewhere, vec![a_confirms_elsewhere.clone()]),
            ),
            "'s contribution to project",
        ),
        (
            request(as_bob(), counted(&b_work, vec![b_confirms_a.clone()])),
            "is not a confirmation of",
        ),
        (
            request(
                Licensee::Outside {
                    name: "Acme Instruments Inc.".into(),
                },
                counted(&b_work, vec![a_confirms_b.clone()]),
            ),
            "a contributing for-profit is a member",
        ),
        (
            request(as_bob(), Category::WorkerCooperative { workers: 0 }),
            "workers",
        ),
    ] {
        assert_invalid_commit(
            commit(peers, BOB, "commit_license_request", payload).await,
            reason,
        );
    }
    let contributing = commit(
        peers,
        BOB,
        "commit_license_request",
        request(as_bob(), counted(&b_work, vec![a_confirms_b.clone()])),
    )
    .await
    .expect("a real, counted contribution");
    let for_profit = commit(
        peers,
        BOB,
        "commit_license_request",
        request(as_bob(), Category::ForProfit),
    )
    .await
    .expect("bob asks as a for-profit");
    // Requests are never updated: bob cannot turn his for-profit into a cooperative afterwards.
    let relabelled = hostile::UpdateLicenseEntryRaw {
        original: for_profit.clone(),
        entry: hostile::LicenseEntry::LicenseRequest(request(
            as_bob(),
            Category::WorkerCooperative { workers: 12 },
        )),
    };
    assert_invalid_commit(
        commit(peers, BOB, "update_license_entry_raw", relabelled).await,
        "license requests cannot be updated",
    );
    let exempted = commit(
        peers,
        BOB,
        "commit_license_request",
        request(as_bob(), Category::ForProfit),
    )
    .await
    .expect("bob asks again, for another product line");
    let unlicensed = create_resource(peers, BOB, "Bob's jig", PropertyRegime::Commons, None).await;
    peers.sync().await;
    let ask = license_request_input(&unlicensed, None, LicenseeCategory::ForProfit);
    refuses(
        peers,
        ALICE,
        "licenses",
        "request_license",
        ask,
        "carries no license yet",
    )
    .await;
    peers.sync().await;
    Requests {
        contributing,
        for_profit,
        exempted,
        b_work,
        a_confirms_b,
    }
}

/// Grants, exceptions, license-fee income, and grants never updated.
async fn grant_rules(w: &World, requests: Requests) {
    let World {
        peers,
        project,
        bobs_project,
        design,
        ..
    } = w;
    let Requests {
        contributing,
        for_profit,
        exempted,
        b_work,
        a_confirms_b,
    } = requests;
    let as_bob = || Licensee::Requester;
    // Grants: the licensor's, under the resource's terms, the rule's category and fee.
    let terms = LicenseTerms::cbrl(FeeSchedule::Flat { amount: 50_000 });
    let grant = |request: &ActionHash, category: Category, fee, exception| LicenseGrant {
        request: request.clone(),
        resource: design.clone(),
        licensee: as_bob(),
        category,
        terms: terms.clone(),
        usage: Usage::default(),
        fee,
        exception,
    };
    let paid = commit(
        peers,
        ALICE,
        "commit_license_grant",
        grant(&for_profit, Category::ForProfit, 50_000, None),
    )
    .await
    .expect("a for-profit pays 500.00");
    commit(
        peers,
        ALICE,
        "commit_license_grant",
        grant(
            &contributing,
            counted(&b_work, vec![a_confirms_b.clone()]),
            0,
            None,
        ),
    )
    .await
    .expect("a contributing for-profit is exempt");
    let mut other_terms = grant(&for_profit, Category::ForProfit, 50_000, None);
    other_terms.terms = LicenseTerms::ppl(FeeSchedule::Flat { amount: 50_000 });
    let mut other_licensee = grant(&for_profit, Category::ForProfit, 50_000, None);
    other_licensee.licensee = Licensee::Outside {
        name: "Someone else".into(),
    };
    for (author, payload, reason) in [
        (
            ALICE,
            grant(&for_profit, Category::ForProfit, 0, None),
            "the license fee due from a ForProfit licensee is 50000, not 0",
        ),
        (
            ALICE,
            grant(
                &for_profit,
                Category::WorkerCooperative { workers: 12 },
                0,
                None,
            ),
            "needs an exception decided for this case",
        ),
        (
            BOB,
            grant(&for_profit, Category::ForProfit, 50_000, None),
            "only its stewards grant licenses",
        ),
        (ALICE, other_terms, "the terms granted are not those"),
        (ALICE, other_licensee, "must be those of the request"),
        (
            ALICE,
            grant(&for_profit, Category::ForProfit, 50_000, None),
            "a request is granted once",
        ),
    ] {
        assert_invalid_commit(
            commit(peers, author, "commit_license_grant", payload).await,
            reason,
        );
    }

    // Exceptions: decided by a steward for one request; a grant may then depart from the rule.
    let exception = |request: &ActionHash| LicenseException {
        request: request.clone(),
        category: Category::WorkerCooperative { workers: 12 },
        fee: 10_000,
        reason: "The association treats bob's firm as a cooperative in conversion".into(),
    };
    assert_invalid_commit(
        commit(
            peers,
            BOB,
            "commit_license_exception",
            exception(&for_profit),
        )
        .await,
        "only its stewards decide exceptions",
    );
    let decided = commit(
        peers,
        ALICE,
        "commit_license_exception",
        exception(&exempted),
    )
    .await
    .expect("a steward decides an exception");
    let cheaper = hostile::UpdateLicenseEntryRaw {
        original: decided.clone(),
        entry: hostile::LicenseEntry::LicenseException(LicenseException {
            fee: 0,
            ..exception(&exempted)
        }),
    };
    assert_invalid_commit(
        commit(peers, ALICE, "update_license_entry_raw", cheaper).await,
        "license exceptions cannot be updated",
    );
    let for_contributing = commit(
        peers,
        ALICE,
        "commit_license_exception",
        exception(&contributing),
    )
    .await
    .expect("another exception, for the other request");
    let as_contributing = LicenseException {
        category: counted(&b_work, vec![]),
        fee: 0,
        ..exception(&exempted)
    };
    assert_invalid_commit(
        commit(peers, ALICE, "commit_license_exception", as_contributing).await,
        "an exception cannot make a licensee a contributing for-profit",
    );
    let beyond = LicenseException {
        fee: u64::MAX,
        ..exception(&exempted)
    };
    assert_invalid_commit(
        commit(peers, ALICE, "commit_license_exception", beyond).await,
        "fee is 18446744073709551615; the limit is",
    );
    let as_decided = |fee, exception: &ActionHash| {
        grant(
            &exempted,
            Category::WorkerCooperative { workers: 12 },
            fee,
            Some(exception.clone()),
        )
    };
    for (payload, reason) in [
        (as_decided(10_000, &for_contributing), "was decided for"),
        (
            as_decided(0, &decided),
            "grants as WorkerCooperative for a fee of 10000",
        ),
    ] {
        assert_invalid_commit(
            commit(peers, ALICE, "commit_license_grant", payload).await,
            reason,
        );
    }
    commit(
        peers,
        ALICE,
        "commit_license_grant",
        as_decided(10_000, &decided),
    )
    .await
    .expect("a grant under the exception");
    // The coordinator: a second grant of a request, and a grant by someone who is not the
    // licensor, are refused before anything is written.
    peers.sync().await;
    let twice = licenses::grants::GrantLicenseInput {
        request: for_profit.clone(),
        exception: None,
    };
    refuses(
        peers,
        ALICE,
        "licenses",
        "grant_license",
        twice.clone(),
        "was already granted",
    )
    .await;
    refuses(
        peers,
        BOB,
        "licenses",
        "grant_license",
        twice,
        "may not grant licenses",
    )
    .await;

    // A license fee is income of the resource's project, of exactly the grant's fee.
    let income = |project: &ActionHash, amount| ovn_integrity::IncomeEvent {
        project: project.clone(),
        amount,
        source: IncomeSource::LicenseFee {
            grant: paid.clone(),
        },
        description: "CBRL fee".into(),
        evidence: vec![],
        received: Timestamp::now(),
    };
    for (author, payload, reason) in [
        (
            ALICE,
            income(project, 40_000),
            "set a fee of 50000, not 40000",
        ),
        (
            ALICE,
            income(bobs_project, 50_000),
            "does not belong to the project",
        ),
        (BOB, income(project, 50_000), "records its fee"),
    ] {
        assert_invalid_commit(
            commit(peers, author, "commit_income_event", payload).await,
            reason,
        );
    }
    let mut fee_input = income_input(project, 50_000);
    fee_input.source = IncomeSource::LicenseFee {
        grant: paid.clone(),
    };
    assert_refused(
        peers
            .try_call::<_, Record>(BOB, "ledger", "record_income", fee_input.clone())
            .await,
        "records its fee",
    );
    let _: Record = peers
        .call(ALICE, "ledger", "record_income", fee_input.clone())
        .await;
    assert_refused(
        peers
            .try_call::<_, Record>(ALICE, "ledger", "record_income", fee_input)
            .await,
        "was already recorded as income",
    );
    assert_invalid_commit(
        commit(peers, ALICE, "commit_income_event", income(project, 50_000)).await,
        "was already recorded as income",
    );

    // The license index links point at the linker's own entries, under the base they name.
    for (author, link, reason) in [
        (
            BOB,
            raw_link(design.clone(), paid.clone(), "ResourceToLicenseGrants", ""),
            "only the author",
        ),
        (
            ALICE,
            raw_link(
                bobs_project.clone(),
                paid.clone(),
                "ResourceToLicenseGrants",
                "",
            ),
            "does not belong under",
        ),
        (
            ALICE,
            raw_link(
                design.clone(),
                decided.clone(),
                "ResourceToLicenseRequests",
                "",
            ),
            "is not a LicenseRequest",
        ),
        (
            BOB,
            raw_link(
                for_profit.clone(),
                decided.clone(),
                "LicenseRequestToExceptions",
                "",
            ),
            "only the author",
        ),
    ] {
        assert_invalid_commit(commit(peers, author, "create_link_raw", link).await, reason);
    }

    // Grants are never updated: not even to lower a fee already due.
    let lowered = hostile::UpdateLicenseGrantRaw {
        original: paid.clone(),
        grant: grant(&for_profit, Category::ForProfit, 0, None),
    };
    assert_invalid_commit(
        commit(peers, ALICE, "update_license_grant_raw", lowered).await,
        "license grants cannot be updated",
    );
}
