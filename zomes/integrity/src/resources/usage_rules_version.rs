//! [`UsageRulesVersion`]: new usage rules for a project's resource (who may use it, for how
//! long, the deposit and the fee), in force from its creation. Carried out on a passed decision
//! it names (`Change::UsageRules`), or, where the network lets them (`decisions_bind: false`),
//! by the project's stewards. Versions chain as a project's do: the resource as registered is
//! version 1, each change names the version it replaces and is numbered one more, and the
//! version in force at a time is `ovn_domain::members::versions::chained_in_force` over the
//! resource's index. A use names the version whose rules it was charged under; validators
//! check its fee against those rules, and the audit reports a use naming a version other than
//! the one in force when it was recorded (`audit::rules`).

use super::resource::Resource;
use crate::governance::binding::decided_or_stewarded;
use crate::governance::proposal::Change;
use crate::verdict::{fetched_app_entry, invalid, must_get, valid, Fetch, Referenced, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::binding::Made;
use ovn_domain::members::versions::check_number;
use ovn_domain::UsageRules;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UsageRulesVersion {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    /// 2 for a resource's first change of rules, then one more than the version it replaces.
    pub version: u32,
    /// The UsageRulesVersion it replaces; `None`: the rules the resource was registered with.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub replaces: Option<ActionHash>,
    pub rules: UsageRules,
    /// The passed Decision making exactly this change; `None` only where the network lets
    /// stewards act alone.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
    /// Where stewards act alone, the project's version whose stewards they act under.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project_version: Option<ActionHash>,
}

impl UsageRulesVersion {
    /// The change it makes, as a proposal states it.
    pub fn as_change(&self) -> Change {
        Change::UsageRules {
            resource: self.resource.clone(),
            rules: self.rules.clone(),
            replaces: self.replaces.clone(),
        }
    }
}

/// Rules:
/// 1. The rules are well formed (`Change::check`); the resource is a Resource of a project
///    (a resource of nobody's project keeps the rules its holders agreed to).
/// 2. It is made on a passed decision's authority (`ovn_domain::governance::binding`): the
///    named Decision passed, on a proposal of the resource's project to make exactly this
///    change (the same rules, replacing the same version); it is dated no earlier than the
///    decision. Without one, only where the network's decisions do not bind, and then the
///    author stewards the project's version it names.
/// 3. A first change is version 2; a later one replaces a UsageRulesVersion of the same
///    resource and is numbered one more.
pub fn validate_create_usage_rules_version(
    header: &ActionHeader,
    changed: &UsageRulesVersion,
) -> ExternResult<ValidateCallbackResult> {
    let change = changed.as_change();
    check!(change.check());
    let project = check!(project_of_resource(&changed.resource, &must_get)?);
    let made = Made {
        project: &project,
        change: &change,
        replaces: changed.replaces.as_ref(),
        at: header.timestamp.as_micros(),
    };
    check!(decided_or_stewarded(
        "usage-rule change",
        &made,
        changed.decision.as_ref(),
        changed.project_version.as_ref(),
        &header.author,
        "change its resources' usage rules"
    )?);
    let replaced = match &changed.replaces {
        None => None,
        Some(previous) => Some(check!(version_of(&changed.resource, previous, &must_get)?).version),
    };
    check!(check_number("usage-rule change", replaced, changed.version));
    valid()
}

/// The project of the resource at `resource`, read with `fetch`: an error unless it is a
/// Resource registered under a project.
pub fn project_of_resource(resource: &ActionHash, fetch: Fetch) -> Verdict<ActionHash> {
    let found = check_verdict!(fetched_app_entry::<Resource>(
        resource,
        fetch(resource)?,
        UnitEntryTypes::Resource
    )?);
    Ok(found.entry.project.ok_or_else(|| {
        format!(
            "resource {resource} is of no project: its usage rules are what its holders agreed \
             to, and no decision changes them"
        )
    }))
}

/// The UsageRulesVersion at `version`, read with `fetch`: an error unless it is one of
/// `resource`'s.
pub fn version_of(
    resource: &ActionHash,
    version: &ActionHash,
    fetch: Fetch,
) -> Verdict<UsageRulesVersion> {
    let found = check_verdict!(fetched_app_entry::<UsageRulesVersion>(
        version,
        fetch(version)?,
        UnitEntryTypes::UsageRulesVersion
    )?);
    if &found.entry.resource != resource {
        return Ok(Err(format!(
            "{version} is the usage rules of resource {}, not of {resource}",
            found.entry.resource
        )));
    }
    Ok(Ok(found.entry))
}

/// The usage rules a use of `resource` names: those of `version`, one of its
/// UsageRulesVersions, or, for `None`, those it was registered with.
pub fn rules_named(
    resource: &Referenced<Resource>,
    version: Option<&ActionHash>,
) -> Verdict<UsageRules> {
    match version {
        None => Ok(Ok(resource.entry.rules.clone())),
        Some(version) => {
            Ok(version_of(resource.record.action_address(), version, &must_get)?.map(|v| v.rules))
        }
    }
}

/// What a `Change::UsageRules` names is of `project` (rule 1 of the change and of a proposal):
/// a resource of the project, and, where it replaces one, a version of that resource.
pub fn check_change_of(project: &ActionHash, change: &Change, fetch: Fetch) -> Verdict<()> {
    let Change::UsageRules {
        resource, replaces, ..
    } = change
    else {
        return Ok(Ok(()));
    };
    let of = check_verdict!(project_of_resource(resource, fetch)?);
    if &of != project {
        return Ok(Err(format!(
            "resource {resource} is of project {of}, not of {project}: its own project decides \
             its usage rules"
        )));
    }
    if let Some(replaces) = replaces {
        check_verdict!(version_of(resource, replaces, fetch)?);
    }
    Ok(Ok(()))
}

/// Rules:
/// 1. Usage-rule versions are never updated: change the rules again.
pub fn validate_update_usage_rules_version() -> ExternResult<ValidateCallbackResult> {
    invalid("usage-rule versions cannot be updated: change the rules again")
}
