//! [`distribute`]'s tests: an income shared by hand and checked to the unit, unclaimed pots,
//! Debt and Once claims across incomes, and property tests for exact sums, order independence,
//! monotonicity, debt caps and fixed shares.

use super::*;
use crate::bounds::MAX_AMOUNT;
use crate::ledger::value_equation::{
    Behaviour, Bucket, BucketKind, CiteRule, SkillRate, UseRule, ValuationRules, Window, WorkRule,
};
use proptest::prelude::*;

type Eq = ValueEquation<u8, u8>;
type In = Input<u8, u8, u32>;

const NETWORK: u8 = 9;

fn rules(claim: Claim) -> ValuationRules<u8, u8> {
    ValuationRules {
        work: Some(WorkRule {
            default_rate: 2_000,
            skill_rates: vec![SkillRate {
                skill: "design".into(),
                rate: 3_000,
            }],
            member_rates: vec![],
            claim,
        }),
        use_of_resources: Some(UseRule {
            default_rate: 500,
            resource_rates: vec![],
            claim,
        }),
        cite: Some(CiteRule {
            share_bp: 1_000,
            claim,
        }),
        financial: Some(claim),
        material: Some(claim),
    }
}

/// A 10 % network fee, then everything left to contributions.
fn fee_then_contributors(claim: Claim) -> Eq {
    ValueEquation {
        buckets: vec![
            Bucket {
                name: "network fee".into(),
                share_bp: 1_000,
                behaviour: Behaviour::Straight,
                kind: BucketKind::FixedShare { agent: NETWORK },
                window: None,
            },
            Bucket {
                name: "contributors".into(),
                share_bp: 10_000,
                behaviour: Behaviour::Remaining,
                kind: BucketKind::Contributions {
                    rules: rules(claim),
                },
                window: None,
            },
        ],
    }
}

fn input(id: u32, contributor: u8, kind: ContributionKind<u8>) -> In {
    Input {
        id,
        contributor,
        kind,
        when_micros: id as i64,
    }
}

fn work(minutes: u32, skill: &str) -> ContributionKind<u8> {
    ContributionKind::Work {
        minutes,
        skill: skill.into(),
    }
}

fn paid_to(outcome: &Outcome<u8, u32>, agent: u8) -> u64 {
    outcome
        .payouts
        .iter()
        .find(|p| p.agent == agent)
        .map_or(0, |p| p.amount)
}

#[test]
fn a_sensorica_like_income_is_shared_as_computed_by_hand() {
    let (alice, bob, carol) = (1, 2, 3);
    // Rates: design 30.00/h, other work 20.00/h, use 5.00/h, a citation 10 % of the rest.
    let inputs = vec![
        input(1, alice, work(600, "design")),    // 10 h × 30.00 = 300.00
        input(2, bob, work(480, "electronics")), // 8 h × 20.00 = 160.00
        input(3, carol, work(300, "design")),    // 5 h × 30.00 = 150.00
        input(
            4,
            bob,
            ContributionKind::Use {
                resource: 7,
                minutes: 120,
            },
        ), // 2 h × 5.00 = 10.00
        input(5, alice, ContributionKind::Cite { resource: 8 }), // 10 % of 620.00 = 62.00
    ];
    let outcome = distribute(
        &fee_then_contributors(Claim::Equity),
        1_234_567,
        &inputs,
        &BTreeMap::new(),
    )
    .unwrap();
    // Fee: 1,234,567 × 10 % = 123,456.7 → 123,456. Left: 1,111,111 over a value of 682.00.
    // Per agent: alice 362.00 → 589,768 (remainder 40,600 of 68,200), bob 170.00 → 276,963
    // (r 10,400), carol 150.00 → 244,379 (r 17,200); 1 unit left goes to alice (largest r).
    // Alice's 589,769 over her work 300.00 and citation 62.00: 488,758 (r 30,400) + 101,010
    // (r 5,800) + 1 to the work. Bob's 276,963: 260,671 (r 1,000) + 16,291 (r 16,000) + 1 to
    // the use.
    assert_eq!(
        outcome.buckets[0],
        BucketResult {
            pot: 123_456,
            paid: 123_456
        }
    );
    assert_eq!(paid_to(&outcome, NETWORK), 123_456);
    assert_eq!(paid_to(&outcome, alice), 488_759 + 101_010);
    let alice_lines: Vec<u64> = outcome
        .trace
        .iter()
        .filter(|l| l.agent == alice)
        .map(|l| l.amount)
        .collect();
    assert_eq!(alice_lines, vec![488_759, 101_010]);
    assert_eq!(paid_to(&outcome, bob), 260_671 + 16_292);
    assert_eq!(paid_to(&outcome, carol), 244_379);
    assert_eq!(outcome.retained, 0);
}

