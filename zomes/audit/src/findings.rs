//! What the audit found that validation cannot see, about one record each: [`Found`] lists
//! every kind, [`findings_about`] asks the module that checks each entry type
//! (`crate::completeness` for distributions, `crate::decisions` for proposals, decisions and
//! what was carried out on one: equations, license exceptions and grants under them;
//! `crate::stewards` for every act only stewards make).

use crate::completeness::distribution_findings;
use crate::decisions::{
    carried_out_findings, decision_findings, exception_decision_findings, proposal_findings,
};
use crate::rules::rules_findings;
use crate::stewards::steward_findings;
use hdk::prelude::*;
use ovn_domain::accounting::endorsement::ContributionState;

/// What the audit found about one record's inputs: a distribution's, a decision's (see
/// [`crate::decisions`]) or an equation's.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub record: ActionHash,
    pub found: Found,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Found {
    /// A counted contribution it should have listed.
    CountedLeftOut {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        contribution: ActionHash,
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
        contributor: AgentPubKey,
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
        when: Timestamp,
    },
    /// An earlier distribution of the project it should have named.
    EarlierLeftOut {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        distribution: ActionHash,
    },
    /// A contribution it paid that did not count when it was made, and why.
    PaidNotCounted {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        contribution: ActionHash,
        state: ContributionState,
    },
    /// It used `used` (`None`: the network default) where `in_force` was in force at its cutoff.
    SupersededEquation {
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        used: Option<ActionHash>,
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        in_force: ActionHash,
        version: u32,
    },
    /// A proposal: a settlement of its project made before it opened that it does not name
    /// (its contributors may be missing from the electorate).
    SettlementLeftOut {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        settlement: ActionHash,
    },
    /// A proposal: it names `named` as its equation (`None`: the default) where `in_force` was.
    EquationNotInForce {
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        named: Option<ActionHash>,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        in_force: Option<ActionHash>,
    },
    /// A decision (or an equation adopted on it): a vote that counts which it does not name.
    VoteLeftOut {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        vote: ActionHash,
    },
    /// A decision (or an equation adopted on it): a delegation that counts which it does not
    /// name.
    DelegationLeftOut {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        delegation: ActionHash,
    },
    /// An equation, a license exception, a project, usage-rule or governance-rule change or a
    /// grant under an exception carried out on `decision`, where `standing` is the proposal's decision that stands (`None`: none
    /// on it is indexed).
    DecisionNotStanding {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        decision: ActionHash,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        standing: Option<ActionHash>,
    },
    /// A proposal names `named` as the project's version (`None`: as created), or a project
    /// change replaces it, where `in_force` was (whose stewards decide, what a change replaces).
    ProjectVersionNotInForce {
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        named: Option<ActionHash>,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        in_force: Option<ActionHash>,
    },
    /// An act only `project`'s stewards make, by an author who is not one of the stewards of
    /// its version in force at the time (`in_force`; `None`: as created) (`crate::stewards`).
    NotStewardInForce {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        project: ActionHash,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        in_force: Option<ActionHash>,
    },
    /// A use of `resource` charged under usage rules `named` (`None`: as registered), or a
    /// change of them replacing `named`, where `in_force` was (`crate::rules`).
    UsageRulesNotInForce {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        resource: ActionHash,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        named: Option<ActionHash>,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        in_force: Option<ActionHash>,
    },
    /// A proposal decided by `project`'s governance rules `named` (`None`: the network's), or a
    /// change of them replacing `named`, where `in_force` were (`crate::rules`).
    GovernanceRulesNotInForce {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        project: ActionHash,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        named: Option<ActionHash>,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        in_force: Option<ActionHash>,
    },
    /// A decision or equation whose proposal's count could not be read now, and why.
    CountUnreadable {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        proposal: ActionHash,
        why: String,
    },
}

/// What validation could not see about a valid `record` of type `what`: a distribution's
/// completeness; what a proposal or a decision left out; an equation, an exception, a project,
/// usage-rule or governance-rule change or a grant under an exception carried out on a decision
/// that does not stand or on such a proposal or decision (`crate::decisions`); a steward's act under stewards replaced by
/// then (`crate::stewards`); usage or governance rules named where others were in force
/// (`crate::rules`, `crate::decisions`).
pub fn findings_about(record: &Record, what: &str) -> ExternResult<Vec<Finding>> {
    let hash = record.action_address();
    let entry = record.entry();
    let found = match what {
        "Distribution" => match entry.to_app_option::<ovn_integrity::Distribution>() {
            Ok(Some(d)) => distribution_findings(hash, &d, record.action().timestamp())?,
            _ => vec![],
        },
        "Proposal" => match entry.to_app_option::<ovn_integrity::Proposal>() {
            Ok(Some(p)) => proposal_findings(&p, record.action().timestamp())?,
            _ => vec![],
        },
        "Decision" => match entry.to_app_option::<ovn_integrity::Decision>() {
            Ok(Some(d)) => decision_findings(&d)?,
            _ => vec![],
        },
        "ValueEquation" => match entry.to_app_option::<ovn_integrity::ValueEquation>() {
            Ok(Some(e)) => carried_out_findings(e.decision.as_ref())?,
            _ => vec![],
        },
        "LicenseException" => match entry.to_app_option::<ovn_integrity::LicenseException>() {
            Ok(Some(e)) => carried_out_findings(e.decision.as_ref())?,
            _ => vec![],
        },
        "ProjectVersion" => match entry.to_app_option::<ovn_integrity::ProjectVersion>() {
            Ok(Some(v)) => carried_out_findings(v.decision.as_ref())?,
            _ => vec![],
        },
        "UsageRulesVersion" => match entry.to_app_option::<ovn_integrity::UsageRulesVersion>() {
            Ok(Some(v)) => carried_out_findings(v.decision.as_ref())?,
            _ => vec![],
        },
        "GovernanceRulesVersion" => {
            match entry.to_app_option::<ovn_integrity::GovernanceRulesVersion>() {
                Ok(Some(v)) => carried_out_findings(v.decision.as_ref())?,
                _ => vec![],
            }
        }
        // A grant under an exception carries out the exception's decision too: reported against
        // the grantor, who may have granted on a decision that no longer stands.
        "LicenseGrant" => match entry.to_app_option::<ovn_integrity::LicenseGrant>() {
            Ok(Some(grant)) => match &grant.exception {
                Some(exception) => exception_decision_findings(exception)?,
                None => vec![],
            },
            _ => vec![],
        },
        _ => vec![],
    };
    let found = found
        .into_iter()
        .chain(steward_findings(record, what)?)
        .chain(rules_findings(record, what)?);
    Ok(found
        .map(|found| Finding {
            record: hash.clone(),
            found,
        })
        .collect())
}
