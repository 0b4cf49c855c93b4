//! Audit through the conductor: alice's chain after a realistic scenario (a private profile,
//! work logged and confirmed, an income distributed, a design licensed to a for-profit for a
//! fee) is exported by herself and by bob from the DHT; `ovn-audit` verifies both offline and
//! finds every tampering of the real bytes; bob's online audit replays every rule over her
//! chain; a distribution that leaves out a counted contribution, pays one that did not count or
//! uses a superseded equation is reported; and the byte-level
//! facts the auditor relies on are checked against Holochain's own types.
//!
//! The byte-level facts, on a real conductor's export
//! (`alices_chain_from_a_real_conductor_verifies_offline_and_every_tampering_is_found`): every
//! exported action decodes as Holochain's own `Action` and hashes (`ActionHashed`) to the
//! exported hash, its signature verifies with Holochain's keystore, the auditor's mirror types
//! re-encode it byte for byte, each entry hashes (`EntryHash::with_data_sync`) to the exported
//! entry hash, and the auditor's entry-type table is the integrity zome's `EntryTypes` in order.
//! Mallory's overlong day of work is found offline in her own export (exit 1) and online, with
//! the honest peer's warrant and the warranted action replayed `Invalid` for the rule's reason.

use crate::common::*;
use audit::export::ExportChainInput;
use audit::findings::{Finding, Found};
use audit::report::{AuditReport, ChainVerdict, Verdict};
use holochain::prelude::*;
use ovn_auditor::mirror;
use ovn_auditor::verify::{verify, Verification};
use ovn_domain::accounting::endorsement::ContributionState;
use ovn_domain::export::{ChainExport, ExportSource};
use ovn_domain::licenses::LicenseeCategory;
use ovn_domain::EndorsementKind;
use ovn_domain::PropertyRegime;

/// Peer `by` exports peer `of`'s chain.
pub async fn export(peers: &Peers, by: usize, of: usize, include_private: bool) -> ChainExport {
    let input = ExportChainInput {
        agent: peers.agent(of),
        include_private,
    };
    peers.call(by, "audit", "export_chain", input).await
}

/// Writes `export` where a person would keep it (target/audit-exports/NAME.json) and runs
/// the `ovn-audit` command line on it: its exit status and report.
pub fn ovn_audit(export: &ChainExport, name: &str) -> (i32, String) {
    let dir = repo_root().join("target/audit-exports");
    std::fs::create_dir_all(&dir).expect("create target/audit-exports");
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(export).expect("JSON")).expect("write");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let args = ["ovn-audit", "--quiet", path.to_str().expect("a UTF-8 path")];
    let code = ovn_auditor::cli::run(args.map(String::from), &mut out, &mut err);
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
    (code, String::from_utf8_lossy(&out).into_owned())
}

fn offline(export: &ChainExport) -> Verification {
    verify(export, |_| {})
}

