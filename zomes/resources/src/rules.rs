//! Changes of a project resource's usage rules: carried out on a passed decision by any
//! member, or made by the project's stewards where the network's decisions do not bind; each a
//! UsageRulesVersion, read back as the version in force by the rule project versions follow.

use crate::resources::must_find_resource;
use crate::ResourcesError;
use hdk::prelude::*;
use ovn_domain::governance::binding::{authority, Made};
use ovn_domain::UsageRules;
use ovn_integrity::governance::binding::authority_of;
use ovn_integrity::resources::usage_rules_version::project_of_resource;
use ovn_integrity::{Change, EntryTypes, LinkTypes, Resource, UsageRulesVersion};
use ovn_zome_support::governance::check_stands;
use ovn_zome_support::index::{rules_version_in_force, rules_versions};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::must_be_steward;
use ovn_zome_support::records::{committed, fetch, must_read_decision};

/// A resource's usage rules as its version in force has them.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RulesInForce {
    /// The UsageRulesVersion in force; `None` while the rules it was registered with are.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub version: Option<ActionHash>,
    /// 1 for the rules it was registered with, then one more per change.
    pub number: u32,
    /// Other versions with its number (the first made is in force).
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub rivals: Vec<ActionHash>,
    /// The decision that made it; `None` for the rules as registered or a stewards' change.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
    pub rules: UsageRules,
}

/// The usage rules of `resource` in force at `at`.
pub fn rules_in_force(
    hash: &ActionHash,
    resource: &Resource,
    at: Timestamp,
) -> ExternResult<RulesInForce> {
    Ok(match rules_version_in_force(hash, at)? {
        None => RulesInForce {
            version: None,
            number: 1,
            rivals: vec![],
            decision: None,
            rules: resource.rules.clone(),
        },
        Some((chosen, v)) => RulesInForce {
            version: Some(chosen.hash),
            number: chosen.version,
            rivals: chosen.rivals,
            decision: v.decision,
            rules: v.rules,
        },
    })
}

/// A resource's usage rules in force now; an error for a hash that is no Resource.
#[hdk_extern]
pub fn get_usage_rules_in_force(resource: Input) -> ExternResult<RulesInForce> {
    let hash: ActionHash = resource.decode()?;
    let (_, resource) = must_find_resource(&hash)?;
    rules_in_force(&hash, &resource, sys_time()?)
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChangeUsageRulesInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    pub rules: UsageRules,
}

/// Changes a project resource's usage rules as one of the project's stewards: only where the
/// network's decisions do not bind (elsewhere, propose it and [`change_decided_usage_rules`]).
#[hdk_extern]
pub fn change_usage_rules(input: Input) -> ExternResult<Record> {
    let input: ChangeUsageRulesInput = input.decode()?;
    input.rules.check().map_err(ResourcesError::from)?;
    let (_, resource) = must_find_resource(&input.resource)?;
    let project = project_of_resource(&input.resource, &fetch)?.map_err(ResourcesError::Refused)?;
    let steward = must_be_steward(&project, "change its resources' usage rules")?
        .map_err(ResourcesError::from)?;
    let at = sys_time()?;
    let now = rules_in_force(&input.resource, &resource, at)?;
    let change = Change::UsageRules {
        resource: input.resource.clone(),
        rules: input.rules,
        replaces: now.version.clone(),
    };
    let made = Made {
        project: &project,
        change: &change,
        replaces: now.version.as_ref(),
        at: at.as_micros(),
    };
    authority_of("usage-rule change", &made, None)?.map_err(ResourcesError::Refused)?;
    make(change, now.number, None, steward.version)
}

/// Carries out `decision`, which passed a proposal to change a resource's usage rules. Any
/// member may; the decision is the authority, when it is the one that stands and names all
/// this node counts (validators cannot see either), and the rules have not changed since it
/// was proposed.
#[hdk_extern]
pub fn change_decided_usage_rules(decision: Input) -> ExternResult<Record> {
    let hash: ActionHash = decision.decode()?;
    let named = must_read_decision(&hash)?;
    let proposal = &named.proposal;
    let Change::UsageRules { resource, .. } = &proposal.change else {
        return Err(ResourcesError::NotARulesChange(hash).into());
    };
    if let Some((_, _, done)) = rules_versions(resource)?
        .into_iter()
        .find(|(_, _, v)| v.decision.as_ref() == Some(&hash))
    {
        return Err(ResourcesError::AlreadyChanged {
            decision: hash,
            version: done.version,
        }
        .into());
    }
    let (_, found) = must_find_resource(resource)?;
    let at = sys_time()?;
    let now = rules_in_force(resource, &found, at)?;
    let made = Made {
        project: &proposal.project,
        change: &proposal.change,
        replaces: now.version.as_ref(),
        at: at.as_micros(),
    };
    check_stands(&named)?.map_err(ResourcesError::NotStanding)?;
    authority("usage-rule change", true, &made, Some(&named.decided()))
        .map_err(|e| ResourcesError::Refused(e.to_string()))?;
    make(proposal.change.clone(), now.number, Some(hash), None)
}

/// Commits `change` (a usage-rule change) as the version after the one in force (numbered
/// `number`), on `decision`'s authority or, naming `project_version`, its stewards'.
fn make(
    change: Change,
    number: u32,
    decision: Option<ActionHash>,
    project_version: Option<ActionHash>,
) -> ExternResult<Record> {
    let Change::UsageRules {
        resource,
        rules,
        replaces,
    } = change
    else {
        return Err(ResourcesError::Refused("not a usage-rule change".into()).into());
    };
    let changed = UsageRulesVersion {
        resource: resource.clone(),
        version: number + 1,
        replaces,
        rules,
        decision,
        project_version,
    };
    let hash = create_entry(EntryTypes::UsageRulesVersion(changed))?;
    create_link(
        resource,
        hash.clone(),
        LinkTypes::ResourceToRulesVersions,
        (),
    )?;
    committed(hash)
}
