//! The value equation's tests: the default equation, the order in which work rates apply, and
//! one test per rule of [`ValueEquation::check`], plus renaming with `try_map`.

use super::valuation::work_rate;
use super::*;
use crate::{ContributionKind, DomainError};

type Eq = ValueEquation<u8, u8>;

fn fixed(name: &str, share_bp: u32, behaviour: Behaviour) -> Bucket<u8, u8> {
    Bucket {
        name: name.into(),
        share_bp,
        behaviour,
        kind: BucketKind::FixedShare { agent: 1 },
        window: None,
    }
}

fn with_buckets(buckets: Vec<Bucket<u8, u8>>) -> Eq {
    ValueEquation { buckets }
}

#[test]
fn the_default_equation_is_valid_and_pays_work_by_the_hour() {
    let eq = Eq::default();
    assert!(eq.check().is_ok());
    let BucketKind::Contributions { rules } = &eq.buckets[0].kind else {
        panic!("the default shares income among contributions");
    };
    let work = ContributionKind::Work {
        minutes: 90,
        skill: "design".into(),
    };
    assert_eq!(rules.value_of(&1, &work), Some((3_750, Claim::Equity)));
    let cite = ContributionKind::Cite { resource: 1 };
    assert_eq!(
        rules.value_of(&1, &cite),
        None,
        "citations are valued from the rest"
    );
}

#[test]
fn a_members_own_rate_beats_the_skill_rate_which_beats_the_default() {
    let rule = WorkRule {
        default_rate: 1_000,
        skill_rates: vec![SkillRate {
            skill: "design".into(),
            rate: 2_000,
        }],
        member_rates: vec![
            MemberRate {
                member: 7,
                skill: Some("design".into()),
                rate: 4_000,
            },
            MemberRate {
                member: 7,
                skill: None,
                rate: 3_000,
            },
        ],
        claim: Claim::Equity,
    };
    assert_eq!(work_rate(&rule, &7, "design"), 4_000);
    assert_eq!(work_rate(&rule, &7, "code"), 3_000);
    assert_eq!(work_rate(&rule, &8, "design"), 2_000);
    assert_eq!(work_rate(&rule, &8, "code"), 1_000);
}

#[test]
fn shares_must_fit_in_the_income() {
    let over = with_buckets(vec![
        fixed("a", 6_000, Behaviour::Straight),
        fixed("b", 5_000, Behaviour::Straight),
    ]);
    assert!(matches!(over.check(), Err(DomainError::BadEquation(_))));
    let late = with_buckets(vec![
        fixed("a", 5_000, Behaviour::Remaining),
        fixed("b", 1_000, Behaviour::Straight),
    ]);
    assert!(matches!(late.check(), Err(DomainError::BadEquation(_))));
    let zero = with_buckets(vec![fixed("a", 0, Behaviour::Straight)]);
    assert!(zero.check().is_err());
    let fine = with_buckets(vec![
        fixed("a", 1_000, Behaviour::Straight),
        fixed("b", 10_000, Behaviour::Remaining),
    ]);
    assert!(fine.check().is_ok());
}

#[test]
fn names_rates_and_windows_are_checked() {
    let twice = with_buckets(vec![
        fixed("a", 1_000, Behaviour::Straight),
        fixed("a", 1_000, Behaviour::Straight),
    ]);
    assert!(matches!(twice.check(), Err(DomainError::Duplicate { .. })));
    assert!(with_buckets(vec![]).check().is_err());
    let mut backwards = with_buckets(vec![fixed("a", 1_000, Behaviour::Straight)]);
    backwards.buckets[0].window = Some(Window {
        from_micros: 10,
        until_micros: 5,
    });
    assert!(backwards.check().is_err());
    let mut decomposed = Eq::default();
    if let BucketKind::Contributions { rules } = &mut decomposed.buckets[0].kind {
        rules.work.as_mut().unwrap().skill_rates = vec![SkillRate {
            skill: "Ame\u{301}lie".into(),
            rate: 100,
        }];
    }
    assert_eq!(
        decomposed.check(),
        Err(DomainError::NotNfc { field: "skill" }),
        "a skill named in a rate is checked text"
    );
    let mut eq = Eq::default();
    if let BucketKind::Contributions { rules } = &mut eq.buckets[0].kind {
        rules.work.as_mut().unwrap().default_rate = 0;
    }
    assert!(matches!(eq.check(), Err(DomainError::NotPositive { .. })));
    let nothing = with_buckets(vec![Bucket {
        kind: BucketKind::Contributions {
            rules: ValuationRules {
                work: None,
                use_of_resources: None,
                cite: None,
                financial: None,
                material: None,
            },
        },
        ..fixed("a", 1_000, Behaviour::Straight)
    }]);
    assert!(matches!(nothing.check(), Err(DomainError::BadEquation(_))));
}

#[test]
fn try_map_renames_agents_and_resources_and_reports_the_first_failure() {
    let mut eq = with_buckets(vec![fixed("fee", 1_000, Behaviour::Straight)]);
    eq.buckets.push(Eq::default().buckets.remove(0));
    eq.buckets[1].behaviour = Behaviour::Remaining;
    let named: ValueEquation<String, String> = eq
        .clone()
        .try_map(|a| Ok::<_, ()>(a.to_string()), |r| Ok(r.to_string()))
        .unwrap();
    assert_eq!(
        named.buckets[0].kind,
        BucketKind::FixedShare { agent: "1".into() }
    );
    assert!(eq.try_map(|_| Err::<u8, _>("bad"), Ok).is_err());
}