#[tokio::test(flavor = "multi_thread")]
async fn alices_chain_from_a_real_conductor_verifies_offline_and_every_tampering_is_found() {
    let peers = Peers::honest(3).await;
    let (alice, bob, carol) = (0, 1, 2);
    let private = ovn_integrity::PrivateProfile {
        contact: "alice@example.org".into(),
        payout_details: "IBAN DE00 0000".into(),
    };
    let input = members::profiles::CreateProfileInput {
        nickname: "alice".into(),
        skills: vec!["optics".into()],
        private: Some(private),
    };
    let _: Record = peers.call(alice, "members", "create_profile", input).await;
    create_profile(&peers, bob, "bob").await;
    create_profile(&peers, carol, "carol").await;
    let project = create_project(&peers, alice, "Open spectrometer").await;
    peers.sync().await;

    // Work, confirmed; an income of 500.00 distributed.
    let a = log_work(&peers, alice, &project, 600).await;
    let b = log_work(&peers, bob, &project, 480).await;
    peers.sync().await;
    confirm(&peers, bob, a.action_address()).await;
    confirm(&peers, alice, b.action_address()).await;
    peers.sync().await;
    let income = record_income(&peers, alice, &project, 50_000).await;
    distribute(&peers, alice, &income).await;

    // A design under the CBRL, licensed to a shareholder-owned for-profit for 500.00.
    let design = create_resource(
        &peers,
        alice,
        "Spectrometer design",
        PropertyRegime::Commons,
        Some(&project),
    )
    .await;
    attach_license(&peers, alice, &design, "CBRL-1.0", &[]).await;
    peers.sync().await;
    let asked = request_license(
        &peers,
        bob,
        &design,
        Some("Acme Instruments Inc."),
        LicenseeCategory::ForProfit,
    )
    .await;
    peers.sync().await;
    grant_license(&peers, alice, asked.request.action_address(), None).await;
    peers.sync().await;

    // alice exports her own chain, private entries included; bob gathers it from the DHT.
    let own = export(&peers, alice, alice, true).await;
    let from_dht = export(&peers, bob, alice, false).await;
    assert_eq!(own.source, ExportSource::Author);
    assert_eq!(from_dht.source, ExportSource::Dht);
    assert_eq!(own.agent.0, peers.agent(alice).get_raw_39());
    let hashes = |x: &ChainExport| x.actions.iter().map(|a| a.hash.clone()).collect::<Vec<_>>();
    assert_eq!(
        hashes(&own),
        hashes(&from_dht),
        "the DHT holds alice's chain as she signed it"
    );
    assert_refused(
        peers
            .try_call::<_, ChainExport>(
                bob,
                "audit",
                "export_chain",
                ExportChainInput {
                    agent: peers.agent(alice),
                    include_private: true,
                },
            )
            .await,
        "can export their private entries",
    );

    holochain_agrees_with_the_auditors_byte_level_facts(&own).await;

    // ovn-audit verifies both offline, exit status 0.
    for (x, name) in [(&own, "alice-own"), (&from_dht, "alice-from-dht")] {
        let (code, report) = ovn_audit(x, name);
        assert_eq!(code, 0, "{report}");
        assert!(report.contains("no findings"), "{report}");
        let v = offline(x);
        assert_eq!(v.signatures_verified, x.actions.len());
        let entries = &v.replay.entries;
        for (t, n) in [
            ("Profile", 1),
            ("Project", 1),
            ("Contribution", 1),
            ("Endorsement", 1),
            ("IncomeEvent", 1),
            ("Settlement", 1),
            ("Distribution", 1),
            ("Resource", 1),
            ("LicenseAttachment", 1),
            ("LicenseGrant", 1),
        ] {
            assert_eq!(entries.get(t), Some(&n), "{name}: {t} in {entries:?}");
        }
        assert!(
            v.replay
                .figures
                .iter()
                .any(|f| f.starts_with("distribution ") && f.ends_with("= 50000 of income 50000")),
            "{:?}",
            v.replay.figures
        );
        assert!(
            v.replay
                .figures
                .iter()
                .any(|f| f.contains("ForProfit under CommonsBasedReciprocity owes 50000")),
            "{:?}",
            v.replay.figures
        );
    }
    assert_eq!(offline(&own).replay.entries.get("PrivateProfile"), Some(&1));
    let withheld = offline(&from_dht).private_entries_withheld;
    assert!(
        withheld >= 1,
        "alice's private profile is withheld from bob"
    );

    // Every tampering of the real bytes is found: a bit of each action, each signature and each
    // entry; each action dropped, duplicated, moved, or replaced by one of bob's.
    let bobs = export(&peers, bob, bob, false).await;
    let n = own.actions.len();
    let mut cases = 0;
    let mut tampered = |f: &dyn Fn(&mut ChainExport), what: String| {
        let mut t = own.clone();
        f(&mut t);
        assert!(!offline(&t).is_clean(), "{what} went unnoticed");
        cases += 1;
    };
    for i in 0..n {
        let len = own.actions[i].action.0.len();
        for bit in [0, 7, (i * 7919) % (len * 8), len * 8 - 1] {
            tampered(
                &|t| t.actions[i].action.0[bit / 8] ^= 1 << (bit % 8),
                format!("action {i} bit {bit}"),
            );
        }
        tampered(
            &|t| t.actions[i].signature.0[(i * 13) % 64] ^= 0x10,
            format!("signature {i}"),
        );
        if let Some(e) = &own.actions[i].entry {
            let bit = (i * 104_729) % (e.entry.0.len() * 8);
            tampered(
                &|t| t.actions[i].entry.as_mut().unwrap().entry.0[bit / 8] ^= 1 << (bit % 8),
                format!("entry {i} bit {bit}"),
            );
        }
        tampered(
            &|t| drop(t.actions.remove(i)),
            format!("action {i} dropped"),
        );
        tampered(
            &|t| t.actions.insert(i, t.actions[i].clone()),
            format!("action {i} duplicated"),
        );
        if i + 1 < n {
            tampered(
                &|t| t.actions.swap(i, i + 1),
                format!("actions {i} and {} swapped", i + 1),
            );
        }
        if i < bobs.actions.len() {
            tampered(
                &|t| t.actions[i] = bobs.actions[i].clone(),
                format!("bob's action {i} swapped in"),
            );
        }
    }
    assert!(cases > 8 * n, "{cases} tamperings of {n} actions");
    let mut t = own.clone();
    t.actions[n / 2].signature.0[0] ^= 1;
    let (code, report) = ovn_audit(&t, "alice-tampered");
    assert_eq!(code, 1, "{report}");
    assert!(
        report.contains("[signature] the signature does not verify"),
        "{report}"
    );

    // bob's online audit of alice: a valid chain, every rule replayed and kept.
    let report: AuditReport = peers
        .call(bob, "audit", "audit_agent", peers.agent(alice))
        .await;
    assert_eq!(report.status, ChainVerdict::Valid);
    assert!(report.clean, "{report:#?}");
    assert_eq!(report.actions as usize, n);
    assert!(report.warrants.is_empty() && report.rejected.is_empty() && report.findings.is_empty());
    let verdict_of = |what: &str| {
        report
            .replayed
            .iter()
            .find(|r| r.what == what)
            .unwrap_or_else(|| panic!("no {what} in {report:#?}"))
    };
    assert_eq!(verdict_of("Distribution").verdict, Verdict::Valid);
    assert!(verdict_of("Distribution")
        .figure
        .as_deref()
        .unwrap()
        .contains("totalling 50000"));
    assert_eq!(verdict_of("LicenseGrant").verdict, Verdict::Valid);
    assert_eq!(verdict_of("PrivateProfile").verdict, Verdict::Private);
    assert!(report
        .replayed
        .iter()
        .all(|r| matches!(r.verdict, Verdict::Valid | Verdict::Private)));
    peers.shutdown().await;
}

