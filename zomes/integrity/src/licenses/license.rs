//! [`License`]: a license a project adds to the network's catalogue (the catalogue itself is in
//! the DNA properties), and [`LicenseRef`], how a resource names either kind. Immutable: a
//! grant copies the terms it was made under.

use crate::constitution::network_constitution;
use crate::members::project::steward_of;
use crate::resources::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::licenses::{
    catalogue_license, check_license_project, check_project_license_name, LicenseTerms,
};
use ovn_domain::text::{check_text, MAX_NAME};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct License {
    pub name: String,
    /// The project that adds it; only its resources may carry it.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    pub terms: LicenseTerms,
    /// Where it is a steward's act, the project's version whose stewards it acts under (the
    /// one in force when it is made); `None`: the project as created, or not a steward's act.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project_version: Option<ActionHash>,
}

/// A license of the network's catalogue, by name, or one a project added.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LicenseRef {
    Catalogue {
        name: String,
    },
    Project {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        license: ActionHash,
    },
}

/// Rules:
/// 1. The name is non-empty and bounded, and not a name of the network's catalogue.
/// 2. The terms are valid (`ovn_domain::licenses::LicenseTerms::check`).
/// 3. The project is a Project and the author one of its stewards.
pub fn validate_create_license(
    header: &ActionHeader,
    license: &License,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_text("name", &license.name, MAX_NAME));
    check!(license.terms.check());
    check!(check_project_license_name(
        &network_constitution()?.licenses,
        &license.name
    ));
    check!(steward_of(
        &license.project,
        license.project_version.as_ref(),
        &header.author,
        "add its licenses"
    )?);
    valid()
}

/// Rules:
/// 1. Licenses are never updated: grants and derivatives rely on the terms as signed.
pub fn validate_update_license() -> ExternResult<ValidateCallbackResult> {
    invalid("licenses cannot be updated: add a new license")
}

/// The terms `license` names, for a resource of `resource`'s project.
pub fn terms_of(license: &LicenseRef, resource: &Resource) -> Verdict<LicenseTerms> {
    match license {
        LicenseRef::Catalogue { name } => {
            Ok(catalogue_license(&network_constitution()?.licenses, name)
                .map(|l| l.terms.clone())
                .map_err(|e| e.to_string()))
        }
        LicenseRef::Project { license: hash } => {
            let license = match must_get_app_entry::<License>(hash, UnitEntryTypes::License)? {
                Ok(l) => l.entry,
                Err(e) => return Ok(Err(e)),
            };
            Ok(
                check_license_project(hash, &license.project, resource.project.as_ref())
                    .map(|()| license.terms)
                    .map_err(|e| e.to_string()),
            )
        }
    }
}
