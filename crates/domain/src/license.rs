//! Licenses and reciprocity: who owes what under a license, and which licenses a derivative
//! may take. Under a Commons-Based Reciprocity License (CBRL) use is free for common-good
//! entities, non-profits, non-commercial use, small worker cooperatives and for-profits that
//! contribute to the commons; other for-profits pay. Under the Peer Production License (PPL)
//! worker-owned (of any size) and commons-contributing users are free; other for-profits pay.
//! CC BY-SA and the GPL charge nobody but require share-alike. `R` names a contribution.
//!
//! The integrity zome's license validators (`License`, `LicenseAttachment`, `LicenseRequest`,
//! `LicenseGrant`) and the licenses coordinator call these; the network's catalogue
//! ([`CatalogueLicense`]) is part of the constitution.

use crate::contribution::MAX_AMOUNT;
use crate::text::{check_count, check_text, MAX_NAME, MAX_PROSE};
use crate::DomainError;
use serde::{Deserialize, Serialize};

/// CBRL's "small" worker cooperative, when a license does not say otherwise.
pub const SMALL_COOPERATIVE_WORKERS: u32 = 50;
/// Basis points in one whole.
const WHOLE_BP: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LicenseKind {
    CommonsBasedReciprocity,
    PeerProduction,
    CcBySa,
    Gpl,
    Custom { text: String },
}

/// What a licensee who owes pays, in minor units or basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeeSchedule {
    Flat {
        amount: u64,
    },
    PerUnit {
        amount: u64,
    },
    /// A share of the revenue made with the licensed work.
    RevenueShare {
        share_bp: u32,
    },
}

/// A licensee category without its details: what a license lists as exempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CategoryTag {
    CommonGood,
    NonProfit,
    NonCommercialUse,
    WorkerCooperative,
    ContributingForProfit,
    ForProfit,
}

/// Who a licensee is, as a grant states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LicenseeCategory<R> {
    CommonGood,
    NonProfit,
    NonCommercialUse,
    WorkerCooperative {
        workers: u32,
    },
    /// A for-profit that contributes to this commons: the contributions that show it.
    ContributingForProfit {
        contributions: Vec<R>,
    },
    ForProfit,
}

impl<R> LicenseeCategory<R> {
    pub fn tag(&self) -> CategoryTag {
        match self {
            Self::CommonGood => CategoryTag::CommonGood,
            Self::NonProfit => CategoryTag::NonProfit,
            Self::NonCommercialUse => CategoryTag::NonCommercialUse,
            Self::WorkerCooperative { .. } => CategoryTag::WorkerCooperative,
            Self::ContributingForProfit { .. } => CategoryTag::ContributingForProfit,
            Self::ForProfit => CategoryTag::ForProfit,
        }
    }

    /// The same category with each named contribution mapped by `f`; the first error stops.
    pub fn try_map<S, E>(self, f: impl FnMut(R) -> Result<S, E>) -> Result<LicenseeCategory<S>, E> {
        Ok(match self {
            Self::CommonGood => LicenseeCategory::CommonGood,
            Self::NonProfit => LicenseeCategory::NonProfit,
            Self::NonCommercialUse => LicenseeCategory::NonCommercialUse,
            Self::WorkerCooperative { workers } => LicenseeCategory::WorkerCooperative { workers },
            Self::ContributingForProfit { contributions } => {
                LicenseeCategory::ContributingForProfit {
                    contributions: contributions.into_iter().map(f).collect::<Result<_, _>>()?,
                }
            }
            Self::ForProfit => LicenseeCategory::ForProfit,
        })
    }

    /// A cooperative has workers; a contributing for-profit names 1..=50 contributions.
    pub fn check(&self) -> Result<(), DomainError> {
        match self {
            Self::WorkerCooperative { workers: 0 } => {
                Err(DomainError::NotPositive { field: "workers" })
            }
            Self::ContributingForProfit { contributions } => {
                if contributions.is_empty() {
                    return Err(DomainError::BadLicense(
                        "a contributing for-profit names the contributions it made".into(),
                    ));
                }
                check_count("contributions", contributions.len())
            }
            _ => Ok(()),
        }
    }
}

