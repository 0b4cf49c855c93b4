//! The network's license catalogue (part of the constitution), referred to by name.

use super::{FeeSchedule, LicenseKind, LicenseTerms};
use crate::text::{check_count, check_text, MAX_NAME};
use crate::DomainError;
use serde::{Deserialize, Serialize};

/// A license of the network's catalogue (DNA properties), referred to by its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

/// A project's own license is not named as one of the catalogue's: a resource names catalogue
/// licenses by name, so the name must say which one it is.
pub fn check_project_license_name(
    catalogue: &[CatalogueLicense],
    name: &str,
) -> Result<(), DomainError> {
    if catalogue.iter().any(|l| l.name == name) {
        return Err(DomainError::CatalogueName { name: name.into() });
    }
    Ok(())
}

/// The catalogue's license called `name`.
pub fn catalogue_license<'a>(
    catalogue: &'a [CatalogueLicense],
    name: &str,
) -> Result<&'a CatalogueLicense, DomainError> {
    catalogue
        .iter()
        .find(|l| l.name == name)
        .ok_or_else(|| DomainError::NotInCatalogue { name: name.into() })
}

/// A project's own license is carried only by that project's resources.
pub fn check_license_project<H: PartialEq + std::fmt::Display>(
    license: &H,
    license_project: &H,
    resource_project: Option<&H>,
) -> Result<(), DomainError> {
    if resource_project != Some(license_project) {
        return Err(DomainError::ForeignLicense {
            license: license.to_string(),
            project: license_project.to_string(),
        });
    }
    Ok(())
}
