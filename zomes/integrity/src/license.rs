//! [`License`]: a license a project adds to the network's catalogue (the catalogue itself is in
//! the DNA properties), and [`LicenseRef`], how a resource names either kind. Immutable: a
//! grant copies the terms it was made under.

use crate::constitution::network_constitution;
use crate::project::Project;
use crate::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid, Referenced};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::license::LicenseTerms;
use ovn_domain::text::{check_text, MAX_NAME};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
pub struct License {
    pub name: String,
    /// The project that adds it; only its resources may carry it.
    pub project: ActionHash,
    pub terms: LicenseTerms,
}

/// A license of the network's catalogue, by name, or one a project added.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum LicenseRef {
    Catalogue { name: String },
    Project { license: ActionHash },
}

/// Rules:
/// 1. The name is non-empty and bounded, and not a name of the network's catalogue.
/// 2. The terms are valid (`ovn_domain::license::LicenseTerms::check`).
/// 3. The project is a Project and the author one of its stewards.
pub fn validate_create_license(
    header: &ActionHeader,
    license: &License,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_text("name", &license.name, MAX_NAME));
    check!(license.terms.check());
    if network_constitution()?
        .licenses
        .iter()
        .any(|l| l.name == license.name)
    {
        return invalid(format!(
            "{:?} is a license of the network's catalogue: name the project's own license differently",
            license.name
        ));
    }
    check!(steward_of(
        &license.project,
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

/// The project at `project`, if `agent` is one of its stewards; `Err` says who may `what`.
pub fn steward_of(
    project: &ActionHash,
    agent: &AgentPubKey,
    what: &str,
) -> ExternResult<Result<Referenced<Project>, String>> {
    let project_record = match must_get_app_entry::<Project>(project, UnitEntryTypes::Project)? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    if !project_record.entry.stewards.contains(agent) {
        return Ok(Err(format!(
            "{agent} is not a steward of project {project}: only its stewards {what}"
        )));
    }
    Ok(Ok(project_record))
}

/// The terms `license` names, for a resource of `resource`'s project.
pub fn terms_of(
    license: &LicenseRef,
    resource: &Resource,
) -> ExternResult<Result<LicenseTerms, String>> {
    match license {
        LicenseRef::Catalogue { name } => Ok(network_constitution()?
            .licenses
            .into_iter()
            .find(|l| &l.name == name)
            .map(|l| l.terms)
            .ok_or_else(|| format!("{name:?} is not a license of the network's catalogue"))),
        LicenseRef::Project { license: hash } => {
            let license = match must_get_app_entry::<License>(hash, UnitEntryTypes::License)? {
                Ok(l) => l.entry,
                Err(e) => return Ok(Err(e)),
            };
            if resource.project.as_ref() != Some(&license.project) {
                return Ok(Err(format!(
                    "the license {hash} is project {}'s: only that project's resources may carry it",
                    license.project
                )));
            }
            Ok(Ok(license.terms))
        }
    }
}
