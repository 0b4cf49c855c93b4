//! [`GovernanceRulesVersion`]: a project's own governance rules (how long its proposals stay
//! open, how fast reputation fades, and by which method, electorate and weighting each kind of
//! change is decided), within its network's (`GovernanceRules::check_within`), in force from
//! its creation. Carried out on a passed decision it names (`Change::Rules`), decided under the
//! rules in force; or, where the network lets them (`decisions_bind: false`), by the project's
//! stewards. Versions chain as a project's do: the network's rules are version 1, each change
//! names the version it replaces and is numbered one more, and the version in force at a time
//! is `ovn_domain::members::versions::chained_in_force` over the project's index. A proposal
//! names the version in force when it opened ([`rules_of`]); the audit reports one naming
//! another.

use crate::constitution::network_constitution;
use crate::governance::binding::decided_or_stewarded;
use crate::governance::proposal::{Change, Proposal};
use crate::members::project::Project;
use crate::verdict::{fetched_app_entry, invalid, must_get, valid, Fetch, Referenced, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::binding::Made;
use ovn_domain::governance::rules::GovernanceRules;
use ovn_domain::members::versions::check_number;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GovernanceRulesVersion {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    /// 2 for a project's first rules of its own, then one more than the version it replaces.
    pub version: u32,
    /// The GovernanceRulesVersion it replaces; `None`: the network's rules.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub replaces: Option<ActionHash>,
    pub rules: GovernanceRules,
    /// The passed Decision making exactly this change; `None` only where the network lets
    /// stewards act alone.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
    /// Where stewards act alone, the project's version whose stewards they act under.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project_version: Option<ActionHash>,
}

impl GovernanceRulesVersion {
    /// The change it makes, as a proposal states it.
    pub fn as_change(&self) -> Change {
        Change::Rules {
            rules: self.rules.clone(),
            replaces: self.replaces.clone(),
        }
    }
}

/// Rules:
/// 1. The project is a Project; the rules are within the network's (well formed, windows no
///    shorter or longer, quorums no lower, the network's `decisions_bind`); a replaced version
///    is one of the project's.
/// 2. It is made on a passed decision's authority (`ovn_domain::governance::binding`): the
///    named Decision passed, on a proposal of this project to make exactly this change (the
///    same rules, replacing the same version); it is dated no earlier than the decision.
///    Without one, only where the network's decisions do not bind, and then the author
///    stewards the project's version it names.
/// 3. A first change is version 2; a later one is numbered one more than the one it replaces.
pub fn validate_create_governance_rules_version(
    header: &ActionHeader,
    changed: &GovernanceRulesVersion,
) -> ExternResult<ValidateCallbackResult> {
    let change = changed.as_change();
    check!(fetched_app_entry::<Project>(
        &changed.project,
        must_get(&changed.project)?,
        UnitEntryTypes::Project
    )?);
    check!(check_change_of(&changed.project, &change, &must_get)?);
    let made = Made {
        project: &changed.project,
        change: &change,
        replaces: changed.replaces.as_ref(),
        at: header.timestamp.as_micros(),
    };
    check!(decided_or_stewarded(
        "governance-rules change",
        &made,
        changed.decision.as_ref(),
        changed.project_version.as_ref(),
        &header.author,
        "change its governance rules"
    )?);
    let replaced = match &changed.replaces {
        None => None,
        Some(previous) => Some(
            check!(version_of(&changed.project, previous, &must_get)?)
                .entry
                .version,
        ),
    };
    check!(check_number(
        "governance-rules change",
        replaced,
        changed.version
    ));
    valid()
}

/// The GovernanceRulesVersion at `version`, read with `fetch`: an error unless it is one of
/// `project`'s.
pub fn version_of(
    project: &ActionHash,
    version: &ActionHash,
    fetch: Fetch,
) -> Verdict<Referenced<GovernanceRulesVersion>> {
    let found = check_verdict!(fetched_app_entry::<GovernanceRulesVersion>(
        version,
        fetch(version)?,
        UnitEntryTypes::GovernanceRulesVersion
    )?);
    if &found.entry.project != project {
        return Ok(Err(format!(
            "{version} is the governance rules of project {}, not of {project}",
            found.entry.project
        )));
    }
    Ok(Ok(found))
}

/// The rules `proposal` (opened at `opened`) is decided by: those of the project's
/// GovernanceRulesVersion it names, made before it opened, or, for `None`, the network's.
/// Proposal, vote and decision validators, the coordinators and the audit all call it.
pub fn rules_of(proposal: &Proposal, opened: Timestamp, fetch: Fetch) -> Verdict<GovernanceRules> {
    let Some(hash) = &proposal.governance_rules else {
        return Ok(Ok(network_constitution()?.governance));
    };
    let found = check_verdict!(version_of(&proposal.project, hash, fetch)?);
    if found.record.action().timestamp() >= opened {
        return Ok(Err(format!(
            "governance rules {hash} were made after the proposal opened"
        )));
    }
    Ok(Ok(found.entry.rules))
}

/// What a `Change::Rules` states is fit for `project` (rule 1 of the change and of a
/// proposal): rules within the network's, replacing one of the project's versions if any.
pub fn check_change_of(project: &ActionHash, change: &Change, fetch: Fetch) -> Verdict<()> {
    let Change::Rules { rules, replaces } = change else {
        return Ok(Ok(()));
    };
    if let Err(e) = rules.check_within(&network_constitution()?.governance) {
        return Ok(Err(e.to_string()));
    }
    if let Some(replaces) = replaces {
        check_verdict!(version_of(project, replaces, fetch)?);
    }
    Ok(Ok(()))
}

/// Rules:
/// 1. Governance-rules versions are never updated: change the rules again.
pub fn validate_update_governance_rules_version() -> ExternResult<ValidateCallbackResult> {
    invalid("governance-rules versions cannot be updated: change the rules again")
}
