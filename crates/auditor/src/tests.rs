//! The auditor on generated chains: a valid chain verifies clean; every kind of tampering is
//! found, at random positions; broken rules are found; malformed files give errors, not panics.
//!
//! The tamperings (4,000 random cases): a bit of an action, a signature, a hash, an entry or an
//! entry hash flipped; an entry dropped, added to another action or moved; an action dropped,
//! duplicated, moved or replaced by another agent's; the export's agent, DNA hash or head
//! changed. Any prefix of a file and any corrupted byte give an error or a finding, never a
//! panic; each offline rule is kept and broken.
//! (That the mirror types are Holochain's exact bytes is checked on a real conductor's export
//! by the Sweettest suite.)

use crate::generate::{agent, chain, encode, ChainBuilder};
use crate::mirror::{AppEntryDef, Data, EntryType, Visibility};
use crate::verify::{verify, Kind, Verification};
use crate::{read_export, replay, replay::ENTRY_TYPES};
use ovn_domain::export::{Bytes, ChainExport};
use ovn_domain::licenses::{default_catalogue, LicenseeCategory, Usage};
use ovn_domain::{IncomeSource, Payout};
use proptest::prelude::*;
use serde_bytes::ByteBuf;

fn check(export: &ChainExport) -> Verification {
    verify(export, |_| {})
}

fn kinds(v: &Verification) -> Vec<Kind> {
    v.findings.iter().map(|f| f.kind).collect()
}

#[test]
fn a_valid_chain_verifies_clean() {
    let export = chain(&agent(1), 40);
    let v = check(&export);
    assert!(v.is_clean(), "{:#?}", v.findings);
    assert_eq!(v.signatures_verified, 40);
    assert_eq!(
        v.entries_verified,
        1 + 1 + 18,
        "the agent key, a profile, 18 contributions"
    );
    assert_eq!(v.replay.entries.get("Profile"), Some(&1));
    assert_eq!(v.replay.entries.get("Contribution"), Some(&18));
    assert_eq!(v.replay.rules_checked, 2 + 18 * 4);
    assert_eq!(
        v.replay.rules_online,
        18 + 18,
        "each contribution's project; each link"
    );
}

#[test]
fn an_export_without_its_genesis_is_found() {
    let mut export = chain(&agent(1), 3);
    export.actions.clear();
    export.head = None;
    assert_eq!(kinds(&check(&export)), vec![Kind::Genesis]);
    let mut export = chain(&agent(1), 3);
    export.actions.truncate(2);
    export.head = Some(ovn_domain::export::ExportedHead {
        seq: 1,
        hash: export.actions[1].hash.clone(),
    });
    assert_eq!(kinds(&check(&export)), vec![Kind::Genesis]);
}

#[test]
fn bad_signatures_among_thousands_checked_in_batches_are_each_named() {
    // Over several batches of 256 and blocks of 8,192: two bad signatures in one batch, one in
    // another, each named at its own position; every other signature counted as verified.
    let mut export = chain(&agent(1), 9_000);
    for i in [300, 301, 8_500] {
        export.actions[i].signature.0[10] ^= 1;
    }
    let v = check(&export);
    let bad: Vec<Option<usize>> = v
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Signature)
        .map(|f| f.index)
        .collect();
    assert_eq!(bad, vec![Some(300), Some(301), Some(8_500)]);
    assert_eq!(v.signatures_verified, 9_000 - 3);
}

#[test]
fn each_kind_of_tampering_is_named() {
    let export = chain(&agent(1), 12);
    let mut t = export.clone();
    t.actions[5].action.0[20] ^= 1;
    assert!(kinds(&check(&t)).contains(&Kind::Hash));
    let mut t = export.clone();
    t.actions[5].signature.0[0] ^= 1;
    assert_eq!(kinds(&check(&t)), vec![Kind::Signature]);
    let mut t = export.clone();
    let e = t.actions[5].entry.as_mut().expect("a profile");
    let last = e.entry.0.len() - 1;
    e.entry.0[last] ^= 1;
    assert_eq!(kinds(&check(&t)), vec![Kind::Entry]);
    let mut t = export.clone();
    t.actions[5].entry = None;
    assert_eq!(kinds(&check(&t)), vec![Kind::Entry]);
    let mut t = export.clone();
    t.actions.remove(6);
    assert!(kinds(&check(&t)).contains(&Kind::Link));
    let mut t = export.clone();
    t.actions.pop();
    assert_eq!(
        kinds(&check(&t)),
        vec![Kind::Link],
        "the head names the dropped action"
    );
    let mut t = export.clone();
    t.actions[7] = chain(&agent(2), 12).actions[7].clone();
    assert!(kinds(&check(&t)).contains(&Kind::Author));
    let mut t = export.clone();
    t.actions.swap(0, 1);
    assert!(kinds(&check(&t)).contains(&Kind::Genesis));
}

