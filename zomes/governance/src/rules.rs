//! A project's own governance rules: read as the version in force (the network's until it
//! adopts its own), carried out on a passed decision by any member, or changed by the
//! project's stewards where the network's decisions do not bind; each change a
//! GovernanceRulesVersion.

use crate::GovernanceError;
use hdk::prelude::*;
use ovn_domain::governance::binding::{authority, Made};
use ovn_domain::governance::rules::GovernanceRules;
use ovn_integrity::constitution::network_constitution;
use ovn_integrity::governance::binding::authority_of;
use ovn_integrity::governance::rules_version::check_change_of;
use ovn_integrity::{Change, EntryTypes, GovernanceRulesVersion, LinkTypes, Project};
use ovn_zome_support::governance::check_stands;
use ovn_zome_support::index::{governance_rules_in_force, governance_rules_versions};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::must_be_steward;
use ovn_zome_support::records::{committed, fetch, must_read, must_read_decision};

/// A project's governance rules as its version in force has them.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GovernanceInForce {
    /// The GovernanceRulesVersion in force; `None` while the network's rules are.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub version: Option<ActionHash>,
    /// 1 for the network's rules, then one more per change.
    pub number: u32,
    /// Other versions with its number (the first made is in force).
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub rivals: Vec<ActionHash>,
    /// The decision that made it; `None` for the network's rules or a stewards' change.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
    pub rules: GovernanceRules,
    /// The network's rules, which a project's stay within.
    pub network: GovernanceRules,
}

/// The governance rules of `project` in force at `at`.
pub fn governance_in_force(project: &ActionHash, at: Timestamp) -> ExternResult<GovernanceInForce> {
    let network = network_constitution()?.governance;
    Ok(match governance_rules_in_force(project, at)? {
        None => GovernanceInForce {
            version: None,
            number: 1,
            rivals: vec![],
            decision: None,
            rules: network.clone(),
            network,
        },
        Some((chosen, v)) => GovernanceInForce {
            version: Some(chosen.hash),
            number: chosen.version,
            rivals: chosen.rivals,
            decision: v.decision,
            rules: v.rules,
            network,
        },
    })
}

/// A project's governance rules in force now; an error for a hash that is no Project.
#[hdk_extern]
pub fn get_governance_rules_in_force(project: Input) -> ExternResult<GovernanceInForce> {
    let project: ActionHash = project.decode()?;
    must_read::<Project>(&project)?;
    governance_in_force(&project, sys_time()?)
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChangeGovernanceRulesInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    pub rules: GovernanceRules,
}

/// Changes a project's governance rules as one of its stewards: only where the network's
/// decisions do not bind (elsewhere, propose it and [`change_decided_governance_rules`]).
#[hdk_extern]
pub fn change_governance_rules(input: Input) -> ExternResult<Record> {
    let input: ChangeGovernanceRulesInput = input.decode()?;
    input.rules.check().map_err(GovernanceError::from)?;
    must_read::<Project>(&input.project)?;
    let steward = must_be_steward(&input.project, "change its governance rules")?
        .map_err(GovernanceError::from)?;
    let at = sys_time()?;
    let now = governance_in_force(&input.project, at)?;
    let change = Change::Rules {
        rules: input.rules,
        replaces: now.version.clone(),
    };
    check_change_of(&input.project, &change, &fetch)?.map_err(GovernanceError::Refused)?;
    let made = Made {
        project: &input.project,
        change: &change,
        replaces: now.version.as_ref(),
        at: at.as_micros(),
    };
    authority_of("governance-rules change", &made, None)?.map_err(GovernanceError::Refused)?;
    make(&input.project, change, now.number, None, steward.version)
}

/// Carries out `decision`, which passed a proposal to change its project's governance rules.
/// Any member may; the decision is the authority, when it is the one that stands and names all
/// this node counts (validators cannot see either), and the rules have not changed since it
/// was proposed.
#[hdk_extern]
pub fn change_decided_governance_rules(decision: Input) -> ExternResult<Record> {
    let hash: ActionHash = decision.decode()?;
    let named = must_read_decision(&hash)?;
    let proposal = &named.proposal;
    if !matches!(proposal.change, Change::Rules { .. }) {
        return Err(GovernanceError::NotARulesChange(hash).into());
    }
    if let Some((_, _, done)) = governance_rules_versions(&proposal.project)?
        .into_iter()
        .find(|(_, _, v)| v.decision.as_ref() == Some(&hash))
    {
        return Err(GovernanceError::AlreadyChanged {
            decision: hash,
            version: done.version,
        }
        .into());
    }
    let at = sys_time()?;
    let now = governance_in_force(&proposal.project, at)?;
    let made = Made {
        project: &proposal.project,
        change: &proposal.change,
        replaces: now.version.as_ref(),
        at: at.as_micros(),
    };
    check_stands(&named)?.map_err(GovernanceError::NotStanding)?;
    authority(
        "governance-rules change",
        true,
        &made,
        Some(&named.decided()),
    )
    .map_err(|e| GovernanceError::Refused(e.to_string()))?;
    make(
        &proposal.project,
        proposal.change.clone(),
        now.number,
        Some(hash),
        None,
    )
}

/// Commits `change` (a governance-rules change) as the version after the one in force
/// (numbered `number`), on `decision`'s authority or, naming `project_version`, its stewards'.
fn make(
    project: &ActionHash,
    change: Change,
    number: u32,
    decision: Option<ActionHash>,
    project_version: Option<ActionHash>,
) -> ExternResult<Record> {
    let Change::Rules { rules, replaces } = change else {
        return Err(GovernanceError::Refused("not a governance-rules change".into()).into());
    };
    let changed = GovernanceRulesVersion {
        project: project.clone(),
        version: number + 1,
        replaces,
        rules,
        decision,
        project_version,
    };
    let hash = create_entry(EntryTypes::GovernanceRulesVersion(changed))?;
    create_link(
        project.clone(),
        hash.clone(),
        LinkTypes::ProjectToGovernanceRules,
        (),
    )?;
    committed(hash)
}
