//! What a licensee owes, the rule of a grant, and the licenses a derivative may take (at least
//! as reciprocal as a share-alike source, by [`LicenseTerms::reciprocity`]).

use super::{FeeSchedule, LicenseTerms, LicenseeCategory, Usage};
use crate::bounds::{check_at_most, MAX_AMOUNT};
use crate::ledger::value_equation::FULL_SHARE_BP;
use crate::DomainError;

/// The fee a licensee of `category` owes for `usage`: 0 when exempt; a flat amount; an amount
/// per unit; or a share of revenue rounded up to a minor unit. An error, never a wrong
/// figure, when it would exceed [`MAX_AMOUNT`], or when the usage does ([`Usage::check`]).
pub fn license_fee<R>(
    terms: &LicenseTerms,
    category: &LicenseeCategory<R>,
    usage: Usage,
) -> Result<u64, DomainError> {
    category.check()?;
    usage.check()?;
    let Some(fee) = terms.fee.filter(|_| terms.owes(category)) else {
        return Ok(0);
    };
    let due = match fee {
        FeeSchedule::Flat { amount } => u128::from(amount),
        FeeSchedule::PerUnit { amount } => u128::from(amount) * u128::from(usage.units),
        FeeSchedule::RevenueShare { share_bp } => {
            (u128::from(usage.revenue) * u128::from(share_bp)).div_ceil(u128::from(FULL_SHARE_BP))
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

/// Rules of an exception decided for a request:
/// 1. It cannot make a licensee a contributing for-profit: only the request's own counted
///    contributions show that.
/// 2. Its fee is at most [`MAX_AMOUNT`].
pub fn check_exception<R>(category: &LicenseeCategory<R>, fee: u64) -> Result<(), DomainError> {
    if matches!(category, LicenseeCategory::ContributingForProfit { .. }) {
        return Err(DomainError::ExceptionAsContributor);
    }
    check_at_most("fee", fee, MAX_AMOUNT)
}

/// An exception applies to the one request it was decided for.
pub fn check_exception_for<H: PartialEq + std::fmt::Display>(
    exception: &H,
    decided_for: &H,
    request: &H,
) -> Result<(), DomainError> {
    if decided_for != request {
        return Err(DomainError::ExceptionForAnother {
            exception: exception.to_string(),
            decided_for: decided_for.to_string(),
            request: request.to_string(),
        });
    }
    Ok(())
}

/// Who decides a resource's license exceptions: its project (by a decision, or its stewards
/// where decisions do not bind), which it returns (a resource of no project has nobody to
/// decide).
pub fn deciding_project<'a, H: std::fmt::Display>(
    resource: &H,
    project: Option<&'a H>,
) -> Result<&'a H, DomainError> {
    project.ok_or_else(|| DomainError::NoDecider {
        resource: resource.to_string(),
    })
}

/// The sources a derivative names: each once, and none the licensed resource's own license.
/// Each source is given as (what is named, the resource it licenses).
pub fn check_sources<H: PartialEq + std::fmt::Display>(
    resource: &H,
    sources: &[(&H, &H)],
) -> Result<(), DomainError> {
    for (i, (named, licensed)) in sources.iter().enumerate() {
        if sources[..i].iter().any(|(earlier, _)| earlier == named) {
            return Err(DomainError::SourceTwice {
                named: named.to_string(),
            });
        }
        if *licensed == resource {
            return Err(DomainError::OwnSource {
                named: named.to_string(),
            });
        }
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
