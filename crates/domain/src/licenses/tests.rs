use super::*;
use crate::bounds::MAX_AMOUNT;
use crate::DomainError;
use proptest::prelude::*;
use LicenseeCategory as C;

const FLAT: FeeSchedule = FeeSchedule::Flat { amount: 50_000 };

fn all_categories() -> Vec<(&'static str, C<u32>)> {
    vec![
        ("common good", C::CommonGood),
        ("non-profit", C::NonProfit),
        ("non-commercial", C::NonCommercialUse),
        ("cooperative of 12", C::WorkerCooperative { workers: 12 }),
        ("cooperative of 50", C::WorkerCooperative { workers: 50 }),
        ("cooperative of 400", C::WorkerCooperative { workers: 400 }),
        (
            "contributing for-profit",
            C::ContributingForProfit {
                contributions: vec![7],
            },
        ),
        ("for-profit", C::ForProfit),
    ]
}

#[test]
fn who_owes_under_cbrl_and_ppl() {
    // (category, owes under CBRL, owes under PPL)
    let table = [
        ("common good", false, false),
        ("non-profit", false, false),
        ("non-commercial", false, false),
        ("cooperative of 12", false, false),
        ("cooperative of 50", false, false),
        ("cooperative of 400", true, false),
        ("contributing for-profit", false, false),
        ("for-profit", true, true),
    ];
    let (cbrl, ppl) = (LicenseTerms::cbrl(FLAT), LicenseTerms::ppl(FLAT));
    for ((name, category), (row, owes_cbrl, owes_ppl)) in all_categories().iter().zip(table) {
        assert_eq!(*name, row);
        let fee = |terms| license_fee(terms, category, Usage::default()).unwrap();
        assert_eq!(
            fee(&cbrl),
            if owes_cbrl { 50_000 } else { 0 },
            "CBRL, {name}"
        );
        assert_eq!(fee(&ppl), if owes_ppl { 50_000 } else { 0 }, "PPL, {name}");
    }
}

#[test]
fn copyleft_charges_nobody() {
    for kind in [LicenseKind::CcBySa, LicenseKind::Gpl] {
        let terms = LicenseTerms::copyleft(kind);
        assert!(terms.check().is_ok());
        for (name, category) in all_categories() {
            assert_eq!(
                license_fee(&terms, &category, Usage::default()),
                Ok(0),
                "{name}"
            );
        }
    }
}

#[test]
fn fee_schedules() {
    let usage = Usage {
        units: 30,
        revenue: 1_000_001,
    };
    let fee = |schedule| license_fee(&LicenseTerms::cbrl(schedule), &C::<u32>::ForProfit, usage);
    assert_eq!(fee(FeeSchedule::PerUnit { amount: 1_500 }), Ok(45_000));
    // 5 % of 10,000.01 is 500.0005: rounded up to 500.01.
    assert_eq!(fee(FeeSchedule::RevenueShare { share_bp: 500 }), Ok(50_001));
    let per_unit = LicenseTerms::cbrl(FeeSchedule::PerUnit { amount: 2 });
    let many = Usage {
        units: MAX_AMOUNT,
        revenue: 0,
    };
    assert!(matches!(
        license_fee(&per_unit, &C::<u32>::ForProfit, many),
        Err(DomainError::Overflow { .. })
    ));
    // Usage itself is bounded, whoever owes: a non-profit's u64::MAX units too.
    let huge = Usage {
        units: u64::MAX,
        revenue: 0,
    };
    for category in [C::<u32>::ForProfit, C::NonProfit] {
        assert_eq!(
            license_fee(&per_unit, &category, huge),
            Err(DomainError::OutOfBounds {
                field: "usage units",
                value: u64::MAX,
                max: MAX_AMOUNT
            })
        );
    }
}

#[test]
fn license_terms_are_checked() {
    assert!(LicenseTerms::cbrl(FLAT).check().is_ok());
    let free_cbrl = LicenseTerms {
        fee: None,
        ..LicenseTerms::cbrl(FLAT)
    };
    assert!(free_cbrl.check().is_err());
    let mut exempting_all = LicenseTerms::ppl(FLAT);
    exempting_all.exempt.push(CategoryTag::ForProfit);
    assert!(exempting_all.check().is_err());
    let charging_sa = LicenseTerms {
        fee: Some(FLAT),
        ..LicenseTerms::copyleft(LicenseKind::CcBySa)
    };
    assert!(charging_sa.check().is_err());
    let whole_revenue = LicenseTerms::cbrl(FeeSchedule::RevenueShare { share_bp: 10_001 });
    assert!(whole_revenue.check().is_err());
    let mut twice = LicenseTerms::cbrl(FLAT);
    twice.exempt.push(CategoryTag::NonProfit);
    assert!(twice.check().is_err());
    assert!(LicenseTerms::cbrl(FeeSchedule::Flat { amount: 0 })
        .check()
        .is_err());
    let mut custom_charging_only_cooperatives = LicenseTerms::cbrl(FLAT);
    custom_charging_only_cooperatives.kind = LicenseKind::Custom {
        text: "Big cooperatives pay".into(),
    };
    custom_charging_only_cooperatives
        .exempt
        .push(CategoryTag::ForProfit);
    assert!(custom_charging_only_cooperatives.check().is_err());
    assert!(C::<u32>::ContributingForProfit {
        contributions: vec![]
    }
    .check()
    .is_err());
    assert!(C::<u32>::WorkerCooperative { workers: 0 }.check().is_err());
}

