use super::budget::fund;
use super::reputation::{decayed, history_points, reputation, Credit};
use super::tally::{latest, representatives, tally, Choice, Failed, Method, Tally};
use crate::DomainError;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const DAY: i64 = 86_400_000_000;
const HALF_LIFE: u64 = 105 * DAY as u64;
const MAJORITY: Method = Method::Majority {
    threshold_bp: 5000,
    quorum_bp: 5000,
};

fn equal(members: &[u32]) -> BTreeMap<u32, u64> {
    members.iter().map(|&m| (m, 1)).collect()
}

fn votes(list: &[(u32, Choice)]) -> BTreeMap<u32, Choice> {
    list.iter().cloned().collect()
}

fn block() -> Choice {
    Choice::Block {
        reason: "not yet".into(),
    }
}

#[test]
fn a_majority_passes_strictly_above_the_threshold_with_the_quorum() {
    let five = equal(&[1, 2, 3, 4, 5]);
    let none = BTreeMap::new();
    let count = |v: &[(u32, Choice)]| tally(MAJORITY, &five, &votes(v), &none).unwrap();
    let passed = count(&[(1, Choice::Yes), (2, Choice::Yes), (3, Choice::No)]);
    assert_eq!((passed.yes, passed.no, passed.electorate), (2, 1, 5));
    assert!(passed.passed());
    // One yes and one no is 50 %, not above it.
    let even = count(&[(1, Choice::Yes), (2, Choice::No), (3, Choice::Abstain)]);
    assert_eq!(even.failed, Some(Failed::NotEnoughSupport));
    // Two of five take part: under the 50 % quorum.
    let few = count(&[(1, Choice::Yes), (2, Choice::Yes)]);
    assert_eq!(few.failed, Some(Failed::NoQuorum));
    // Abstentions count toward the quorum, not toward support.
    let abstained = count(&[
        (1, Choice::Abstain),
        (2, Choice::Abstain),
        (3, Choice::Abstain),
    ]);
    assert_eq!(abstained.failed, Some(Failed::NotEnoughSupport));
}

#[test]
fn consent_passes_unless_somebody_blocks_and_consensus_unless_anybody_objects() {
    let three = equal(&[1, 2, 3]);
    let none = BTreeMap::new();
    let consent = Method::Consent { quorum_bp: 5000 };
    let consensus = Method::Consensus { quorum_bp: 5000 };
    let with_no = votes(&[(1, Choice::Yes), (2, Choice::No)]);
    assert!(tally(consent, &three, &with_no, &none).unwrap().passed());
    let objected = tally(consensus, &three, &with_no, &none).unwrap();
    assert_eq!(objected.failed, Some(Failed::Objected));
    let blocked = votes(&[(1, Choice::Yes), (2, block())]);
    for method in [consent, consensus] {
        let t = tally(method, &three, &blocked, &none).unwrap();
        assert_eq!(t.failed, Some(Failed::Blocked));
    }
    let agreed = votes(&[(1, Choice::Yes), (2, Choice::Abstain)]);
    assert!(tally(consensus, &three, &agreed, &none).unwrap().passed());
}

#[test]
fn a_member_who_does_not_vote_is_represented_by_the_first_voter_along_their_delegations() {
    let members = equal(&[1, 2, 3, 4, 5, 6]);
    // 1 → 2 → 3 (votes no); 4 → 5 → 4 is a cycle without a voter; 6 votes yes.
    let delegations: BTreeMap<u32, u32> = [(1, 2), (2, 3), (4, 5), (5, 4)].into();
    let cast = votes(&[(3, Choice::No), (6, Choice::Yes)]);
    let by = representatives(&members, &cast, &delegations);
    assert_eq!(by, [(1, 3), (2, 3), (3, 3), (6, 6)].into());
    let t = tally(MAJORITY, &members, &cast, &delegations).unwrap();
    assert_eq!((t.yes, t.no, t.participation()), (1, 3, 4));
    assert_eq!(t.failed, Some(Failed::NotEnoughSupport));
    // A delegator who votes speaks for themselves.
    let own = votes(&[(1, Choice::Yes), (3, Choice::No), (6, Choice::Yes)]);
    let t = tally(MAJORITY, &members, &own, &delegations).unwrap();
    assert_eq!((t.yes, t.no), (2, 2));
}