/// What the fee is computed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Units made or sold under the license.
    pub units: u64,
    /// Revenue made with the licensed work, in minor units.
    pub revenue: u64,
}

/// A license's terms: its kind, what those who owe pay, and who is exempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenseTerms {
    pub kind: LicenseKind,
    /// `None`: nobody pays.
    pub fee: Option<FeeSchedule>,
    pub exempt: Vec<CategoryTag>,
    /// Exempt cooperatives have at most this many workers (`None`: any size).
    pub max_cooperative_workers: Option<u32>,
    /// Derivatives must be licensed at least as reciprocally.
    pub share_alike: bool,
}

impl LicenseTerms {
    /// CBRL: free for common good, non-profits, non-commercial use, small cooperatives and
    /// contributing for-profits; other for-profits pay `fee`.
    pub fn cbrl(fee: FeeSchedule) -> Self {
        Self {
            kind: LicenseKind::CommonsBasedReciprocity,
            fee: Some(fee),
            exempt: vec![
                CategoryTag::CommonGood,
                CategoryTag::NonProfit,
                CategoryTag::NonCommercialUse,
                CategoryTag::WorkerCooperative,
                CategoryTag::ContributingForProfit,
            ],
            max_cooperative_workers: Some(SMALL_COOPERATIVE_WORKERS),
            share_alike: true,
        }
    }

    /// PPL: free for worker-owned users of any size, commons contributors, the common good,
    /// non-profits and non-commercial use; for-profit companies pay `fee`.
    pub fn ppl(fee: FeeSchedule) -> Self {
        Self {
            kind: LicenseKind::PeerProduction,
            max_cooperative_workers: None,
            ..Self::cbrl(fee)
        }
    }

    /// A copyleft license that charges nobody: CC BY-SA or the GPL.
    pub fn copyleft(kind: LicenseKind) -> Self {
        Self {
            kind,
            fee: None,
            exempt: vec![],
            max_cooperative_workers: None,
            share_alike: true,
        }
    }

    /// Rules:
    /// 1. CBRL and PPL charge those who do not reciprocate: they have a fee. CC BY-SA and the
    ///    GPL charge nobody and are share-alike.
    /// 2. A license with a fee never exempts plain for-profits (they are whom it charges).
    /// 3. Amounts are 1..=[`MAX_AMOUNT`]; a revenue share is 1..=10,000 basis points.
    /// 3. A cooperative size limit is positive; exemptions are distinct; custom text is bounded.
    pub fn check(&self) -> Result<(), DomainError> {
        let bad = |why: &str| Err(DomainError::BadLicense(why.into()));
        match &self.kind {
            LicenseKind::CommonsBasedReciprocity | LicenseKind::PeerProduction => {
                if self.fee.is_none() {
                    return bad(
                        "a reciprocity license charges those who do not reciprocate: give it a fee",
                    );
                }
            }
            LicenseKind::CcBySa | LicenseKind::Gpl => {
                if self.fee.is_some() || !self.share_alike {
                    return bad("CC BY-SA and the GPL charge nobody and are share-alike");
                }
            }
            LicenseKind::Custom { text } => check_text("license text", text, MAX_PROSE)?,
        }
        if self.fee.is_some() && self.exempt.contains(&CategoryTag::ForProfit) {
            return bad("a license with a fee cannot exempt for-profits that do not contribute");
        }
        match self.fee {
            Some(FeeSchedule::Flat { amount: 0 } | FeeSchedule::PerUnit { amount: 0 }) => {
                return Err(DomainError::NotPositive { field: "fee" })
            }
            Some(FeeSchedule::Flat { amount } | FeeSchedule::PerUnit { amount })
                if amount > MAX_AMOUNT =>
            {
                return Err(DomainError::OutOfBounds {
                    field: "fee",
                    value: amount,
                    max: MAX_AMOUNT,
                })
            }
            Some(FeeSchedule::RevenueShare { share_bp })
                if share_bp == 0 || share_bp > WHOLE_BP =>
            {
                return bad("a revenue share is 1 to 10,000 basis points");
            }
            _ => {}
        }
        if self.max_cooperative_workers == Some(0) {
            return Err(DomainError::NotPositive {
                field: "max_cooperative_workers",
            });
        }
        for (i, tag) in self.exempt.iter().enumerate() {
            if self.exempt[..i].contains(tag) {
                return Err(DomainError::Duplicate {
                    field: "exempt",
                    value: format!("{tag:?}"),
                });
            }
        }
        Ok(())
    }

