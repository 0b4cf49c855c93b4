//! Acts only stewards make, under stewards no longer in force. A steward's act names the
//! project's version whose stewards it acts under, and validators check that version lists the
//! author; they cannot know whether a later version had replaced it by then (the index is not
//! theirs to read). So a steward removed by a decision could still register resources, add
//! licenses, grant, decide exceptions, adopt equations or change usage or governance rules
//! under the old version, or change the project from it (a side branch, which never comes into
//! force). The audit reports, by the one rule (`ovn_domain::members::versions::chained_in_force`):
//! - each act whose author the version in force at its time does not list
//!   ([`Found::NotStewardInForce`]);
//! - each project change that replaces another version than the one in force just before it
//!   ([`Found::ProjectVersionNotInForce`]).

use crate::findings::Found;
use hdk::prelude::*;
use ovn_integrity::licenses::license_exception::exception_project;
use ovn_integrity::resources::usage_rules_version::project_of_resource;
use ovn_integrity::{
    GovernanceRulesVersion, LicenseAttachment, LicenseException, LicenseGrant, LicenseRequest,
    ProjectVersion, Resource, UsageRulesVersion, ValueEquation,
};
use ovn_zome_support::membership::project_in_force;
use ovn_zome_support::records::{fetch, get_entry};

/// The project whose stewards `record` (of type `what`) acted as, if it is a steward's act.
fn acted_for(record: &Record, what: &str) -> ExternResult<Option<ActionHash>> {
    let entry = record.entry();
    Ok(match what {
        "Resource" => entry
            .to_app_option::<Resource>()
            .ok()
            .flatten()
            .and_then(|r| r.project),
        "License" => entry
            .to_app_option::<ovn_integrity::License>()
            .ok()
            .flatten()
            .map(|l| l.project),
        "ValueEquation" => entry
            .to_app_option::<ValueEquation>()
            .ok()
            .flatten()
            .filter(|e| e.decision.is_none())
            .map(|e| e.project),
        "GovernanceRulesVersion" => entry
            .to_app_option::<GovernanceRulesVersion>()
            .ok()
            .flatten()
            .filter(|v| v.decision.is_none())
            .map(|v| v.project),
        "UsageRulesVersion" => match entry.to_app_option::<UsageRulesVersion>().ok().flatten() {
            Some(v) if v.decision.is_none() => project_of_resource(&v.resource, &fetch)?.ok(),
            _ => None,
        },
        "LicenseException" => match entry.to_app_option::<LicenseException>().ok().flatten() {
            Some(e) if e.decision.is_none() => project_of_request(&e.request)?,
            _ => None,
        },
        "LicenseGrant" => match entry.to_app_option::<LicenseGrant>().ok().flatten() {
            Some(grant) => steward_grant(record.action().author(), &grant)?,
            None => None,
        },
        _ => None,
    })
}

/// The project whose resource a license request is for, as validation reads it.
fn project_of_request(request: &ActionHash) -> ExternResult<Option<ActionHash>> {
    Ok(exception_project(request, &fetch)?.ok())
}

/// A grant is a steward's act when its grantor did not attach the license.
fn steward_grant(author: &AgentPubKey, grant: &LicenseGrant) -> ExternResult<Option<ActionHash>> {
    let Some(Ok((_, request))) = get_entry::<LicenseRequest>(&grant.request)? else {
        return Ok(None);
    };
    if let Some(Ok((attached, _))) = get_entry::<LicenseAttachment>(&request.attachment)? {
        if attached.action().author() == author {
            return Ok(None);
        }
    }
    project_of_request(&grant.request)
}

/// A project change that replaced another version than the one in force just before it.
fn change_findings(record: &Record) -> ExternResult<Vec<Found>> {
    let Ok(Some(changed)) = record.entry().to_app_option::<ProjectVersion>() else {
        return Ok(vec![]);
    };
    let just_before = Timestamp::from_micros(record.action().timestamp().as_micros() - 1);
    let Ok(in_force) = project_in_force(&changed.project, just_before)? else {
        return Ok(vec![]); // validation read it; the replay reports what it cannot read
    };
    if in_force.version == changed.replaces {
        return Ok(vec![]);
    }
    Ok(vec![Found::ProjectVersionNotInForce {
        named: changed.replaces,
        in_force: in_force.version,
    }])
}

/// What is wrong with the stewardship of `record` (of type `what`).
pub fn steward_findings(record: &Record, what: &str) -> ExternResult<Vec<Found>> {
    if what == "ProjectVersion" {
        return change_findings(record);
    }
    let Some(project) = acted_for(record, what)? else {
        return Ok(vec![]);
    };
    let at = record.action().timestamp();
    let Ok(in_force) = project_in_force(&project, at)? else {
        return Ok(vec![]); // validation read it; the replay reports what it cannot read
    };
    if in_force.stewards.contains(record.action().author()) {
        return Ok(vec![]);
    }
    Ok(vec![Found::NotStewardInForce {
        project,
        in_force: in_force.version,
    }])
}