#[test]
fn a_vote_from_outside_the_electorate_and_a_bad_method_are_refused() {
    let two = equal(&[1, 2]);
    let stranger = votes(&[(9, Choice::Yes)]);
    let refused = tally(MAJORITY, &two, &stranger, &BTreeMap::new());
    assert_eq!(
        refused,
        Err(DomainError::NotInElectorate { voter: "9".into() })
    );
    let low = Method::Majority {
        threshold_bp: 4000,
        quorum_bp: 0,
    };
    assert!(matches!(low.check(), Err(DomainError::BadGovernance(_))));
    let over = Method::Consent { quorum_bp: 10_001 };
    assert!(matches!(over.check(), Err(DomainError::OutOfBounds { .. })));
}

#[test]
fn reputation_weighs_settled_value_halved_at_each_half_life() {
    let now = 3_000 * DAY;
    let credit = |member: u32, skill: Option<&str>, value: u64, days_ago: i64| Credit {
        member,
        skill: skill.map(str::to_string),
        value,
        when: now - days_ago * DAY,
    };
    let credits = [
        credit(1, Some("electronics"), 10_000, 0),
        credit(1, Some("electronics"), 10_000, 105),
        credit(1, None, 4_000, 210),
        credit(2, Some("cad"), 8_000, 315),
        // After the moment weighed: not counted.
        credit(2, Some("cad"), 1_000_000, -1),
    ];
    let r = reputation(&credits, now, HALF_LIFE).unwrap();
    assert_eq!(r.overall, [(1, 10_000 + 5_000 + 1_000), (2, 1_000)].into());
    assert_eq!(r.by_skill[&(1, "electronics".to_string())], 15_000);
    assert_eq!(r.by_skill[&(2, "cad".to_string())], 1_000);
    // Between half-lives, between the two.
    let half_way = decayed(10_000, HALF_LIFE as i64 / 2, HALF_LIFE);
    assert!((7_070..=7_072).contains(&half_way), "{half_way}");
    assert_eq!(decayed(u64::MAX, 64 * HALF_LIFE as i64, HALF_LIFE), 0);
    assert!(reputation(&credits, now, 0).is_err());
}

#[test]
fn a_reputation_chart_shows_each_month_start_after_the_first_credit_then_now() {
    // 2026-01-15T00:00:00Z and 2026-04-10T00:00:00Z.
    let first = 1_768_435_200_000_000;
    let now = 1_775_779_200_000_000;
    let starts = [
        1_769_904_000_000_000, // 2026-02-01
        1_772_323_200_000_000, // 2026-03-01
        1_775_001_600_000_000, // 2026-04-01
    ];
    assert_eq!(
        history_points(first, now, 24),
        [&starts[..], &[now]].concat()
    );
    assert_eq!(history_points(first, now, 2), vec![starts[2], now]);
    assert_eq!(history_points(first, now, 1), vec![now]);
    // A first credit this month: now alone.
    assert_eq!(history_points(starts[2], now, 24), vec![now]);
}

#[test]
fn settled_work_and_money_earn_credit_at_the_equations_values_and_citations_none() {
    use crate::ledger::value_equation::ValueEquation;
    use crate::ContributionKind;
    // The default equation: work at 25.00 an hour, money at face value.
    let eq: ValueEquation<u32, u32> = ValueEquation::default();
    let work = ContributionKind::Work {
        minutes: 90,
        skill: "cad".into(),
    };
    let money = ContributionKind::Financial { amount: 700 };
    let cite = ContributionKind::Cite { resource: 5 };
    let got = super::reputation::credits(&eq, [(1, work, 10), (2, money, 20), (1, cite, 30)]);
    let values: Vec<(u32, Option<String>, u64)> = got
        .iter()
        .map(|c| (c.member, c.skill.clone(), c.value))
        .collect();
    assert_eq!(values, vec![(1, Some("cad".into()), 3_750), (2, None, 700)]);
}

