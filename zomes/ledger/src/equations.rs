//! Adopting a project's value equation (carrying out the decision that passed it, or, where the
//! network lets them, as its stewards), and reading the one in force.

use crate::LedgerError;
use hdk::prelude::*;
use ovn_domain::governance::binding::{authority, Made};
use ovn_integrity::governance::binding::authority_of;
use ovn_integrity::ledger::value_equation::{network_default_equation, Equation};
use ovn_integrity::{Change, EntryTypes, LinkTypes, Project, ValueEquation};
use ovn_zome_support::governance::check_stands;
use ovn_zome_support::index::{equation_versions, version_in_force};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::must_be_steward;
use ovn_zome_support::records::{committed, must_read, must_read_decision};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SetValueEquationInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    #[cfg_attr(
        feature = "ts",
        ts(
            as = "ovn_domain::ValueEquation<ovn_domain::ts::AgentPubKey, ovn_domain::ts::ActionHash>"
        )
    )]
    pub equation: Equation,
}

/// The equation a project's income is shared under now.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CurrentEquation {
    /// The adopted ValueEquation; `None` when the project uses the network's default.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub adopted: Option<ActionHash>,
    /// The adopted version; 0 for the network's default.
    pub version: u32,
    /// Other versions with the same number: the equation's history forked (two adoptions
    /// replaced the same version); the first adopted is in force.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub rivals: Vec<ActionHash>,
    /// The decision that adopted it; `None` when its stewards did, or for the default.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
    #[cfg_attr(
        feature = "ts",
        ts(
            as = "ovn_domain::ValueEquation<ovn_domain::ts::AgentPubKey, ovn_domain::ts::ActionHash>"
        )
    )]
    pub equation: Equation,
}

/// Adopts a new version of a project's value equation as one of its stewards: only where the
/// network's decisions do not bind (elsewhere, propose it and [`adopt_decided_equation`]).
#[hdk_extern]
pub fn set_value_equation(input: Input) -> ExternResult<Record> {
    let input: SetValueEquationInput = input.decode()?;
    input.equation.check().map_err(LedgerError::from)?;
    let change = Change::Equation {
        equation: input.equation.clone(),
    };
    let at = sys_time()?;
    let now = equation_in_force(&input.project, at)?;
    let made = Made {
        project: &input.project,
        change: &change,
        replaces: now.adopted.as_ref(),
        at: at.as_micros(),
    };
    authority_of("value equation", &made, None)?.map_err(LedgerError::Refused)?;
    let steward = must_be_steward(&input.project, "adopt its value equation")?;
    let under = steward.map_err(LedgerError::from)?.version;
    adopt(input.project, now, input.equation, None, under)
}

/// Carries out `decision`, which passed a proposal to adopt a value equation: the equation
/// becomes the project's next version. Any member may; the decision is the authority, when it
/// is the one that stands and names all this node counts (validators cannot see either).
#[hdk_extern]
pub fn adopt_decided_equation(decision: Input) -> ExternResult<Record> {
    let hash: ActionHash = decision.decode()?;
    let named = must_read_decision(&hash)?;
    let proposal = &named.proposal;
    let Change::Equation { equation } = &proposal.change else {
        return Err(LedgerError::NotAnEquation(hash).into());
    };
    if let Some(version) = adopted_by(&proposal.project, &hash)? {
        return Err(LedgerError::AlreadyAdopted {
            decision: hash,
            version,
        }
        .into());
    }
    let at = sys_time()?;
    let now = equation_in_force(&proposal.project, at)?;
    let made = Made {
        project: &proposal.project,
        change: &proposal.change,
        replaces: now.adopted.as_ref(),
        at: at.as_micros(),
    };
    check_stands(&named)?.map_err(LedgerError::NotStanding)?;
    authority("value equation", true, &made, Some(&named.decided())).map_err(LedgerError::from)?;
    adopt(
        proposal.project.clone(),
        now,
        equation.clone(),
        Some(hash),
        None,
    )
}

/// Commits `equation` as the version after `now`, on `decision`'s authority or none.
fn adopt(
    project: ActionHash,
    now: CurrentEquation,
    equation: Equation,
    decision: Option<ActionHash>,
    project_version: Option<ActionHash>,
) -> ExternResult<Record> {
    let adopted = ValueEquation {
        project: project.clone(),
        version: now.version + 1,
        replaces: now.adopted,
        equation,
        decision,
        project_version,
    };
    let hash = create_entry(EntryTypes::ValueEquation(adopted))?;
    create_link(
        project,
        hash.clone(),
        LinkTypes::ProjectToValueEquations,
        (),
    )?;
    committed(hash)
}

/// The version of the project's equation `decision` adopted, if it has been carried out (the
/// version may since have been replaced); an error for a hash that is no Decision.
#[hdk_extern]
pub fn get_version_adopted_by(decision: Input) -> ExternResult<Option<u32>> {
    let hash: ActionHash = decision.decode()?;
    let named = must_read_decision(&hash)?;
    adopted_by(&named.proposal.project, &hash)
}

/// The version of `project`'s equation `decision` adopted, if any has been.
fn adopted_by(project: &ActionHash, decision: &ActionHash) -> ExternResult<Option<u32>> {
    let versions = equation_versions(project)?;
    Ok(versions
        .into_iter()
        .find(|(_, _, adopted)| adopted.decision.as_ref() == Some(decision))
        .map(|(_, _, adopted)| adopted.version))
}

/// The equation in force for a project now (see [`equation_in_force`]); an error for a hash that
/// is no project, never the network default.
#[hdk_extern]
pub fn get_value_equation(project: Input) -> ExternResult<CurrentEquation> {
    let project: ActionHash = project.decode()?;
    must_read::<Project>(&project)?;
    equation_in_force(&project, sys_time()?)
}

/// The equation in force for `project` at `at`: of its versions adopted by then, the one
/// `ovn_domain::ledger::value_equation::in_force::in_force` names (a fork's first-adopted
/// branch, its rivals named), else the network default.
pub fn equation_in_force(project: &ActionHash, at: Timestamp) -> ExternResult<CurrentEquation> {
    if let Some((chosen, adopted)) = version_in_force(project, at)? {
        return Ok(CurrentEquation {
            adopted: Some(chosen.hash),
            version: chosen.version,
            rivals: chosen.rivals,
            decision: adopted.decision,
            equation: adopted.equation,
        });
    }
    let equation = network_default_equation()?.map_err(LedgerError::BadNetworkEquation)?;
    Ok(CurrentEquation {
        adopted: None,
        version: 0,
        rivals: vec![],
        decision: None,
        equation,
    })
}
