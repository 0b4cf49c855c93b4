//! Tests of a resource's rules: owners by regime, the fee per hour rounded up, duration, fee,
//! report and who may use it, bounded usage rules, whole started minutes; property tests that
//! the fee never undercharges and never falls for a longer use.

use super::*;
use proptest::prelude::*;

fn rules(fee_per_hour: u64, max: u32) -> UsageRules {
    UsageRules {
        fee_per_hour,
        max_minutes_per_use: max,
        ..UsageRules::default()
    }
}

#[test]
fn only_shared_and_private_resources_have_an_owner() {
    use PropertyRegime::*;
    let owned: Vec<_> = [Nondominium, Commons, Shared, Private, Public]
        .into_iter()
        .filter(|r| r.has_owner())
        .collect();
    assert_eq!(owned, vec![Shared, Private]);
}

#[test]
fn the_fee_is_per_hour_rounded_up_to_a_minor_unit() {
    let r = rules(500, 600);
    assert_eq!(r.fee_for(60), 500);
    assert_eq!(r.fee_for(90), 750);
    assert_eq!(r.fee_for(1), 9, "500/60 = 8.33 rounds up");
    assert_eq!(rules(0, 60).fee_for(60), 0);
}

#[test]
fn a_use_obeys_duration_fee_and_report() {
    let member = User::Member { skills: &[] };
    let r = rules(500, 120);
    assert!(r.check_use(120, 1000, member, "").is_ok());
    assert_eq!(
        r.check_use(121, r.fee_for(121), member, ""),
        Err(DomainError::UseTooLong {
            minutes: 121,
            max: 120
        })
    );
    assert_eq!(
        r.check_use(60, 499, member, ""),
        Err(DomainError::WrongFee {
            fee: 499,
            expected: 500,
            minutes: 60
        })
    );
    let reported = UsageRules {
        condition_report_required: true,
        ..r.clone()
    };
    assert!(reported.check_use(60, 500, member, " ").is_err());
    assert!(reported.check_use(60, 500, member, "nozzle clean").is_ok());
}

#[test]
fn who_may_use_it() {
    let skilled = ["laser".to_string()];
    let laser = UsageRules {
        who: Permitted::MembersWithSkill {
            skills: vec!["laser".into()],
        },
        ..UsageRules::default()
    };
    assert!(laser
        .check_use(30, 0, User::Member { skills: &skilled }, "")
        .is_ok());
    assert!(matches!(
        laser.check_use(30, 0, User::Member { skills: &[] }, ""),
        Err(DomainError::NotPermitted(_))
    ));
    assert!(matches!(
        UsageRules::default().check_use(30, 0, User::Outsider, ""),
        Err(DomainError::NotPermitted(_))
    ));
    let open = UsageRules {
        who: Permitted::Anyone,
        ..UsageRules::default()
    };
    assert!(open.check_use(30, 0, User::Outsider, "").is_ok());
}

#[test]
fn usage_rules_are_bounded() {
    assert!(UsageRules::default().check().is_ok());
    assert!(rules(0, 0).check().is_err());
    assert!(rules(0, MAX_USE_MINUTES + 1).check().is_err());
    assert!(rules(MAX_AMOUNT + 1, 60).check().is_err());
    let no_skills = UsageRules {
        who: Permitted::MembersWithSkill { skills: vec![] },
        ..UsageRules::default()
    };
    assert!(no_skills.check().is_err());
    assert!(check_resource("printer", "", "", "", &UsageRules::default()).is_ok());
    assert!(check_resource(" ", "", "", "", &UsageRules::default()).is_err());
}

#[test]
fn a_use_lasts_whole_started_minutes() {
    assert_eq!(use_minutes(0, 60_000_000), Ok(1));
    assert_eq!(use_minutes(0, 60_000_001), Ok(2));
    assert!(use_minutes(5, 5).is_err());
    assert!(use_minutes(10, 5).is_err());
}

proptest! {
    #[test]
    fn the_fee_never_undercharges_and_overcharges_by_less_than_one_unit(
        fee_per_hour in 0u64..=MAX_AMOUNT, minutes in 0u32..=MAX_USE_MINUTES
    ) {
        let fee = u128::from(rules(fee_per_hour, 60).fee_for(minutes));
        let exact_times_60 = u128::from(fee_per_hour) * u128::from(minutes);
        prop_assert!(fee * 60 >= exact_times_60);
        prop_assert!(fee * 60 < exact_times_60 + 60);
    }

    #[test]
    fn a_longer_use_never_costs_less(
        fee_per_hour in 0u64..1_000_000, a in 0u32..10_000, b in 0u32..10_000
    ) {
        let r = rules(fee_per_hour, 60);
        let (short, long) = (a.min(b), a.max(b));
        prop_assert!(r.fee_for(short) <= r.fee_for(long));
    }
}