#[test]
fn a_chain_claimed_for_another_agent_is_found() {
    let mut export = chain(&agent(1), 5);
    export.agent = Bytes(crate::generate::agent_hash(&agent(2)).to_vec());
    let v = check(&export);
    assert!(kinds(&v).contains(&Kind::Author));
    // Its genesis names agent 1's key, not the agent the export claims.
    assert!(kinds(&v).contains(&Kind::Genesis));
}

#[derive(Clone, Debug)]
enum Tamper {
    FlipAction(usize, usize),
    FlipSignature(usize, usize),
    FlipHash(usize, usize),
    FlipEntry(usize, usize),
    FlipEntryHash(usize, usize),
    DropEntry(usize),
    Drop(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Foreign(usize),
    ExportAgent(usize),
    ExportDna(usize),
    Head(u32),
    AddEntry(usize, usize),
    MoveEntry(usize, usize),
}

/// A tampering, its positions and bits taken modulo what they index.
fn tamper() -> impl Strategy<Value = Tamper> {
    let at = any::<usize>;
    prop_oneof![
        (at(), at()).prop_map(|(i, b)| Tamper::FlipAction(i, b)),
        (at(), at()).prop_map(|(i, b)| Tamper::FlipSignature(i, b)),
        (at(), at()).prop_map(|(i, b)| Tamper::FlipHash(i, b)),
        (at(), at()).prop_map(|(i, b)| Tamper::FlipEntry(i, b)),
        (at(), at()).prop_map(|(i, b)| Tamper::FlipEntryHash(i, b)),
        at().prop_map(Tamper::DropEntry),
        at().prop_map(Tamper::Drop),
        at().prop_map(Tamper::Duplicate),
        (at(), at()).prop_map(|(i, j)| Tamper::Swap(i, j)),
        at().prop_map(Tamper::Foreign),
        at().prop_map(Tamper::ExportAgent),
        at().prop_map(Tamper::ExportDna),
        any::<u32>().prop_map(Tamper::Head),
        (at(), at()).prop_map(|(i, j)| Tamper::AddEntry(i, j)),
        (at(), at()).prop_map(|(i, j)| Tamper::MoveEntry(i, j)),
    ]
}

fn flip(bytes: &mut [u8], bit: usize) {
    let bit = bit % (bytes.len() * 8);
    bytes[bit / 8] ^= 1 << (bit % 8);
}

/// Applies `t` to `export` (positions taken modulo the chain's length).
fn apply(export: &mut ChainExport, other: &ChainExport, t: &Tamper) {
    let n = export.actions.len();
    let with_entry: Vec<usize> = (0..n)
        .filter(|i| export.actions[*i].entry.is_some())
        .collect();
    let entry_at = |k: usize| with_entry[k % with_entry.len()];
    match *t {
        Tamper::FlipAction(i, b) => flip(&mut export.actions[i % n].action.0, b),
        Tamper::FlipSignature(i, b) => flip(&mut export.actions[i % n].signature.0, b),
        Tamper::FlipHash(i, b) => flip(&mut export.actions[i % n].hash.0, b),
        Tamper::FlipEntry(k, b) => flip(
            &mut export.actions[entry_at(k)].entry.as_mut().unwrap().entry.0,
            b,
        ),
        Tamper::FlipEntryHash(k, b) => flip(
            &mut export.actions[entry_at(k)].entry.as_mut().unwrap().hash.0,
            b,
        ),
        Tamper::DropEntry(k) => export.actions[entry_at(k)].entry = None,
        Tamper::Drop(i) => {
            export.actions.remove(i % n);
        }
        Tamper::Duplicate(i) => {
            let a = export.actions[i % n].clone();
            export.actions.insert(i % n, a);
        }
        Tamper::Swap(i, j) => {
            let (i, j) = (i % n, j % n);
            let j = if i == j { (j + 1) % n } else { j };
            export.actions.swap(i, j);
        }
        Tamper::Foreign(i) => export.actions[i % n] = other.actions[i % n].clone(),
        Tamper::ExportAgent(b) => flip(&mut export.agent.0, b),
        Tamper::ExportDna(b) => flip(&mut export.dna_hash.0, b),
        Tamper::Head(seq) => {
            if let Some(head) = export.head.as_mut() {
                head.seq = seq;
            }
        }
        Tamper::AddEntry(i, k) => {
            let entry = export.actions[entry_at(k)].entry.clone();
            export.actions[i % n].entry = entry;
        }
        Tamper::MoveEntry(k, l) => {
            let (a, b) = (entry_at(k), entry_at(l));
            let moved = export.actions[a].entry.take();
            export.actions[a].entry = export.actions[b].entry.take();
            export.actions[b].entry = moved;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Whatever is tampered with (an action, a signature, a hash, an entry, the order, the export's
/// own agent, DNA or head), and wherever, the auditor finds it.
    #[test]
    fn tampering_anywhere_is_always_found(len in 3usize..30, t in tamper()) {
        let export = chain(&agent(1), len);
        let other = chain(&agent(2), len);
        let mut tampered = export.clone();
        apply(&mut tampered, &other, &t);
        prop_assume!(tampered != export);
        let v = check(&tampered);
        prop_assert!(!v.is_clean(), "{t:?} went unnoticed");
    }

    /// Any prefix of a valid file is an error naming the problem, never a panic.
    #[test]
    fn a_truncated_file_is_an_error(cut in any::<prop::sample::Index>()) {
        let json = serde_json::to_vec(&chain(&agent(1), 8)).unwrap();
        let cut = cut.index(json.len());
        let e = read_export(&json[..cut]).unwrap_err();
        prop_assert!(e.contains("ends too early") || e.contains("empty"), "{e}");
    }

    /// Bytes changed anywhere in a file: an error, or an export whose verification finds
    /// something; never a panic.
    #[test]
    fn a_corrupted_file_never_panics(at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut json = serde_json::to_vec(&chain(&agent(1), 8)).unwrap();
        let at = at.index(json.len());
        prop_assume!(json[at] != byte);
        json[at] = byte;
        if let Ok(export) = read_export(&json) {
            let _ = check(&export);
        }
    }
}

#[test]
fn malformed_files_are_named() {
    assert_eq!(read_export(b"  ").unwrap_err(), "the file is empty");
    assert!(read_export(b"not json")
        .unwrap_err()
        .starts_with("it is not valid JSON"));
    let e = read_export(br#"{"format":"ovn-chain-export/1"}"#).unwrap_err();
    assert!(
        e.starts_with("it is not a chain export") && e.contains("missing field"),
        "{e}"
    );
    let mut v = serde_json::to_value(chain(&agent(1), 4)).unwrap();
    v["actions"][1]["hash"] = "hCkk".into();
    let e = read_export(v.to_string().as_bytes()).unwrap_err();
    assert!(e.contains("does not start with 'u'"), "{e}");
}

#[test]
fn short_hashes_and_signatures_are_findings_not_panics() {
    let mut export = chain(&agent(1), 6);
    export.actions[4].hash = Bytes(vec![1, 2, 3]);
    export.actions[5].signature = Bytes(vec![9; 10]);
    export.agent = Bytes(vec![0; 5]);
    export.dna_hash = Bytes(vec![]);
    let v = check(&export);
    assert!(kinds(&v).contains(&Kind::Hash));
    assert!(kinds(&v).contains(&Kind::Export));
}

// --- Rules replayed offline: each kept and broken. -------------------------------------------

fn entry_index(name: &str) -> u8 {
    ENTRY_TYPES.iter().position(|n| *n == name).unwrap() as u8
}

/// A chain of the given app entries, by their type's name, after genesis.
/// A date in 2023, before every action of a generated chain (from 2025).
const IN_2023: i64 = 1_700_000_000_000_000;

fn chain_of(entries: Vec<(&str, Vec<u8>)>) -> ChainBuilder {
    let mut b = ChainBuilder::new(agent(1));
    for (name, bytes) in entries {
        b.app_entry(entry_index(name), bytes);
    }
    b
}

/// The rules a chain breaks, each a `Rule` finding.
fn rules_found(b: ChainBuilder) -> Vec<String> {
    check(&b.finish())
        .findings
        .into_iter()
        .inspect(|f| assert_eq!(f.kind, Kind::Rule, "{f:?}"))
        .map(|f| f.detail)
        .collect()
}

fn project() -> ByteBuf {
    ByteBuf::from(vec![7; 39])
}

fn income_from(amount: u64, source: IncomeSource<ByteBuf>) -> Vec<u8> {
    encode(&replay::IncomeEvent {
        project: project(),
        amount,
        source,
        description: "printer sold".into(),
        evidence: vec![],
    })
}

fn income(amount: u64) -> Vec<u8> {
    income_from(amount, IncomeSource::Sale)
}

fn distribution(income: &[u8], payouts: &[u64], retained: u64) -> Vec<u8> {
    encode(&replay::Distribution {
        project: project(),
        income: ByteBuf::from(income.to_vec()),
        payouts: payouts
            .iter()
            .map(|a| Payout {
                agent: ByteBuf::from(vec![1; 39]),
                amount: *a,
            })
            .collect(),
        upstream: vec![],
        retained,
    })
}

#[test]
fn a_distribution_pays_out_exactly_its_income_once() {
    let mut b = ChainBuilder::new(agent(1));
    let i = b.app_entry(entry_index("IncomeEvent"), income(50_000));
    let d = b.app_entry(
        entry_index("Distribution"),
        distribution(&i, &[30_000, 19_000], 1_000),
    );
    let v = check(&b.finish());
    assert!(v.is_clean(), "{:?}", v.findings);
    assert_eq!(
        v.replay.figures,
        vec![format!(
            "distribution {}: 2 payouts + 0 upstream + 1000 retained = 50000 of income 50000",
            Bytes(d).to_text()
        )]
    );

    let mut b = ChainBuilder::new(agent(1));
    let i = b.app_entry(entry_index("IncomeEvent"), income(50_000));
    b.app_entry(
        entry_index("Distribution"),
        distribution(&i, &[30_000, 19_000], 0),
    );
    assert_eq!(
        rules_found(b),
        vec!["Distribution: pays out 49000 (retained included) of an income of 50000"]
    );

    let mut b = ChainBuilder::new(agent(1));
    let i = b.app_entry(entry_index("IncomeEvent"), income(50_000));
    b.app_entry(entry_index("Distribution"), distribution(&i, &[50_000], 0));
    b.app_entry(entry_index("Distribution"), distribution(&i, &[50_000], 0));
    let found = rules_found(b);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("is distributed twice"), "{found:?}");

    let elsewhere = chain_of(vec![("Distribution", distribution(&[9; 39], &[50_000], 0))]);
    assert!(rules_found(elsewhere)[0].contains("is not on this chain"));
}

fn grant(
    category: LicenseeCategory<replay::CountedContribution>,
    fee: u64,
    request: u8,
) -> Vec<u8> {
    let cbrl = default_catalogue()
        .into_iter()
        .find(|l| l.name == "CBRL-1.0")
        .unwrap();
    encode(&replay::LicenseGrant {
        request: ByteBuf::from(vec![request; 39]),
        category,
        terms: cbrl.terms,
        usage: Usage {
            units: 10,
            revenue: 0,
        },
        fee,
        exception: None,
    })
}

#[test]
fn a_license_grant_charges_what_its_terms_say_once_per_request() {
    let v = check(
        &chain_of(vec![
            (
                "LicenseGrant",
                grant(LicenseeCategory::ForProfit, 50_000, 1),
            ),
            ("LicenseGrant", grant(LicenseeCategory::CommonGood, 0, 2)),
        ])
        .finish(),
    );
    assert!(v.is_clean(), "{:?}", v.findings);
    assert_eq!(v.replay.figures.len(), 2);

    let unpaid = chain_of(vec![(
        "LicenseGrant",
        grant(LicenseeCategory::ForProfit, 0, 1),
    )]);
    assert_eq!(
        rules_found(unpaid),
        vec!["LicenseGrant: charges a ForProfit 0; the license says 50000"]
    );
    let twice = chain_of(vec![
        ("LicenseGrant", grant(LicenseeCategory::CommonGood, 0, 1)),
        ("LicenseGrant", grant(LicenseeCategory::CommonGood, 0, 1)),
    ]);
    assert!(rules_found(twice)[0].contains("is granted twice"));
}

fn rules(max_minutes_per_use: u32, fee_per_hour: u64) -> ovn_domain::UsageRules {
    ovn_domain::UsageRules {
        who: ovn_domain::Permitted::Members,
        max_minutes_per_use,
        deposit: 5_000,
        fee_per_hour,
        condition_report_required: false,
    }
}

fn use_of(resource: &[u8], minutes: i64, fee: u64) -> Vec<u8> {
    encode(&replay::ResourceUse {
        resource: ByteBuf::from(resource.to_vec()),
        from: IN_2023,
        until: IN_2023 + minutes * 60_000_000,
        fee,
        rules_version: None,
    })
}

#[test]
fn a_use_of_the_agents_own_resource_pays_the_rules_fee() {
    let printer = encode(&replay::Resource {
        rules: rules(240, 500),
    });
    let mut b = ChainBuilder::new(agent(1));
    let r = b.app_entry(entry_index("Resource"), printer.clone());
    b.app_entry(entry_index("ResourceUse"), use_of(&r, 90, 750));
    let v = check(&b.finish());
    assert!(v.is_clean(), "{:?}", v.findings);
    assert!(v.replay.figures[0].ends_with("90 min at 500/h = 750"));

    let mut b = ChainBuilder::new(agent(1));
    let r = b.app_entry(entry_index("Resource"), printer);
    b.app_entry(entry_index("ResourceUse"), use_of(&r, 90, 500));
    assert_eq!(
        rules_found(b),
        vec!["ResourceUse: charges 500 for 90 minutes; the rule says 750"]
    );
    // Another agent's resource: its rules are on their chain, left to the online audit.
    let v = check(&chain_of(vec![("ResourceUse", use_of(&[3; 39], 90, 1))]).finish());
    assert!(v.is_clean() && v.replay.rules_online == 1);
    // Rules changed by a UsageRulesVersion (on the DHT): the online audit's too, even for the
    // agent's own resource, whose registered rules would charge 750.
    let mut b = ChainBuilder::new(agent(1));
    let r = b.app_entry(
        entry_index("Resource"),
        encode(&replay::Resource {
            rules: rules(240, 500),
        }),
    );
    let changed = encode(&replay::ResourceUse {
        resource: ByteBuf::from(r.to_vec()),
        from: IN_2023,
        until: IN_2023 + 90 * 60_000_000,
        fee: 0,
        rules_version: Some(ByteBuf::from(vec![4; 39])),
    });
    b.app_entry(entry_index("ResourceUse"), changed);
    let v = check(&b.finish());
    assert!(
        v.is_clean() && v.replay.rules_online == 1,
        "{:?}",
        v.findings
    );
    let unbounded = chain_of(vec![(
        "Resource",
        encode(&replay::Resource { rules: rules(0, 0) }),
    )]);
    assert!(rules_found(unbounded)[0].starts_with("Resource: "));
}

#[test]
fn a_license_fee_and_a_use_fee_are_each_recorded_once() {
    let license_fee = |grant: u8| {
        income_from(
            50_000,
            IncomeSource::LicenseFee {
                grant: ByteBuf::from(vec![grant; 39]),
            },
        )
    };
    let v = check(
        &chain_of(vec![
            ("IncomeEvent", license_fee(1)),
            ("IncomeEvent", license_fee(2)),
        ])
        .finish(),
    );
    assert!(v.is_clean(), "{:?}", v.findings);
    let twice = chain_of(vec![
        ("IncomeEvent", license_fee(1)),
        ("IncomeEvent", license_fee(1)),
    ]);
    assert!(rules_found(twice)[0].contains("is recorded twice"));
    // A use fee too: one income per use on the collector's chain.
    let use_fee = |use_hash: u8| {
        income_from(
            750,
            IncomeSource::UseFee {
                resource_use: ByteBuf::from(vec![use_hash; 39]),
            },
        )
    };
    assert!(check(
        &chain_of(vec![
            ("IncomeEvent", use_fee(4)),
            ("IncomeEvent", use_fee(5))
        ])
        .finish()
    )
    .is_clean());
    let twice = chain_of(vec![
        ("IncomeEvent", use_fee(4)),
        ("IncomeEvent", use_fee(4)),
    ]);
    assert!(rules_found(twice)[0].contains("is recorded twice"));
}

#[test]
fn an_endorser_who_says_the_same_word_twice_is_found() {
    let word = |contribution: u8, kind: ovn_domain::EndorsementKind| {
        encode(&replay::Endorsement {
            contribution: ByteBuf::from(vec![contribution; 39]),
            kind,
        })
    };
    let confirm = || ovn_domain::EndorsementKind::Confirm;
    let dispute = || ovn_domain::EndorsementKind::Dispute {
        reason: "no evidence".into(),
    };
    let changed = chain_of(vec![
        ("Endorsement", word(1, confirm())),
        ("Endorsement", word(2, confirm())),
        ("Endorsement", word(1, dispute())),
        ("Endorsement", word(1, confirm())),
    ]);
    assert!(check(&changed.finish()).is_clean());
    let twice = chain_of(vec![
        ("Endorsement", word(1, confirm())),
        ("Endorsement", word(2, dispute())),
        ("Endorsement", word(1, confirm())),
    ]);
    assert_eq!(
        rules_found(twice),
        [
            "Endorsement: the endorser's latest word on this contribution is already a \
          confirmation: endorse again only to change it"
        ]
    );
}

#[test]
fn a_contribution_is_its_authors_and_within_bounds() {
    let author = ByteBuf::from(crate::generate::agent_hash(&agent(1)).to_vec());
    let work = |contributor: ByteBuf, minutes: u32| {
        encode(&replay::Contribution {
            contributor,
            kind: ovn_domain::ContributionKind::Work {
                minutes,
                skill: "design".into(),
            },
            description: "Drew the optics".into(),
            evidence: vec![],
            when: IN_2023,
        })
    };
    assert!(
        check(&chain_of(vec![("Contribution", work(author.clone(), 600))]).finish()).is_clean()
    );
    let overlong = chain_of(vec![("Contribution", work(author, 48 * 60))]);
    assert!(rules_found(overlong)[0].contains("1440"));
    let for_bob = chain_of(vec![("Contribution", work(ByteBuf::from(vec![5; 39]), 60))]);
    assert_eq!(
        rules_found(for_bob),
        vec!["Contribution: logged for someone other than its author"]
    );
}

#[test]
fn endorsements_private_profiles_and_licenses_keep_their_bounds() {
    let dispute = |reason: &str| {
        encode(&replay::Endorsement {
            contribution: ByteBuf::from(vec![1; 39]),
            kind: ovn_domain::EndorsementKind::Dispute {
                reason: reason.into(),
            },
        })
    };
    let private = |contact: String| {
        encode(&replay::PrivateProfile {
            contact,
            payout_details: "IBAN DE00".into(),
        })
    };
    let cbrl = default_catalogue()
        .into_iter()
        .find(|l| l.name == "CBRL-1.0")
        .unwrap()
        .terms;
    let mut free = cbrl.clone();
    free.fee = None;
    let v = check(
        &chain_of(vec![
            ("Endorsement", dispute("not delivered")),
            ("PrivateProfile", private("alice@example.org".into())),
            ("License", encode(&replay::License { terms: cbrl })),
        ])
        .finish(),
    );
    assert!(v.is_clean(), "{:?}", v.findings);
    for (name, bytes) in [
        ("Endorsement", dispute("")),
        ("PrivateProfile", private("x".repeat(100_000))),
        ("License", encode(&replay::License { terms: free })),
    ] {
        let found = rules_found(chain_of(vec![(name, bytes)]));
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(found[0].starts_with(&format!("{name}: ")), "{found:?}");
    }
}

#[test]
fn one_profile_is_created_then_updated_and_nothing_else_is() {
    let mut b = ChainBuilder::new(agent(1));
    let p = b.profile("alice");
    b.app_update(
        entry_index("Profile"),
        &p,
        encode(&replay::Profile {
            nickname: "alice b.".into(),
            skills: vec![],
        }),
    );
    assert!(check(&b.finish()).is_clean());

    let mut b = ChainBuilder::new(agent(1));
    b.profile("alice");
    b.profile("alice again");
    assert_eq!(
        rules_found(b),
        vec!["Profile: a second profile: an agent creates one and updates it"]
    );

    let mut b = ChainBuilder::new(agent(1));
    let i = b.app_entry(entry_index("IncomeEvent"), income(50_000));
    b.app_update(entry_index("IncomeEvent"), &i, income(90_000));
    assert_eq!(
        rules_found(b),
        vec!["IncomeEvent: entries of this type are never updated"]
    );
}

#[test]
fn the_ledger_is_append_only() {
    let mut b = ChainBuilder::new(agent(1));
    let i = b.app_entry(entry_index("IncomeEvent"), income(50_000));
    b.push(
        Data::Delete {
            deletes_address: ByteBuf::from(i),
            deletes_entry_address: ByteBuf::from(vec![0; 39]),
        },
        None,
    );
    assert_eq!(
        rules_found(b),
        vec!["IncomeEvent: entries of this type are never deleted: the ledger is append-only"]
    );

    let mut b = ChainBuilder::new(agent(1));
    let link = b.link();
    b.push(
        Data::DeleteLink {
            base_address: ByteBuf::from(vec![0; 39]),
            link_add_address: ByteBuf::from(link),
        },
        None,
    );
    assert_eq!(
        rules_found(b),
        vec!["index links are never deleted: the ledger is append-only"]
    );

    // A private profile may be deleted by its agent (who that is, is read online).
    let mut b = ChainBuilder::new(agent(1));
    let p = b.app_entry(
        entry_index("PrivateProfile"),
        encode(&replay::PrivateProfile {
            contact: "alice@example.org".into(),
            payout_details: String::new(),
        }),
    );
    b.push(
        Data::Delete {
            deletes_address: ByteBuf::from(p),
            deletes_entry_address: ByteBuf::from(vec![0; 39]),
        },
        None,
    );
    assert!(check(&b.finish()).is_clean());
}

#[test]
fn nothing_follows_a_closed_chain() {
    let mut b = ChainBuilder::new(agent(1));
    b.push(Data::CloseChain { new_target: None }, None);
    b.profile("alice");
    let v = check(&b.finish());
    assert_eq!(kinds(&v), vec![Kind::Link]);
    assert!(v.findings[0].detail.contains("after the chain was closed"));
}

#[test]
fn an_export_claiming_private_entries_must_carry_them() {
    let mut b = ChainBuilder::new(agent(1));
    let def = AppEntryDef {
        entry_index: entry_index("PrivateProfile"),
        zome_index: 0,
        visibility: Visibility::Private,
    };
    b.push(
        Data::Create {
            entry_type: EntryType::App(def),
            entry_hash: ByteBuf::from(vec![0; 39]),
        },
        None,
    );
    let mut export = b.finish();
    let v = check(&export);
    assert!(v.is_clean(), "{:?}", v.findings);
    assert_eq!(v.private_entries_withheld, 1);
    export.private_entries = true;
    assert_eq!(kinds(&check(&export)), vec![Kind::Entry]);
}

#[test]
fn an_entry_breaking_its_own_bounds_is_found() {
    let mut b = ChainBuilder::new(agent(1));
    b.profile("");
    let found = rules_found(b);
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("Profile: "), "{found:?}");

    let zero = chain_of(vec![("IncomeEvent", income(0))]);
    assert!(rules_found(zero)[0].starts_with("IncomeEvent: "));
    let garbage = chain_of(vec![("Profile", vec![0xc1])]);
    assert!(rules_found(garbage)[0].contains("does not decode"));
    let mut b = ChainBuilder::new(agent(1));
    b.app_entry(200, encode(&()));
    assert!(rules_found(b)[0].contains("names no entry type"));
}
