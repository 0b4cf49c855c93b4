//! [`Resource`]: a thing held in common (a 3D printer, a tool shed, an open-hardware design),
//! its property regime and its typed usage rules. Its creator is its first custodian. Immutable:
//! custody events and use reports carry its condition over time.
//!
//! Only a project's stewards register resources under it, so nobody can route a project's
//! license or use fees through a resource of their own.

use crate::members::project::steward_of;
use crate::verdict::{invalid, valid};
use hdi::prelude::*;
use ovn_domain::resources::resource::check_resource;
use ovn_domain::{PropertyRegime, UsageRules};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Resource {
    pub name: String,
    pub specification: String,
    pub regime: PropertyRegime,
    pub rules: UsageRules,
    /// The project whose contributions produced or funded it: its use fees are that project's
    /// income, shared among its contributors.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project: Option<ActionHash>,
    pub location: String,
    pub condition: String,
    /// Where it is a steward's act, the project's version whose stewards it acts under (the
    /// one in force when it is made); `None`: the project as created, or not a steward's act.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project_version: Option<ActionHash>,
}

/// Rules:
/// 1. The name is non-empty and bounded; specification, location and condition are bounded.
/// 2. The usage rules are well formed (duration, deposit, fee, skills).
/// 3. A project, if named, is a Project and the author one of its stewards (a project's
///    stewards register what it made or funded: its use and license fees are its income).
///
/// Its license is attached by a `LicenseAttachment` (see [`crate::licenses::license_attachment`]).
pub fn validate_create_resource(
    header: &ActionHeader,
    resource: &Resource,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_resource(
        &resource.name,
        &resource.specification,
        &resource.location,
        &resource.condition,
        &resource.rules
    ));
    if let Some(project) = &resource.project {
        check!(steward_of(
            project,
            resource.project_version.as_ref(),
            &header.author,
            "register its resources"
        )?);
    }
    valid()
}

/// Rules:
/// 1. Resources are never updated: custody moves by transfers, its condition is reported with
///    each transfer and use, and its regime and rules are what every holder agreed to.
pub fn validate_update_resource() -> ExternResult<ValidateCallbackResult> {
    invalid("resources cannot be updated: report their condition with a transfer or a use")
}