    /// Whether a licensee of `category` pays the fee.
    pub fn owes<R>(&self, category: &LicenseeCategory<R>) -> bool {
        if self.fee.is_none() {
            return false;
        }
        let exempt = self.exempt.contains(&category.tag());
        match category {
            LicenseeCategory::WorkerCooperative { workers } => {
                !(exempt
                    && self
                        .max_cooperative_workers
                        .is_none_or(|max| *workers <= max))
            }
            _ => !exempt,
        }
    }

    /// How reciprocal the license is: 0 permissive, 1 share-alike, 2 share-alike and charging
    /// those who do not reciprocate.
    pub fn reciprocity(&self) -> u8 {
        match (self.share_alike, self.fee.is_some()) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        }
    }
}

/// A license of the network's catalogue (DNA properties), referred to by its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueLicense {
    pub name: String,
    pub terms: LicenseTerms,
}

/// The catalogue every network starts from: CBRL (500.00 flat from those who owe), PPL (5 % of
/// revenue), CC BY-SA 4.0 and GPL 3.0.
pub fn default_catalogue() -> Vec<CatalogueLicense> {
    let named = |name: &str, terms| CatalogueLicense {
        name: name.into(),
        terms,
    };
    vec![
        named(
            "CBRL-1.0",
            LicenseTerms::cbrl(FeeSchedule::Flat { amount: 50_000 }),
        ),
        named(
            "PPL-1.0",
            LicenseTerms::ppl(FeeSchedule::RevenueShare { share_bp: 500 }),
        ),
        named("CC-BY-SA-4.0", LicenseTerms::copyleft(LicenseKind::CcBySa)),
        named("GPL-3.0", LicenseTerms::copyleft(LicenseKind::Gpl)),
    ]
}

/// Rules: each license's terms are valid, names are distinct, non-empty and bounded.
pub fn check_catalogue(catalogue: &[CatalogueLicense]) -> Result<(), DomainError> {
    check_count("licenses", catalogue.len())?;
    for (i, license) in catalogue.iter().enumerate() {
        check_text("license name", &license.name, MAX_NAME)?;
        license.terms.check()?;
        if catalogue[..i].iter().any(|l| l.name == license.name) {
            return Err(DomainError::Duplicate {
                field: "licenses",
                value: license.name.clone(),
            });
        }
    }
    Ok(())
}

/// Whole-percent pie slices in basis points: each amount's share of their total, by the
/// largest-remainder method so that the slices sum to exactly 10,000 (when anything is paid)
/// and each is within one basis point of its exact share.
pub fn pie_shares(amounts: &[u64]) -> Vec<u32> {
    let total: u128 = amounts.iter().map(|a| u128::from(*a)).sum();
    if total == 0 {
        return vec![0; amounts.len()];
    }
    let whole = u128::from(WHOLE_BP);
    let mut shares: Vec<u32> = Vec::with_capacity(amounts.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(amounts.len());
    for (i, a) in amounts.iter().enumerate() {
        let exact = u128::from(*a) * whole;
        // `exact / total` is at most 10,000.
        shares.push((exact / total) as u32);
        remainders.push((exact % total, i));
    }
    let short = WHOLE_BP - shares.iter().sum::<u32>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders.into_iter().take(short as usize) {
        shares[i] += 1;
    }
    shares
}

/// The fee a licensee of `category` owes for `usage`: 0 when exempt; a flat amount; an amount
/// per unit; or a share of revenue rounded up to a minor unit. An error, never a wrong
/// figure, when it would exceed [`MAX_AMOUNT`].
pub fn license_fee<R>(
    terms: &LicenseTerms,
    category: &LicenseeCategory<R>,
    usage: Usage,
) -> Result<u64, DomainError> {
    category.check()?;
    let Some(fee) = terms.fee.filter(|_| terms.owes(category)) else {
        return Ok(0);
    };
    let due = match fee {
        FeeSchedule::Flat { amount } => u128::from(amount),
        FeeSchedule::PerUnit { amount } => u128::from(amount) * u128::from(usage.units),
        FeeSchedule::RevenueShare { share_bp } => {
            (u128::from(usage.revenue) * u128::from(share_bp)).div_ceil(u128::from(WHOLE_BP))
        }
    };
    u64::try_from(due)
        .ok()
        .filter(|d| *d <= MAX_AMOUNT)
        .ok_or(DomainError::Overflow {
            what: "the license fee",
        })
}

/// What an exception decided for one request: how its licensee is treated and what they pay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception<'a, R> {
    pub category: &'a LicenseeCategory<R>,
    pub fee: u64,
}

