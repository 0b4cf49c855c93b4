//! Adopting a project's value equation, and reading the one in force.

use crate::LedgerError;
use hdk::prelude::*;
use ovn_integrity::ledger::value_equation::{network_default_equation, Equation};
use ovn_integrity::{EntryTypes, LinkTypes, Project, ValueEquation};
use ovn_zome_support::index::version_in_force;
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::must_be_steward;
use ovn_zome_support::records::{committed, must_read};

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
    /// Other versions with the same number: the equation's history forked (two stewards
    /// adopted a replacement of the same version); the first adopted is in force.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub rivals: Vec<ActionHash>,
    #[cfg_attr(
        feature = "ts",
        ts(
            as = "ovn_domain::ValueEquation<ovn_domain::ts::AgentPubKey, ovn_domain::ts::ActionHash>"
        )
    )]
    pub equation: Equation,
}

/// Adopts a new version of a project's value equation. Only the project's stewards may.
#[hdk_extern]
pub fn set_value_equation(input: Input) -> ExternResult<Record> {
    let input: SetValueEquationInput = input.decode()?;
    input.equation.check().map_err(LedgerError::from)?;
    must_be_steward(&input.project, "adopt its value equation")?.map_err(LedgerError::from)?;
    let now = equation_in_force(&input.project, sys_time()?)?;
    let adopted = ValueEquation {
        project: input.project.clone(),
        version: now.version + 1,
        replaces: now.adopted,
        equation: input.equation,
    };
    let hash = create_entry(EntryTypes::ValueEquation(adopted))?;
    create_link(
        input.project,
        hash.clone(),
        LinkTypes::ProjectToValueEquations,
        (),
    )?;
    committed(hash)
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
            equation: adopted.equation,
        });
    }
    let equation = network_default_equation()?.map_err(LedgerError::BadNetworkEquation)?;
    Ok(CurrentEquation {
        adopted: None,
        version: 0,
        rivals: vec![],
        equation,
    })
}