#[test]
fn derivatives_of_share_alike_work_stay_as_reciprocal() {
    let (cbrl, sa) = (
        LicenseTerms::cbrl(FLAT),
        LicenseTerms::copyleft(LicenseKind::CcBySa),
    );
    let permissive = LicenseTerms {
        kind: LicenseKind::Custom {
            text: "do as you like".into(),
        },
        fee: None,
        exempt: vec![],
        max_cooperative_workers: None,
        share_alike: false,
    };
    assert!(check_derivative(&cbrl, &sa).is_err());
    assert!(check_derivative(&sa, &permissive).is_err());
    assert!(check_derivative(&sa, &cbrl).is_ok());
    assert!(check_derivative(&permissive, &sa).is_ok());
    assert!(check_derivative(&permissive, &permissive).is_ok());
}

#[test]
fn the_default_catalogue_is_valid_and_names_are_unique() {
    let catalogue = default_catalogue();
    assert_eq!(check_catalogue(&catalogue), Ok(()));
    let mut twice = catalogue.clone();
    twice.push(catalogue[0].clone());
    assert!(matches!(
        check_catalogue(&twice),
        Err(DomainError::Duplicate { .. })
    ));
    let mut broken = catalogue;
    broken[0].terms.fee = None;
    assert!(matches!(
        check_catalogue(&broken),
        Err(DomainError::BadLicense(_))
    ));
}

#[test]
fn a_grant_follows_the_rule_unless_an_exception_decides() {
    let terms = LicenseTerms::cbrl(FLAT);
    let coop = C::<u32>::WorkerCooperative { workers: 12 };
    let grant = |asked: &C<u32>, granted: &C<u32>, fee, exception| {
        check_grant(&terms, asked, Usage::default(), granted, fee, exception)
    };
    assert_eq!(grant(&coop, &coop, 0, None), Ok(()));
    assert_eq!(grant(&C::ForProfit, &C::ForProfit, 50_000, None), Ok(()));
    assert!(matches!(
        grant(&C::ForProfit, &C::ForProfit, 49_999, None),
        Err(DomainError::WrongLicenseFee {
            expected: 50_000,
            ..
        })
    ));
    assert!(matches!(
        grant(&C::ForProfit, &coop, 0, None),
        Err(DomainError::Mislabelled { .. })
    ));
    // Governance treats this for-profit as a cooperative, for a reduced fee.
    let decided = || {
        Some(Exception {
            category: &coop,
            fee: 10_000,
        })
    };
    assert_eq!(grant(&C::ForProfit, &coop, 10_000, decided()), Ok(()));
    assert!(matches!(
        grant(&C::ForProfit, &coop, 0, decided()),
        Err(DomainError::NotAsDecided { fee: 10_000, .. })
    ));
    assert!(matches!(
        grant(&C::ForProfit, &C::ForProfit, 10_000, decided()),
        Err(DomainError::NotAsDecided { .. })
    ));
}

#[test]
fn a_category_maps_its_contributions_only() {
    let doubled = |c: u32| Ok::<u64, ()>(u64::from(c) * 2);
    assert_eq!(
        C::ContributingForProfit {
            contributions: vec![1, 2]
        }
        .try_map(doubled),
        Ok(C::ContributingForProfit {
            contributions: vec![2, 4]
        })
    );
    assert_eq!(
        C::<u32>::WorkerCooperative { workers: 3 }.try_map(doubled),
        Ok(C::WorkerCooperative { workers: 3 })
    );
    let refused = C::ContributingForProfit {
        contributions: vec![1, 2],
    }
    .try_map(|c| if c == 2 { Err("two") } else { Ok(c) });
    assert_eq!(refused, Err("two"));
}

