//! A license's terms: its kind, its fee schedule, whom it exempts, and who owes under it.
//!
//! Those who owe pay a [`FeeSchedule`]: a `Flat` or `PerUnit` amount in minor units, or a
//! `RevenueShare` in basis points, rounded up to a minor unit. The exempt categories may cap the
//! size of an exempt worker cooperative (`max_cooperative_workers`). CBRL and PPL must charge
//! and may never exempt a plain for-profit; CC BY-SA and the GPL charge nobody. Licenses are
//! ordered by [`LicenseTerms::reciprocity`] (permissive 0 < share-alike 1 < share-alike and
//! charging 2), the order a derivative of share-alike work may not go down.

use crate::bounds::{check_at_most, MAX_AMOUNT};
use crate::ledger::value_equation::FULL_SHARE_BP;
use crate::text::{check_count, check_text, MAX_PROSE};
use crate::DomainError;
use serde::{Deserialize, Serialize};

/// CBRL's "small" worker cooperative, when a license does not say otherwise.
pub const SMALL_COOPERATIVE_WORKERS: u32 = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LicenseKind {
    CommonsBasedReciprocity,
    PeerProduction,
    CcBySa,
    Gpl,
    Custom { text: String },
}

/// What a licensee who owes pays, in minor units or basis points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Usage {
    /// Units made or sold under the license.
    pub units: u64,
    /// Revenue made with the licensed work, in minor units.
    pub revenue: u64,
}

impl Usage {
    /// Units and revenue are each at most [`MAX_AMOUNT`], like every amount an entry carries.
    pub fn check(&self) -> Result<(), DomainError> {
        check_at_most("usage units", self.units, MAX_AMOUNT)?;
        check_at_most("usage revenue", self.revenue, MAX_AMOUNT)
    }
}

/// A license's terms: its kind, what those who owe pay, and who is exempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
            Some(FeeSchedule::Flat { amount } | FeeSchedule::PerUnit { amount }) => {
                check_at_most("fee", amount, MAX_AMOUNT)?
            }
            Some(FeeSchedule::RevenueShare { share_bp })
                if share_bp == 0 || share_bp > FULL_SHARE_BP =>
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
