//! [`distribute`]'s examples: an income shared by hand and checked to the unit, unclaimed pots,
//! Debt and Once claims across incomes and across buckets. The fixtures here are shared with
//! the property tests in `proptests`.

use super::*;
use crate::bounds::{EARLIEST_DATE_MICROS, MAX_AMOUNT};
use crate::ledger::value_equation::{
    Behaviour, Bucket, BucketKind, CiteRule, SkillRate, UseRule, ValuationRules, Window, WorkRule,
};

pub(super) type Eq = ValueEquation<u8, u8>;
pub(super) type In = Input<u8, u8, u32>;

const NETWORK: u8 = 9;

pub(super) fn rules(claim: Claim) -> ValuationRules<u8, u8> {
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

pub(super) fn input(id: u32, contributor: u8, kind: ContributionKind<u8>) -> In {
    Input {
        id,
        contributor,
        payee: Payee::Agent(contributor),
        kind,
        when_micros: EARLIEST_DATE_MICROS + id as i64,
        corrects: None,
    }
}

pub(super) fn work(minutes: u32, skill: &str) -> ContributionKind<u8> {
    ContributionKind::Work {
        minutes,
        skill: skill.into(),
    }
}

pub(super) fn paid_to(outcome: &Outcome<u8, u32>, agent: u8) -> u64 {
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
                custody: 7,
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
        .filter(|l| l.payee == Payee::Agent(alice))
        .map(|l| l.amount)
        .collect();
    assert_eq!(alice_lines, vec![488_759, 101_010]);
    assert_eq!(paid_to(&outcome, bob), 260_671 + 16_292);
    assert_eq!(paid_to(&outcome, carol), 244_379);
    assert_eq!(outcome.retained, 0);
}

#[test]
fn a_citation_of_another_projects_design_is_paid_to_that_project_upstream() {
    let (alice, bob, optics_project) = (1, 2, 77);
    let cite = |id, resource| In {
        payee: Payee::Project(optics_project),
        ..input(id, alice, ContributionKind::Cite { resource })
    };
    // alice 10 h design = 300.00, bob 8 h = 160.00; two citations of the optics project's
    // designs, 10 % of 460.00 each = 46.00 + 46.00, paid to that project, not to alice.
    let inputs = vec![
        input(1, alice, work(600, "design")),
        input(2, bob, work(480, "electronics")),
        cite(3, 8),
        cite(4, 9),
    ];
    let outcome = distribute(
        &fee_then_contributors(Claim::Equity),
        1_000_000,
        &inputs,
        &BTreeMap::new(),
    )
    .unwrap();
    // Fee 100,000; 900,000 over 552.00: the project 92/552 → 150,000; alice 300/552 →
    // 489,130 (r 240/552) + 1 (largest remainder); bob 160/552 → 260,869 (r 312/552).
    assert_eq!(
        outcome.upstream,
        vec![Payout {
            agent: optics_project,
            amount: 150_000
        }]
    );
    assert_eq!(paid_to(&outcome, alice), 489_130);
    assert_eq!(paid_to(&outcome, bob), 260_870);
    let shares = outcome.agent_shares();
    assert!(shares
        .iter()
        .all(|s| s.agent == alice || s.agent == bob || s.agent == NETWORK));
    let paid: u64 = outcome.paid_out();
    assert_eq!(paid + outcome.retained, 1_000_000);
}

#[test]
fn a_bucket_nobody_claims_is_left_to_later_buckets_then_retained() {
    let mut equation = fee_then_contributors(Claim::Equity);
    equation.buckets[1].window = Some(Window {
        from_micros: EARLIEST_DATE_MICROS + 1_000,
        until_micros: EARLIEST_DATE_MICROS + 2_000,
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
fn a_correction_does_not_repay_what_its_original_was_repaid() {
    // 5.00 lent (contribution 1), repaid in full; then corrected to 6.00 (contribution 2): the
    // correction is owed the 1.00 more, and its Once claim does not take part again.
    for claim in [Claim::Debt, Claim::Once] {
        let equation = fee_then_contributors(claim);
        let original = [input(1, 1, ContributionKind::Financial { amount: 500 })];
        let first = distribute(&equation, 10_000, &original, &BTreeMap::new()).unwrap();
        let mut paid = PaidClaims::new();
        add_paid_claims(&mut paid, &first.claims_paid());
        let correction = [Input {
            corrects: Some(1),
            ..input(2, 1, ContributionKind::Financial { amount: 600 })
        }];
        let second = distribute(&equation, 10_000, &correction, &paid).unwrap();
        let expected = if claim == Claim::Debt { 100 } else { 0 };
        assert_eq!(paid_to(&second, 1), expected, "{claim:?}");
        // And the correction's own payment counts in later incomes.
        add_paid_claims(&mut paid, &second.claims_paid());
        let third = distribute(&equation, 10_000, &correction, &paid).unwrap();
        assert_eq!(paid_to(&third, 1), 0, "{claim:?} paid again");
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

/// Work valued at `rate` minor units an hour, nothing else valued.
fn work_at(rate: u64, claim: Claim) -> ValuationRules<u8, u8> {
    ValuationRules {
        work: Some(WorkRule {
            default_rate: rate,
            skill_rates: vec![],
            member_rates: vec![],
            claim,
        }),
        use_of_resources: None,
        cite: None,
        financial: None,
        material: None,
    }
}

/// Half the income to contributions under `first`, then what is left under `second`.
fn two_contribution_buckets(first: ValuationRules<u8, u8>, second: ValuationRules<u8, u8>) -> Eq {
    let bucket = |name: &str, share_bp, behaviour, rules| Bucket {
        name: name.into(),
        share_bp,
        behaviour,
        kind: BucketKind::Contributions { rules },
        window: None,
    };
    ValueEquation {
        buckets: vec![
            bucket("first", 5_000, Behaviour::Straight, first),
            bucket("second", 10_000, Behaviour::Remaining, second),
        ],
    }
}

fn total_claimed(outcome: &Outcome<u8, u32>) -> u64 {
    outcome.claims_paid().iter().map(|c| c.amount).sum()
}

#[test]
fn a_debt_listed_in_two_buckets_is_repaid_once_not_once_per_bucket() {
    let equation = two_contribution_buckets(rules(Claim::Debt), rules(Claim::Debt));
    let inputs = [input(1, 1, ContributionKind::Financial { amount: 25_000 })]; // 250.00
    let outcome = distribute(&equation, 1_000_000, &inputs, &BTreeMap::new()).unwrap();
    assert_eq!(paid_to(&outcome, 1), 25_000);
    assert_eq!(total_claimed(&outcome), 25_000);
    assert_eq!(
        outcome.buckets[1].paid, 0,
        "the second bucket repaid it again"
    );
    assert_eq!(outcome.retained, 975_000);
    let mut paid = PaidClaims::new();
    add_paid_claims(&mut paid, &outcome.claims_paid());
    assert_eq!(paid, BTreeMap::from([(1, 25_000)]));
    let again = distribute(&equation, 1_000_000, &inputs, &paid).unwrap();
    assert_eq!(paid_to(&again, 1), 0);
}

#[test]
fn what_a_debt_is_still_owed_carries_over_buckets_and_incomes() {
    let equation = two_contribution_buckets(rules(Claim::Debt), rules(Claim::Debt));
    let inputs = [input(1, 1, ContributionKind::Financial { amount: 25_000 })];
    // Each bucket's pot is 100.00: the first pays 100.00, the second the same of 150.00 owed.
    let first = distribute(&equation, 20_000, &inputs, &BTreeMap::new()).unwrap();
    assert_eq!(
        (first.buckets[0].paid, first.buckets[1].paid),
        (10_000, 10_000)
    );
    let mut paid = PaidClaims::new();
    add_paid_claims(&mut paid, &first.claims_paid());
    let second = distribute(&equation, 1_000_000, &inputs, &paid).unwrap();
    assert_eq!((second.buckets[0].paid, second.buckets[1].paid), (5_000, 0));
}

#[test]
fn a_debt_valued_differently_per_bucket_is_paid_at_most_its_largest_value() {
    let ten_hours = [input(1, 1, work(600, "x"))];
    // 250.00 in the first bucket, 400.00 in the second: the second pays the 150.00 still owed.
    let rising = two_contribution_buckets(work_at(2_500, Claim::Debt), work_at(4_000, Claim::Debt));
    let outcome = distribute(&rising, 1_000_000, &ten_hours, &BTreeMap::new()).unwrap();
    assert_eq!(
        (outcome.buckets[0].paid, outcome.buckets[1].paid),
        (25_000, 15_000)
    );
    // 400.00 first, then 250.00: nothing is owed in the second.
    let falling =
        two_contribution_buckets(work_at(4_000, Claim::Debt), work_at(2_500, Claim::Debt));
    let outcome = distribute(&falling, 1_000_000, &ten_hours, &BTreeMap::new()).unwrap();
    assert_eq!(
        (outcome.buckets[0].paid, outcome.buckets[1].paid),
        (40_000, 0)
    );
}

#[test]
fn a_once_claim_listed_in_two_buckets_takes_part_only_in_the_first() {
    let equation = two_contribution_buckets(rules(Claim::Once), rules(Claim::Once));
    let inputs = [input(1, 1, ContributionKind::Financial { amount: 500 })];
    let outcome = distribute(&equation, 10_000, &inputs, &BTreeMap::new()).unwrap();
    assert_eq!(paid_to(&outcome, 1), 5_000);
    assert_eq!(outcome.retained, 5_000);
    let claims = outcome.claims_paid();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].bucket, 0);
    let mut paid = PaidClaims::new();
    add_paid_claims(&mut paid, &claims);
    let again = distribute(&equation, 10_000, &inputs, &paid).unwrap();
    assert_eq!(paid_to(&again, 1), 0);
}