fn arb_category() -> impl Strategy<Value = C<u32>> {
    prop_oneof![
        Just(C::CommonGood),
        Just(C::NonProfit),
        Just(C::NonCommercialUse),
        (1u32..1_000).prop_map(|workers| C::WorkerCooperative { workers }),
        prop::collection::vec(any::<u32>(), 1..5)
            .prop_map(|contributions| C::ContributingForProfit { contributions }),
        Just(C::ForProfit),
    ]
}

fn arb_schedule() -> impl Strategy<Value = FeeSchedule> {
    prop_oneof![
        (1u64..1_000_000).prop_map(|amount| FeeSchedule::Flat { amount }),
        (1u64..1_000_000).prop_map(|amount| FeeSchedule::PerUnit { amount }),
        (1u32..=10_000).prop_map(|share_bp| FeeSchedule::RevenueShare { share_bp }),
    ]
}

fn arb_usage() -> impl Strategy<Value = Usage> {
    (0u64..1_000_000, 0u64..1_000_000_000).prop_map(|(units, revenue)| Usage { units, revenue })
}

proptest! {
    #[test]
    fn a_fee_is_due_only_from_those_who_owe(
        category in arb_category(), schedule in arb_schedule(), usage in arb_usage(), ppl in any::<bool>()
    ) {
        let terms = if ppl { LicenseTerms::ppl(schedule) } else { LicenseTerms::cbrl(schedule) };
        let fee = license_fee(&terms, &category, usage).unwrap();
        if !terms.owes(&category) {
            prop_assert_eq!(fee, 0);
        }
        // Only plain for-profits, and under CBRL large cooperatives, ever owe.
        let may_owe = matches!(category, C::ForProfit)
            || (!ppl && matches!(category, C::WorkerCooperative { workers } if workers > SMALL_COOPERATIVE_WORKERS));
        prop_assert_eq!(terms.owes(&category), may_owe);
    }

    #[test]
    fn more_use_never_costs_less(schedule in arb_schedule(), a in arb_usage(), b in arb_usage()) {
        let terms = LicenseTerms::cbrl(schedule);
        let low = Usage { units: a.units.min(b.units), revenue: a.revenue.min(b.revenue) };
        let high = Usage { units: a.units.max(b.units), revenue: a.revenue.max(b.revenue) };
        let fee = |u| license_fee(&terms, &C::<u32>::ForProfit, u).unwrap();
        prop_assert!(fee(low) <= fee(high));
    }

    #[test]
    fn a_revenue_share_never_undercharges_by_a_unit(share_bp in 1u32..=10_000, revenue in 0u64..u64::MAX / 20_000) {
        let terms = LicenseTerms::cbrl(FeeSchedule::RevenueShare { share_bp });
        let fee = license_fee(&terms, &C::<u32>::ForProfit, Usage { units: 0, revenue }).unwrap();
        let exact = u128::from(revenue) * u128::from(share_bp);
        prop_assert!(u128::from(fee) * 10_000 >= exact);
        prop_assert!(u128::from(fee) * 10_000 < exact + 10_000);
    }
}

#[test]
fn a_project_license_is_named_apart_from_the_catalogue_and_carried_by_its_project_only() {
    let catalogue = default_catalogue();
    assert!(check_project_license_name(&catalogue, "Our own").is_ok());
    assert_eq!(
        check_project_license_name(&catalogue, "CBRL-1.0"),
        Err(DomainError::CatalogueName {
            name: "CBRL-1.0".into()
        })
    );
    assert_eq!(
        catalogue_license(&catalogue, "PPL-1.0").unwrap().name,
        "PPL-1.0"
    );
    assert!(catalogue_license(&catalogue, "MIT").is_err());
    assert!(check_license_project(&9, &1, Some(&1)).is_ok());
    assert!(check_license_project(&9, &1, Some(&2)).is_err());
    assert!(check_license_project(&9, &1, None).is_err());
}

#[test]
fn an_exception_binds_its_own_request_and_only_a_projects_resources_have_deciders() {
    assert!(check_exception_for(&5, &1, &1).is_ok());
    assert_eq!(
        check_exception_for(&5, &1, &2).unwrap_err().to_string(),
        "the exception 5 was decided for 1, not for 2"
    );
    assert_eq!(deciding_project(&7, Some(&3)), Ok(&3));
    assert!(deciding_project(&7, None::<&u8>).is_err());
}

#[test]
fn a_derivative_names_each_source_once_and_never_itself() {
    assert!(check_sources(&1, &[(&10, &2), (&11, &3)]).is_ok());
    assert_eq!(
        check_sources(&1, &[(&10, &2), (&10, &2)]),
        Err(DomainError::SourceTwice { named: "10".into() })
    );
    assert_eq!(
        check_sources(&1, &[(&12, &1)]),
        Err(DomainError::OwnSource { named: "12".into() })
    );
}