#[test]
fn a_bucket_nobody_claims_is_left_to_later_buckets_then_retained() {
    let mut equation = fee_then_contributors(Claim::Equity);
    equation.buckets[1].window = Some(Window {
        from_micros: 1_000,
        until_micros: 2_000,
    });
    let outcome = distribute(
        &equation,
        10_000,
        &[input(1, 1, work(60, "x"))],
        &BTreeMap::new(),
    )
    .unwrap();
    assert_eq!(
        outcome.buckets[1],
        BucketResult {
            pot: 9_000,
            paid: 0
        }
    );
    assert_eq!(outcome.retained, 9_000);
    assert_eq!(paid_to(&outcome, NETWORK), 1_000);
}

#[test]
fn a_debt_stops_once_repaid_and_a_once_claim_is_paid_once() {
    let inputs = [input(1, 1, ContributionKind::Financial { amount: 500 })];
    for claim in [Claim::Debt, Claim::Once] {
        let equation = fee_then_contributors(claim);
        let first = distribute(&equation, 10_000, &inputs, &BTreeMap::new()).unwrap();
        assert_eq!(
            paid_to(&first, 1),
            if claim == Claim::Debt { 500 } else { 9_000 }
        );
        let mut paid = PaidClaims::new();
        add_paid_claims(&mut paid, &first.claims_paid());
        let second = distribute(&equation, 10_000, &inputs, &paid).unwrap();
        assert_eq!(paid_to(&second, 1), 0, "{claim:?} paid twice");
        assert_eq!(second.retained, 9_000);
    }
}

#[test]
fn bad_incomes_and_duplicate_inputs_are_errors() {
    let equation = fee_then_contributors(Claim::Equity);
    let none = BTreeMap::new();
    assert!(distribute(&equation, 0, &[], &none).is_err());
    assert!(distribute(&equation, MAX_AMOUNT + 1, &[], &none).is_err());
    let twice = [input(1, 1, work(60, "x")), input(1, 2, work(60, "x"))];
    assert!(matches!(
        distribute(&equation, 100, &twice, &none),
        Err(DomainError::Duplicate { .. })
    ));
}

fn kind() -> impl Strategy<Value = ContributionKind<u8>> {
    prop_oneof![
        (1..=1440u32, prop::sample::select(vec!["design", "code"])).prop_map(|(m, s)| work(m, s)),
        (0..3u8, 1..=1440u32)
            .prop_map(|(resource, minutes)| ContributionKind::Use { resource, minutes }),
        (0..3u8).prop_map(|resource| ContributionKind::Cite { resource }),
        (1..=1_000_000_000u64).prop_map(|amount| ContributionKind::Financial { amount }),
    ]
}

/// Inputs with distinct ids and at least one Work (so every Contributions bucket has claims).
fn inputs() -> impl Strategy<Value = Vec<In>> {
    (
        (0..5u8, 1..=1440u32),
        prop::collection::vec((0..5u8, kind()), 0..40),
    )
        .prop_map(|((who, minutes), rest)| {
            let mut all = vec![input(0, who, work(minutes, "code"))];
            for (i, (who, kind)) in rest.into_iter().enumerate() {
                all.push(input(i as u32 + 1, who, kind));
            }
            all
        })
}

