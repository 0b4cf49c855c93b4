//! Usage rules not in force. A use names the usage-rules version it was charged under, and a
//! change of rules the version it replaces; validators check only that the version is one of
//! the resource's (the index is not theirs to read). So a user could pay an old, cheaper fee
//! after the rules changed, and a carrier could change rules from a replaced version (a side
//! branch, which never comes into force). The audit reports, by the one rule
//! (`ovn_domain::members::versions::chained_in_force`), [`Found::UsageRulesNotInForce`]:
//! - each use naming another version than the one in force when it was recorded (its
//!   `from` is the user's to state: rules in force then would let a use be backdated under
//!   cheaper rules);
//! - each change replacing another version than the one in force just before it.
//!
//! A project's governance rules chain the same way: a change of them replacing another version
//! than the one in force just before it is [`Found::GovernanceRulesNotInForce`] (a proposal
//! naming rules not in force is `crate::decisions`').

use crate::findings::Found;
use hdk::prelude::*;
use ovn_integrity::{GovernanceRulesVersion, ResourceUse, UsageRulesVersion};
use ovn_zome_support::index::{governance_rules_in_force, rules_version_in_force};

/// What is wrong with the usage rules `record` (of type `what`) names, or, for a change of a
/// project's governance rules, the version it replaces.
pub fn rules_findings(record: &Record, what: &str) -> ExternResult<Vec<Found>> {
    let entry = record.entry();
    let (resource, named, at) = match what {
        "ResourceUse" => match entry.to_app_option::<ResourceUse>() {
            Ok(Some(u)) => (u.resource, u.rules_version, record.action().timestamp()),
            _ => return Ok(vec![]),
        },
        "GovernanceRulesVersion" => return governance_findings(record),
        "UsageRulesVersion" => match entry.to_app_option::<UsageRulesVersion>() {
            Ok(Some(v)) => {
                let just_before = record.action().timestamp().as_micros() - 1;
                (v.resource, v.replaces, Timestamp::from_micros(just_before))
            }
            _ => return Ok(vec![]),
        },
        _ => return Ok(vec![]),
    };
    let in_force = rules_version_in_force(&resource, at)?.map(|(chosen, _)| chosen.hash);
    if in_force == named {
        return Ok(vec![]);
    }
    Ok(vec![Found::UsageRulesNotInForce {
        resource,
        named,
        in_force,
    }])
}

/// A change of a project's governance rules replacing another version than the one in force
/// just before it.
fn governance_findings(record: &Record) -> ExternResult<Vec<Found>> {
    let Ok(Some(v)) = record.entry().to_app_option::<GovernanceRulesVersion>() else {
        return Ok(vec![]);
    };
    let just_before = Timestamp::from_micros(record.action().timestamp().as_micros() - 1);
    let in_force = governance_rules_in_force(&v.project, just_before)?.map(|(c, _)| c.hash);
    if in_force == v.replaces {
        return Ok(vec![]);
    }
    Ok(vec![Found::GovernanceRulesNotInForce {
        project: v.project,
        named: v.replaces,
        in_force,
    }])
}