/// The facts `ovn-audit` relies on, checked with Holochain 0.7.1's own types on a real export:
/// the exported bytes decode as Holochain's `Action` and hash to the exported hash; the
/// auditor's mirror types re-encode them byte for byte; Holochain's keystore verifies each
/// signature over them; entries hash as Holochain hashes them; the mirror's entry type indexes
/// are the integrity zome's.
async fn holochain_agrees_with_the_auditors_byte_level_facts(export: &ChainExport) {
    use holochain_keystore::AgentPubKeyExt;
    let names: Vec<String> = <ovn_integrity::EntryTypes as UnitEnum>::unit_iter()
        .map(|u| format!("{u:?}"))
        .collect();
    assert_eq!(
        names,
        ovn_auditor::replay::ENTRY_TYPES,
        "the auditor's entry types are the zome's, in order"
    );
    for (i, a) in export.actions.iter().enumerate() {
        let action: Action =
            holochain_serialized_bytes::decode(&a.action.0).expect("Holochain decodes the bytes");
        let hashed = ActionHashed::from_content_sync(action.clone());
        assert_eq!(
            hashed.as_hash().get_raw_39(),
            a.hash.0.as_slice(),
            "action {i}'s hash"
        );
        let mirrored: mirror::Action = rmp_serde::from_slice(&a.action.0).expect("mirror decodes");
        assert_eq!(
            ovn_auditor::generate::encode(&mirrored),
            a.action.0,
            "the mirror re-encodes action {i} ({:?}) byte for byte",
            action.action_type()
        );
        let key = action.author().clone();
        let signature = Signature(a.signature.0.as_slice().try_into().expect("64 bytes"));
        let data: std::sync::Arc<[u8]> = a.action.0.clone().into();
        assert!(
            key.verify_signature_raw(&signature, data)
                .await
                .expect("verify"),
            "Holochain verifies the signature over the exported bytes"
        );
        if let Some(e) = &a.entry {
            let entry: Entry = holochain_serialized_bytes::decode(&e.entry.0).expect("an entry");
            let hash = EntryHash::with_data_sync(&entry);
            assert_eq!(
                hash.get_raw_39(),
                e.hash.0.as_slice(),
                "entry of action {i}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_distribution_that_left_out_a_counted_contribution_and_an_earlier_distribution_is_reported(
) {
    let (peers, project) = three_members_and_a_project("Printer fund").await;
    let (alice, bob) = (0, 1);
    let a = log_work(&peers, alice, &project, 600).await;
    peers.sync().await;
    confirm(&peers, bob, a.action_address()).await;
    peers.sync().await;
    let first = record_income(&peers, alice, &project, 10_000).await;
    let first = distribute(&peers, alice, &first).await;

    // bob's work counts after the first distribution...
    let b = log_work(&peers, bob, &project, 480).await;
    peers.sync().await;
    confirm(&peers, alice, b.action_address()).await;
    peers.sync().await;
    // ...and alice shares a second income naming only the first settlement and no earlier
    // distribution: valid given its inputs (every validator recomputes the same payouts), but
    // bob's counted work is missing, and the first distribution (whose Debt and Once claims it
    // should account for) is not named.
    let second = record_income(&peers, alice, &project, 10_000).await;
    let mut partial: ovn_integrity::Distribution = entry(&first);
    assert!(partial.earlier.is_empty());
    partial.income = second;
    partial.cutoff = Timestamp::now();
    let partial: ActionHash = peers
        .call(alice, "hostile", "commit_distribution", partial)
        .await;
    peers.sync().await;

    let report: AuditReport = peers
        .call(bob, "audit", "audit_agent", peers.agent(alice))
        .await;
    assert_eq!(report.status, ChainVerdict::Valid);
    assert!(
        report
            .replayed
            .iter()
            .all(|r| matches!(r.verdict, Verdict::Valid | Verdict::Private)),
        "each distribution is valid given its inputs: {report:#?}"
    );
    let expected = vec![
        Finding {
            record: partial.clone(),
            found: Found::CountedLeftOut {
                contribution: b.action_address().clone(),
                contributor: peers.agent(bob),
                when: entry::<ovn_integrity::Contribution>(&b).when,
            },
        },
        Finding {
            record: partial,
            found: Found::EarlierLeftOut {
                distribution: first.action_address().clone(),
            },
        },
    ];
    // The first distribution left nothing out: bob's work did not count yet when it was made.
    assert_eq!(report.findings, expected, "{report:#?}");
    assert!(!report.clean);
    peers.shutdown().await;
}

/// Holes 2 and 3 and the equation in force, seen by the audit: a distribution that lists a
/// contribution disputed since it was confirmed, an original whose correction existed, and a
/// superseded equation version is valid given its inputs, and each is reported exactly.
#[tokio::test(flavor = "multi_thread")]
async fn a_distribution_paying_a_disputed_or_superseded_contribution_under_a_superseded_equation_is_reported(
) {
    let (peers, project) = three_members_and_a_project("Sensor kit").await;
    let (alice, bob) = (0, 1);
    let v1 = set_equation(&peers, alice, &project, sensorica_equation(peers.agent(2))).await;
    let counted = log_work(&peers, alice, &project, 600).await;
    let disputed = log_work(&peers, alice, &project, 300).await;
    let original = log_work(&peers, alice, &project, 120).await;
    peers.sync().await;
    for c in [&counted, &disputed, &original] {
        confirm(&peers, bob, c.action_address()).await;
    }
    peers.sync().await;
    let income = record_income(&peers, alice, &project, 10_000).await;
    let first = distribute(&peers, alice, &income).await;

    // Then bob disputes what he confirmed, alice corrects her original, and a steward adopts
    // version 2.
    let dispute = contributions::endorsements::EndorseContributionInput {
        contribution: disputed.action_address().clone(),
        kind: EndorsementKind::Dispute {
            reason: "those hours were the workshop's".into(),
        },
    };
    let _: Record = peers
        .call(bob, "contributions", "endorse_contribution", dispute)
        .await;
    let correction = contributions::contributions::LogContributionInput {
        corrects: Some(original.action_address().clone()),
        ..log_input(&project, work(90))
    };
    let _: Record = peers
        .call(alice, "contributions", "log_contribution", correction)
        .await;
    let v2 = set_equation(&peers, alice, &project, sensorica_equation(peers.agent(2))).await;
    peers.sync().await;

    // alice shares a second income with the first one's inputs: the same settlements and
    // version 1, which was adopted before the cutoff, so validators recompute the same result.
    let second = record_income(&peers, alice, &project, 10_000).await;
    let mut stale: ovn_integrity::Distribution = entry(&first);
    assert_eq!(stale.equation.as_ref(), Some(v1.action_address()));
    stale.income = second;
    stale.cutoff = Timestamp::now();
    let stale: ActionHash = peers
        .call(alice, "hostile", "commit_distribution", stale)
        .await;
    peers.sync().await;

    let report: AuditReport = peers
        .call(bob, "audit", "audit_agent", peers.agent(alice))
        .await;
    assert!(
        report
            .replayed
            .iter()
            .all(|r| matches!(r.verdict, Verdict::Valid | Verdict::Private)),
        "valid given its inputs: {report:#?}"
    );
    let found = |found| Finding {
        record: stale.clone(),
        found,
    };
    let expected = vec![
        found(Found::EarlierLeftOut {
            distribution: first.action_address().clone(),
        }),
        found(Found::PaidNotCounted {
            contribution: disputed.action_address().clone(),
            state: ContributionState::Disputed,
        }),
        found(Found::PaidNotCounted {
            contribution: original.action_address().clone(),
            state: ContributionState::Superseded,
        }),
        found(Found::SupersededEquation {
            used: Some(v1.action_address().clone()),
            in_force: v2.action_address().clone(),
            version: 2,
        }),
    ];
    let mut got = report.findings.clone();
    let mut want = expected;
    let key = |f: &Finding| format!("{:?}", f.found);
    got.sort_by_key(key);
    want.sort_by_key(key);
    assert_eq!(got, want, "{report:#?}");
    assert!(!report.clean);
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn mallorys_broken_rule_is_found_offline_by_ovn_audit_and_online_with_her_warrant() {
    let peers = Peers::with_hostile(1).await;
    let honest = 1;
    let project = create_project(&peers, honest, "Spectrometer").await;
    peers.sync().await;
    let overlong = raw_contribution(peers.agent(MALLORY), &project, 48 * 60);
    peers
        .publish_as_mallory_and_await_warrant("commit_contribution", overlong, "the limit is 1440")
        .await;

    // Mallory hands an auditor her own export: the broken rule is found offline, exit 1, though
    // every signature and hash holds.
    let hers = export(&peers, MALLORY, MALLORY, false).await;
    let (code, report) = ovn_audit(&hers, "mallory-own");
    assert_eq!(code, 1, "{report}");
    assert!(
        report.contains("[rule] Contribution: ") && report.contains("1440"),
        "{report}"
    );
    let v = offline(&hers);
    assert_eq!(v.findings.len(), 1, "{:?}", v.findings);
    assert_eq!(v.signatures_verified, hers.actions.len());

    // The honest peer's online audit: the warrant against her, and the rule replayed.
    let report: AuditReport = peers
        .call(honest, "audit", "audit_agent", peers.agent(MALLORY))
        .await;
    assert!(!report.clean);
    assert!(
        report
            .warrants
            .iter()
            .any(|w| w.reason.contains("the limit is 1440")),
        "{report:#?}"
    );
    // The warranted action is replayed (from the chain walk, or fetched by its hash when the
    // authorities' valid chain stops before it) and breaks the same rule.
    let warranted = report
        .warrants
        .iter()
        .find_map(|w| w.action.clone())
        .expect("the warrant names the action");
    let replayed = report
        .replayed
        .iter()
        .find(|r| r.action == warranted)
        .unwrap_or_else(|| panic!("the warranted action is not replayed: {report:#?}"));
    assert_eq!(replayed.what, "Contribution");
    assert!(
        matches!(&replayed.verdict, Verdict::Invalid(why) if why.contains("1440")),
        "{report:#?}"
    );
    peers.shutdown().await;
}
