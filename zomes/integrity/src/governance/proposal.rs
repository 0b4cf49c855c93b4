//! [`Proposal`]: a change put to a project's vote, open from its creation until `closes`. Its
//! electorate and their weights are fixed when it opens ([`super::electorate`]). Immutable.

use super::electorate::electorate_of;
use super::rules_version::{check_change_of as governance_change_of, rules_of};
use crate::ledger::value_equation::Equation;
use crate::licenses::license_exception::{check_terms, exception_project};
use crate::licenses::license_request::Category;
use crate::members::project_version::check_change_of;
use crate::resources::usage_rules_version::check_change_of as rules_change_of;
use crate::verdict::{invalid, must_get, valid, Fetch, Verdict};
use hdi::prelude::*;
use ovn_domain::governance::rules::{ChangeKind, GovernanceRules};
use ovn_domain::members::project::check_change;
use ovn_domain::text::{check_optional_text, check_text, MAX_NAME, MAX_PROSE};
use ovn_domain::{DomainError, UsageRules};

/// The most settlements a proposal names (a page holds up to 2,000 contributions).
pub const MAX_SETTLEMENTS: usize = 500;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Proposal {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    pub title: String,
    pub text: String,
    pub change: Change,
    /// When voting ends; the governance rules it names bound how soon and how late.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub closes: Timestamp,
    /// The project's settlements made before it opened: whose counted contributions make the
    /// electorate (where contributors vote) and their reputations (where votes are weighed).
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub settlements: Vec<ActionHash>,
    /// The project's equation in force when it opened, which values those contributions for
    /// reputation; `None` for the network's default.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub equation: Option<ActionHash>,
    /// The project's version in force when it opened: its stewards (the electorate where
    /// stewards decide), and what a project change replaces; `None`: the project as created.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project_version: Option<ActionHash>,
    /// The project's governance rules in force when it opened, which decide it (method,
    /// electorate, weighting, window, half-life); `None`: the network's.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub governance_rules: Option<ActionHash>,
}

/// What a proposal changes when it passes.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Change {
    /// Recorded, with no effect.
    Motion,
    /// Adopt this value equation.
    Equation {
        #[cfg_attr(
            feature = "ts",
            ts(
                as = "ovn_domain::ValueEquation<ovn_domain::ts::AgentPubKey, ovn_domain::ts::ActionHash>"
            )
        )]
        equation: Equation,
    },
    /// Decide this license exception for one request of a resource of the project (what a
    /// LicenseException carrying it out states, besides the decision).
    Exception {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        request: ActionHash,
        category: Category,
        fee: u64,
        reason: String,
    },
    /// Change the project: its purpose, parent and stewards become these (what a
    /// ProjectVersion carrying it out states, besides the decision).
    Project {
        purpose: String,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        parent: Option<ActionHash>,
        #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::AgentPubKey>"))]
        stewards: Vec<AgentPubKey>,
    },
    /// Change the usage rules of one of the project's resources to these, replacing the
    /// version in force when proposed (`None`: the rules it was registered with); what a
    /// UsageRulesVersion carrying it out states, besides the decision.
    UsageRules {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        resource: ActionHash,
        rules: UsageRules,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        replaces: Option<ActionHash>,
    },
    /// Change the project's own governance rules to these (within the network's), replacing
    /// the version in force when proposed (`None`: the network's); what a
    /// GovernanceRulesVersion carrying it out states, besides the decision.
    Rules {
        rules: GovernanceRules,
        #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
        replaces: Option<ActionHash>,
    },
}

impl Change {
    pub fn kind(&self) -> ChangeKind {
        match self {
            Change::Motion => ChangeKind::Motion,
            Change::Equation { .. } => ChangeKind::Equation,
            Change::Exception { .. } => ChangeKind::Exception,
            Change::Project { .. } => ChangeKind::Project,
            Change::UsageRules { .. } => ChangeKind::UsageRules,
            Change::Rules { .. } => ChangeKind::Rules,
        }
    }

    /// A change that can be made, as far as it shows: an equation that is valid, an
    /// exception's terms well formed, a project change's purpose and stewards, usage rules.
    pub fn check(&self) -> Result<(), DomainError> {
        match self {
            Change::Motion => Ok(()),
            Change::Equation { equation } => equation.check(),
            Change::Exception {
                category,
                fee,
                reason,
                ..
            } => check_terms(category, *fee, reason),
            Change::Project {
                purpose, stewards, ..
            } => check_change(purpose, stewards),
            Change::UsageRules { rules, .. } => rules.check(),
            Change::Rules { rules, .. } => rules.check(),
        }
    }
}