/// Up to three fixed Straight shares, then one or two Contributions buckets.
fn equation(claim: impl Strategy<Value = Claim>) -> impl Strategy<Value = Eq> {
    (
        prop::collection::vec((0..5u8, 1..=2_500u32), 0..=3),
        prop::collection::vec((claim, 1..=10_000u32), 1..=2),
    )
        .prop_map(|(fixed, shared)| {
            let mut buckets: Vec<Bucket<u8, u8>> = fixed
                .into_iter()
                .enumerate()
                .map(|(i, (agent, share_bp))| Bucket {
                    name: format!("fixed {i}"),
                    share_bp,
                    behaviour: Behaviour::Straight,
                    kind: BucketKind::FixedShare { agent },
                    window: None,
                })
                .collect();
            for (i, (claim, share_bp)) in shared.into_iter().enumerate() {
                buckets.push(Bucket {
                    name: format!("shared {i}"),
                    share_bp,
                    behaviour: Behaviour::Remaining,
                    kind: BucketKind::Contributions {
                        rules: rules(claim),
                    },
                    window: None,
                });
            }
            ValueEquation { buckets }
        })
}

fn any_claim() -> impl Strategy<Value = Claim> {
    prop_oneof![Just(Claim::Equity), Just(Claim::Debt), Just(Claim::Once)]
}

proptest! {
    #[test]
    fn payouts_and_what_is_retained_sum_exactly_to_the_income(
        eq in equation(any_claim()), inputs in inputs(), income in 1..=MAX_AMOUNT,
    ) {
        prop_assert!(eq.check().is_ok());
        let o = distribute(&eq, income, &inputs, &BTreeMap::new()).unwrap();
        let paid: u64 = o.payouts.iter().map(|p| p.amount).sum();
        prop_assert_eq!(paid + o.retained, income);
        let traced: u64 = o.trace.iter().map(|l| l.amount).sum();
        prop_assert_eq!(traced, paid);
        for b in &o.buckets {
            prop_assert!(b.paid <= b.pot);
        }
    }

    #[test]
    fn the_result_does_not_depend_on_input_order(
        eq in equation(any_claim()),
        (inputs, shuffled) in inputs().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        income in 1..=10_000_000u64,
    ) {
        let none = BTreeMap::new();
        prop_assert_eq!(
            distribute(&eq, income, &inputs, &none).unwrap(),
            distribute(&eq, income, &shuffled, &none).unwrap()
        );
    }

    #[test]
    fn adding_a_counted_contribution_never_lowers_its_authors_payout(
        eq in equation(Just(Claim::Equity)), inputs in inputs(),
        (who, kind) in (0..5u8, kind()), income in 1..=10_000_000u64,
    ) {
        let none = BTreeMap::new();
        let before = distribute(&eq, income, &inputs, &none).unwrap();
        let mut more = inputs.clone();
        more.push(input(1_000, who, kind));
        let after = distribute(&eq, income, &more, &none).unwrap();
        prop_assert!(paid_to(&after, who) >= paid_to(&before, who),
            "agent {} got {} before and {} after", who, paid_to(&before, who), paid_to(&after, who));
    }

    #[test]
    fn debts_are_never_paid_beyond_their_value_across_incomes(
        eq in equation(Just(Claim::Debt)), inputs in inputs(),
        incomes in prop::collection::vec(1..=100_000_000u64, 1..6),
    ) {
        let mut paid: PaidClaims<u32> = BTreeMap::new();
        let mut values = BTreeMap::new();
        for income in incomes {
            let o = distribute(&eq, income, &inputs, &paid).unwrap();
            add_paid_claims(&mut paid, &o.claims_paid());
            for line in o.settled_claims() {
                values.insert((line.contribution.unwrap(), line.bucket), line.value);
            }
        }
        for (key, total) in &paid {
            prop_assert!(*total <= values[key], "{:?} paid {} of {}", key, total, values[key]);
        }
    }

    #[test]
    fn fixed_buckets_get_exactly_their_share(
        eq in equation(any_claim()), inputs in inputs(), income in 1..=MAX_AMOUNT,
    ) {
        let o = distribute(&eq, income, &inputs, &BTreeMap::new()).unwrap();
        for (b, result) in eq.buckets.iter().zip(&o.buckets) {
            if let BucketKind::FixedShare { .. } = b.kind {
                let share = (income as u128 * b.share_bp as u128 / 10_000) as u64;
                prop_assert_eq!(result.paid, share);
            }
        }
    }
}