#[test]
fn a_budget_funds_items_in_order_of_approvals_while_they_fit() {
    let members = equal(&[1, 2, 3, 4]);
    let approve = |items: &[usize]| items.iter().copied().collect::<BTreeSet<usize>>();
    let ballots: BTreeMap<u32, BTreeSet<usize>> = [
        (1, approve(&[0, 1])),
        (2, approve(&[1, 2])),
        (3, approve(&[1, 3])),
    ]
    .into();
    // 4 delegates to 2. Approvals: item 0: 1, item 1: 4, item 2: 2, item 3: 1.
    let delegations = [(4, 2)].into();
    let costs = [300, 500, 400, 100];
    let f = fund(1_000, &costs, &members, &ballots, &delegations).unwrap();
    assert_eq!(f.approvals, vec![1, 4, 2, 1]);
    // Item 1 (500), item 2 (400): 100 left; item 0 (300) does not fit, item 3 (100) does.
    assert_eq!((f.funded, f.left), (vec![1, 2, 3], 0));
    let beyond: BTreeMap<u32, BTreeSet<usize>> = [(1, approve(&[7]))].into();
    assert!(fund(1_000, &costs, &members, &beyond, &BTreeMap::new()).is_err());
}

#[test]
fn a_projects_own_rules_stay_within_its_networks() {
    use super::rules::{ChangeKind, GovernanceRules, Rule};
    let network = GovernanceRules::default();
    let stewards_decide = Rule {
        method: Method::Consent { quorum_bp: 5000 },
        electorate: super::rules::Electorate::Stewards,
        weighting: super::rules::Weighting::Equal,
    };
    let own = GovernanceRules {
        motion: stewards_decide,
        min_window_secs: network.min_window_secs * 2,
        half_life_days: 30,
        ..network.clone()
    };
    assert_eq!(own.check_within(&network), Ok(()));
    assert_eq!(own.rule(ChangeKind::Motion), stewards_decide);
    let shorter = GovernanceRules {
        min_window_secs: network.min_window_secs - 1,
        ..network.clone()
    };
    let longer = GovernanceRules {
        max_window_days: network.max_window_days + 1,
        ..network.clone()
    };
    let no_quorum = GovernanceRules {
        rules: Rule {
            method: Method::Consent { quorum_bp: 0 },
            ..network.rules
        },
        ..network.clone()
    };
    let unbound = GovernanceRules {
        decisions_bind: false,
        ..network.clone()
    };
    for (bad, says) in [
        (shorter, "min_window_secs"),
        (longer, "max_window_days"),
        (no_quorum, "Rules quorum is 0 bp"),
        (unbound, "decisions_bind"),
    ] {
        match bad.check_within(&network) {
            Err(DomainError::BadGovernance(why)) => assert!(why.contains(says), "{why}"),
            other => panic!("{says}: {other:?}"),
        }
    }
}

/// An electorate of up to 12 members with weights, ballots and delegations among them.
/// Weights, votes in the order cast, delegations.
type World = (BTreeMap<u8, u64>, Vec<(u8, Choice)>, BTreeMap<u8, u8>);

fn world() -> impl Strategy<Value = World> {
    let choice = prop_oneof![
        Just(Choice::Yes),
        Just(Choice::No),
        Just(Choice::Abstain),
        Just(block()),
    ];
    (
        prop::collection::btree_map(0u8..12, 1u64..1_000_000, 1..12),
        prop::collection::vec((0u8..12, choice), 0..12),
        prop::collection::btree_map(0u8..12, 0u8..12, 0..12),
    )
        .prop_map(|(electorate, cast, delegations)| {
            let cast = cast
                .into_iter()
                .filter(|(v, _)| electorate.contains_key(v))
                .collect();
            (electorate, cast, delegations)
        })
}