impl Proposal {
    /// The state its change was proposed against, which the change carried out must replace
    /// (`ovn_domain::governance::binding`): an equation, the version in force when it opened;
    /// a project change, the project's version in force; a usage-rule change, the resource's
    /// rules version it names; an exception adds to what was decided, replacing nothing.
    pub fn against(&self) -> Option<&ActionHash> {
        match &self.change {
            Change::Equation { .. } => self.equation.as_ref(),
            Change::Project { .. } => self.project_version.as_ref(),
            Change::UsageRules { replaces, .. } => replaces.as_ref(),
            Change::Rules { replaces, .. } => replaces.as_ref(),
            Change::Motion | Change::Exception { .. } => None,
        }
    }
}

/// What the change names is of the proposal's project: an exception's request asks for one of
/// its resources; a new parent is another Project of its level or higher; a usage-rule
/// change is of one of its resources (rule 1; the coordinator asks before committing), read
/// with `fetch`.
pub fn check_in_project(proposal: &Proposal, fetch: Fetch) -> Verdict<()> {
    match &proposal.change {
        Change::Project { .. } => {
            return check_change_of(&proposal.project, &proposal.change, fetch)
        }
        Change::UsageRules { .. } => {
            return rules_change_of(&proposal.project, &proposal.change, fetch)
        }
        Change::Rules { replaces, .. } => {
            if replaces != &proposal.governance_rules {
                return Ok(Err(format!(
                    "a change of governance rules replaces those it is decided by ({}), not {}",
                    named_rules(proposal.governance_rules.as_ref()),
                    named_rules(replaces.as_ref())
                )));
            }
            return governance_change_of(&proposal.project, &proposal.change, fetch);
        }
        _ => {}
    }
    let Change::Exception { request, .. } = &proposal.change else {
        return Ok(Ok(()));
    };
    let project = match exception_project(request, fetch)? {
        Ok(project) => project,
        Err(why) => return Ok(Err(why)),
    };
    if project != proposal.project {
        return Ok(Err(format!(
            "request {request} is for a resource of project {project}, not of {}: its own \
             project decides its exceptions",
            proposal.project
        )));
    }
    Ok(Ok(()))
}

/// A project's governance rules version as an error names it; `None`: the network's.
fn named_rules(version: Option<&ActionHash>) -> String {
    version.map_or_else(|| "the network's".into(), |v| v.to_string())
}

/// Rules:
/// 1. The title is non-empty and bounded, the text bounded, and the change can be made (an
///    equation is valid; an exception's terms are, and its request is a LicenseRequest for a
///    resource of this project; a project change's are, its parent another Project of its
///    level or higher; usage rules are well formed, for a resource of this project, replacing
///    one of its versions if any; governance rules are within the network's, replacing those
///    the proposal names, which decide it).
/// 2. It stays open as long as the governance rules it names ask (the network's by default:
///    `min_window_secs` to `max_window_days` after its creation).
/// 3. The project is a Project; each named settlement is one of its Settlements made before
///    the proposal, named once (at most 500); the named equation is one of its ValueEquations
///    made before it; the named project version is one of its ProjectVersions; the named
///    governance rules are one of its GovernanceRulesVersions made before it.
/// 4. The author is in its electorate, which is not empty.
pub fn validate_create_proposal(
    header: &ActionHeader,
    proposal: &Proposal,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_text("title", &proposal.title, MAX_NAME));
    check!(check_optional_text("text", &proposal.text, MAX_PROSE));
    check!(proposal.change.check());
    check!(check_in_project(proposal, &must_get)?);
    let rules = check!(rules_of(proposal, header.timestamp, &must_get)?);
    check!(rules.check_window(header.timestamp.as_micros(), proposal.closes.as_micros()));
    let electorate = check!(electorate_of(proposal, header.timestamp, &must_get)?);
    if !electorate.contains_key(&header.author) {
        return invalid(format!(
            "{} is not in this proposal's electorate: only those who decide propose",
            header.author
        ));
    }
    valid()
}

/// Rules:
/// 1. Proposals are never updated: propose again.
pub fn validate_update_proposal() -> ExternResult<ValidateCallbackResult> {
    invalid("proposals cannot be updated: make a new one")
}
