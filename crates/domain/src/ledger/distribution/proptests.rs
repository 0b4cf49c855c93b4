//! [`distribute`]'s property tests: exact sums, order independence, monotonicity, fixed
//! shares, and Debt claims never paid beyond their value over any buckets and incomes.

use super::tests::{input, paid_to, rules, work, Eq, In};
use super::*;
use crate::bounds::{EARLIEST_DATE_MICROS, MAX_AMOUNT};
use crate::ledger::value_equation::{
    Behaviour, Bucket, BucketKind, CiteRule, SkillRate, UseRule, ValuationRules, Window, WorkRule,
};
use proptest::prelude::*;

fn kind() -> impl Strategy<Value = ContributionKind<u8>> {
    prop_oneof![
        (1..=1440u32, prop::sample::select(vec!["design", "code"])).prop_map(|(m, s)| work(m, s)),
        (0..3u8, 1..=1440u32).prop_map(|(resource, minutes)| ContributionKind::Use {
            resource,
            custody: resource,
            minutes
        }),
        (0..3u8).prop_map(|resource| ContributionKind::Cite { resource }),
        (1..=1_000_000_000u64).prop_map(|amount| ContributionKind::Financial { amount }),
    ]
}

/// Inputs with distinct ids and at least one Work (so every Contributions bucket has claims).
/// A citation of an even resource pays a project upstream, of an odd one a member.
fn inputs() -> impl Strategy<Value = Vec<In>> {
    (
        (0..5u8, 1..=1440u32),
        prop::collection::vec((0..5u8, kind()), 0..40),
    )
        .prop_map(|((who, minutes), rest)| {
            let mut all = vec![input(0, who, work(minutes, "code"))];
            for (i, (who, kind)) in rest.into_iter().enumerate() {
                let payee = match kind {
                    ContributionKind::Cite { resource } if resource % 2 == 0 => {
                        Payee::Project(100 + u32::from(resource))
                    }
                    _ => Payee::Agent(who),
                };
                all.push(In {
                    payee,
                    ..input(i as u32 + 1, who, kind)
                });
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

/// Valuation rules with every rate following `rate` (minor units an hour of work), so one
/// contribution is worth different amounts in different buckets.
fn rules_at(rate: u64, claim: Claim) -> ValuationRules<u8, u8> {
    ValuationRules {
        work: Some(WorkRule {
            default_rate: rate,
            skill_rates: vec![SkillRate {
                skill: "design".into(),
                rate: rate * 3 / 2,
            }],
            member_rates: vec![],
            claim,
        }),
        use_of_resources: Some(UseRule {
            default_rate: rate / 4 + 1,
            resource_rates: vec![],
            claim,
        }),
        cite: Some(CiteRule {
            share_bp: (rate % 10_000) as u32 + 1,
            claim,
        }),
        financial: Some(claim),
        material: Some(claim),
    }
}

/// Maybe a fixed share, then two to four Contributions buckets, each with its own rates and
/// maybe a window; the first two hold Debt claims, the others Debt or Equity; the first
/// `straight` of them are Straight.
fn debts_in_several_buckets() -> impl Strategy<Value = Eq> {
    let claim = prop_oneof![3 => Just(Claim::Debt), 1 => Just(Claim::Equity)];
    let window = prop::option::of((0..40i64, 1..40i64));
    (
        prop::option::of((0..5u8, 1..=1_000u32)),
        prop::collection::vec((1..=10_000_000u64, 1..=10_000u32, window, claim), 2..=4),
        0..=4usize,
    )
        .prop_map(|(fixed, shared, straight)| {
            let mut buckets: Vec<Bucket<u8, u8>> = fixed
                .map(|(agent, share_bp)| Bucket {
                    name: "fixed".into(),
                    share_bp,
                    behaviour: Behaviour::Straight,
                    kind: BucketKind::FixedShare { agent },
                    window: None,
                })
                .into_iter()
                .collect();
            for (i, (rate, share_bp, window, claim)) in shared.into_iter().enumerate() {
                // At most 1,000 fixed + 4 × 2,250 Straight: never past 100 %.
                let (behaviour, share_bp) = if i < straight {
                    (Behaviour::Straight, 1 + share_bp % 2_250)
                } else {
                    (Behaviour::Remaining, share_bp)
                };
                buckets.push(Bucket {
                    name: format!("shared {i}"),
                    share_bp,
                    behaviour,
                    kind: BucketKind::Contributions {
                        rules: rules_at(rate, if i < 2 { Claim::Debt } else { claim }),
                    },
                    window: window.map(|(from, length)| Window {
                        from_micros: EARLIEST_DATE_MICROS + from,
                        until_micros: EARLIEST_DATE_MICROS + from + length,
                    }),
                });
            }
            ValueEquation { buckets }
        })
}

proptest! {
    #[test]
    fn payouts_and_what_is_retained_sum_exactly_to_the_income(
        eq in equation(any_claim()), inputs in inputs(), income in 1..=MAX_AMOUNT,
    ) {
        prop_assert!(eq.check().is_ok());
        let o = distribute(&eq, income, &inputs, &BTreeMap::new()).unwrap();
        let paid: u64 = o.paid_out();
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

    #[test]
    fn no_sequence_of_incomes_pays_a_debt_beyond_its_largest_value_in_any_bucket(
        eq in debts_in_several_buckets(), inputs in inputs(),
        incomes in prop::collection::vec(
            prop_oneof![1..=100_000u64, 1..=1_000_000_000u64], 1..6),
    ) {
        prop_assert!(eq.check().is_ok());
        let mut paid: PaidClaims<u32> = BTreeMap::new();
        let mut largest: BTreeMap<u32, u64> = BTreeMap::new();
        for income in incomes {
            let o = distribute(&eq, income, &inputs, &paid).unwrap();
            let out: u64 = o.paid_out();
            prop_assert_eq!(out + o.retained, income);
            // The trace runs bucket by bucket: after each, a debt has got at most its value there.
            let mut so_far = paid.clone();
            for line in o.settled_claims() {
                let id = line.contribution.unwrap();
                let total = so_far.entry(id).or_default();
                *total += line.amount;
                prop_assert!(*total <= line.value,
                    "{} paid {} in all by bucket {} where it is worth {}",
                    id, total, line.bucket, line.value);
                let most = largest.entry(id).or_default();
                *most = line.value.max(*most);
            }
            add_paid_claims(&mut paid, &o.claims_paid());
            prop_assert_eq!(&paid, &so_far);
        }
        // Its largest value in a bucket where it took part; no bucket pays a debt without it.
        for (id, total) in &paid {
            prop_assert!(*total <= largest[id], "{} paid {} of {}", id, total, largest[id]);
        }
    }
}
