//! Adopting a project's value equation, and reading the one in force.

use crate::LedgerError;
use hdk::prelude::*;
use ovn_integrity::ledger::value_equation::{network_default_equation, Equation};
use ovn_integrity::{EntryTypes, LinkTypes, UnitEntryTypes, ValueEquation};
use ovn_zome_support::membership::must_be_steward;
use ovn_zome_support::records::{committed, get_targets, own_entries, with_own};

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
pub fn set_value_equation(input: SetValueEquationInput) -> ExternResult<Record> {
    input.equation.check().map_err(LedgerError::from)?;
    must_be_steward(&input.project, "adopt its value equation")?.map_err(LedgerError::from)?;
    let latest = latest_adopted(&input.project)?;
    let adopted = ValueEquation {
        project: input.project.clone(),
        version: latest.as_ref().map_or(1, |(_, e)| e.version + 1),
        replaces: latest.map(|(hash, _)| hash),
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

/// The equation in force for a project: its latest adopted version, else the network default.
#[hdk_extern]
pub fn get_value_equation(project: ActionHash) -> ExternResult<CurrentEquation> {
    current_equation(&project)
}

pub fn current_equation(project: &ActionHash) -> ExternResult<CurrentEquation> {
    if let Some((hash, adopted)) = latest_adopted(project)? {
        return Ok(CurrentEquation {
            adopted: Some(hash),
            version: adopted.version,
            equation: adopted.equation,
        });
    }
    let equation = network_default_equation()?.map_err(LedgerError::BadNetworkEquation)?;
    Ok(CurrentEquation {
        adopted: None,
        version: 0,
        equation,
    })
}

/// The highest version adopted (of equal versions, the later).
fn latest_adopted(project: &ActionHash) -> ExternResult<Option<(ActionHash, ValueEquation)>> {
    let from_dht = get_targets(get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToValueEquations)?,
        GetStrategy::default(),
    )?)?;
    let mine = own_entries(UnitEntryTypes::ValueEquation.try_into()?)?;
    // `with_own` orders by time; the highest version wins, the later of equal versions.
    Ok(
        with_own(from_dht, mine, |e: &ValueEquation| &e.project == project)
            .into_iter()
            .enumerate()
            .max_by_key(|(at, (_, e))| (e.version, *at))
            .map(|(_, adopted)| adopted),
    )
}