/// The rule of a grant. Without an exception it grants the category the licensee asked as and
/// the fee [`license_fee`] computes for it; with one, the category and fee the exception
/// decided (an exemption outside the rule, or a particular case).
pub fn check_grant<R: PartialEq>(
    terms: &LicenseTerms,
    requested: &LicenseeCategory<R>,
    usage: Usage,
    granted: &LicenseeCategory<R>,
    fee: u64,
    exception: Option<Exception<'_, R>>,
) -> Result<(), DomainError> {
    granted.check()?;
    if let Some(decided) = exception {
        if granted != decided.category || fee != decided.fee {
            return Err(DomainError::NotAsDecided {
                category: format!("{:?}", decided.category.tag()),
                fee: decided.fee,
            });
        }
        return Ok(());
    }
    let (category, expected) = (requested, license_fee(terms, requested, usage)?);
    if granted != category {
        return Err(DomainError::Mislabelled {
            requested: format!("{:?}", category.tag()),
            granted: format!("{:?}", granted.tag()),
        });
    }
    if fee != expected {
        return Err(DomainError::WrongLicenseFee {
            fee,
            expected,
            category: format!("{:?}", category.tag()),
        });
    }
    Ok(())
}

/// A derivative of a share-alike work is licensed at least as reciprocally as its source.
pub fn check_derivative(
    source: &LicenseTerms,
    derivative: &LicenseTerms,
) -> Result<(), DomainError> {
    if source.share_alike && derivative.reciprocity() < source.reciprocity() {
        return Err(DomainError::LessReciprocal {
            original: format!("{:?}", source.kind),
            derivative: format!("{:?}", derivative.kind),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let fee =
            |schedule| license_fee(&LicenseTerms::cbrl(schedule), &C::<u32>::ForProfit, usage);
        assert_eq!(fee(FeeSchedule::PerUnit { amount: 1_500 }), Ok(45_000));
        // 5 % of 10,000.01 is 500.0005: rounded up to 500.01.
        assert_eq!(fee(FeeSchedule::RevenueShare { share_bp: 500 }), Ok(50_001));
        let huge = Usage {
            units: u64::MAX,
            revenue: 0,
        };
        let per_unit = LicenseTerms::cbrl(FeeSchedule::PerUnit { amount: 2 });
        assert!(matches!(
            license_fee(&per_unit, &C::<u32>::ForProfit, huge),
            Err(DomainError::Overflow { .. })
        ));
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

    #[test]
    fn pie_shares_sum_to_a_whole() {
        assert_eq!(pie_shares(&[1, 1, 1]), vec![3_334, 3_333, 3_333]);
        assert_eq!(pie_shares(&[732, 18]), vec![9_760, 240]);
        assert_eq!(pie_shares(&[0, 0]), vec![0, 0]);
        assert_eq!(pie_shares(&[]), Vec::<u32>::new());
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
        fn pie_shares_are_whole_and_each_within_a_basis_point(amounts in prop::collection::vec(0u64..u64::MAX / 4, 1..40)) {
            let shares = pie_shares(&amounts);
            let total: u128 = amounts.iter().map(|a| u128::from(*a)).sum();
            if total > 0 {
                prop_assert_eq!(shares.iter().sum::<u32>(), 10_000);
            }
            for (a, s) in amounts.iter().zip(&shares) {
                let exact = u128::from(*a) * 10_000;
                prop_assert!(u128::from(*s) * total <= exact + total);
                prop_assert!(u128::from(*s) * total + total >= exact);
            }
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
}