fn methods() -> impl Strategy<Value = Method> {
    prop_oneof![
        (0u32..=10_000).prop_map(|quorum_bp| Method::Consent { quorum_bp }),
        (0u32..=10_000).prop_map(|quorum_bp| Method::Consensus { quorum_bp }),
        (5_000u32..10_000, 0u32..=10_000).prop_map(|(threshold_bp, quorum_bp)| Method::Majority {
            threshold_bp,
            quorum_bp
        }),
    ]
}

fn count(
    method: Method,
    electorate: &BTreeMap<u8, u64>,
    cast: &[(u8, Choice)],
    delegations: &BTreeMap<u8, u8>,
) -> Tally {
    let keyed = cast
        .iter()
        .enumerate()
        .map(|(i, (v, c))| (*v, i, c.clone()));
    tally(method, electorate, &latest(keyed), delegations).unwrap()
}

proptest! {
    #[test]
    fn a_tally_does_not_depend_on_the_order_votes_arrive_in(
        (electorate, cast, delegations) in world(), method in methods(), seed in any::<u64>(),
    ) {
        // Each vote keeps its place in its voter's chain (the key); only arrival order changes.
        let keyed: Vec<(u8, usize, Choice)> =
            cast.iter().enumerate().map(|(i, (v, c))| (*v, i, c.clone())).collect();
        let mut shuffled = keyed.clone();
        let n = shuffled.len();
        for i in 0..n {
            shuffled.swap(i, (seed as usize).wrapping_add(i * 7919) % n.max(1));
        }
        let a = tally(method, &electorate, &latest(keyed), &delegations).unwrap();
        let b = tally(method, &electorate, &latest(shuffled), &delegations).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn one_more_yes_never_turns_a_pass_into_a_fail(
        (electorate, cast, delegations) in world(), method in methods(), who in 0u8..12,
    ) {
        let before = count(method, &electorate, &cast, &delegations);
        let voted = cast.iter().any(|(v, _)| *v == who);
        prop_assume!(electorate.contains_key(&who) && !voted);
        let mut more = cast.clone();
        more.push((who, Choice::Yes));
        let after = count(method, &electorate, &more, &delegations);
        prop_assert!(!before.passed() || after.passed(), "{:?} then {:?}", before, after);
    }

    #[test]
    fn delegation_terminates_and_counts_each_weight_at_most_once(
        (electorate, cast, delegations) in world(), method in methods(),
    ) {
        let t = count(method, &electorate, &cast, &delegations);
        prop_assert!(t.participation() <= t.electorate);
        let ballots = latest(cast.iter().enumerate().map(|(i, (v, c))| (*v, i, c.clone())));
        let by = representatives(&electorate, &ballots, &delegations);
        // Every voter speaks for themselves; every representative cast a ballot.
        for (member, voter) in &by {
            prop_assert!(ballots.contains_key(voter));
            if ballots.contains_key(member) {
                prop_assert_eq!(member, voter);
            }
        }
        let represented: u64 = by.keys().map(|m| electorate[m]).sum();
        prop_assert_eq!(represented, t.participation());
    }

    #[test]
    fn decay_never_rises_with_age_and_is_exact_at_each_half_life(
        value in 0u64..=crate::bounds::MAX_AMOUNT, half_life in 1u64..=10 * HALF_LIFE,
        age in 0i64..=(200 * HALF_LIFE as i64), later in 0i64..=(10 * DAY), halvings in 0u32..64,
    ) {
        prop_assert!(decayed(value, age + later, half_life) <= decayed(value, age, half_life));
        prop_assert!(decayed(value, age, half_life) <= value);
        let at = halvings as i64 * half_life as i64;
        prop_assert_eq!(decayed(value, at, half_life), value >> halvings);
    }
}
