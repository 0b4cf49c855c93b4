//! Reading a project's indexes: its months, the contributions of one month, the versions of its
//! value equation and of the project itself, its settlements.

use crate::records::{get_targets, own_entries, with_own_timed, without_warranted};
use hdk::prelude::*;
use ovn_domain::ledger::value_equation::in_force::{in_force, Adopted, InForce};
use ovn_domain::Period;
use ovn_integrity::links::period_bucket;
use ovn_integrity::{LinkTypes, ProjectVersion, Settlement, UnitEntryTypes, ValueEquation};

/// The months in which a project has contributions, in order.
pub fn periods_of_project(project: ActionHash) -> ExternResult<Vec<Period>> {
    let links = get_links(
        LinkQuery::try_new(project, LinkTypes::ProjectToPeriods)?,
        GetStrategy::default(),
    )?;
    let mut periods: Vec<Period> = links
        .into_iter()
        .filter_map(|l| String::from_utf8(l.tag.into_inner()).ok()?.parse().ok())
        .collect();
    periods.sort();
    periods.dedup();
    Ok(periods)
}

/// A project's contributions dated in one month, oldest link first.
pub fn contributions_in_period(project: &ActionHash, period: Period) -> ExternResult<Vec<Record>> {
    let bucket = period_bucket(project, period)?;
    get_targets(get_links(
        LinkQuery::try_new(bucket, LinkTypes::PeriodToContributions)?,
        GetStrategy::default(),
    )?)
}

/// Every version of the project's equation with its adoption time, oldest first: the DHT's
/// index (without what the network warranted) and the caller's own (the DHT may not show them
/// yet).
pub fn equation_versions(
    project: &ActionHash,
) -> ExternResult<Vec<(ActionHash, Timestamp, ValueEquation)>> {
    let from_dht = without_warranted(get_targets(get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToValueEquations)?,
        GetStrategy::default(),
    )?)?)?;
    let mine = own_entries(UnitEntryTypes::ValueEquation.try_into()?)?;
    Ok(with_own_timed(from_dht, mine, |e: &ValueEquation| {
        &e.project == project
    }))
}

/// The version of the project's equation in force at `at`, by the one rule
/// ([`in_force`]: a fork's first-adopted branch, its rivals named), with its entry; `None`
/// while the network default is in force.
pub fn version_in_force(
    project: &ActionHash,
    at: Timestamp,
) -> ExternResult<Option<(InForce<ActionHash>, ValueEquation)>> {
    Ok(in_force_among(&equation_versions(project)?, at))
}

/// Of a project's `versions` (as [`equation_versions`] lists them), the one in force at `at`.
pub fn in_force_among(
    versions: &[(ActionHash, Timestamp, ValueEquation)],
    at: Timestamp,
) -> Option<(InForce<ActionHash>, ValueEquation)> {
    chosen_at(versions, |e| e.version, at)
}

/// Every ProjectVersion of the project with its time, oldest first, as [`equation_versions`]
/// lists an equation's.
pub fn project_versions(
    project: &ActionHash,
) -> ExternResult<Vec<(ActionHash, Timestamp, ProjectVersion)>> {
    let from_dht = without_warranted(get_targets(get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToVersions)?,
        GetStrategy::default(),
    )?)?)?;
    let mine = own_entries(UnitEntryTypes::ProjectVersion.try_into()?)?;
    Ok(with_own_timed(from_dht, mine, |v: &ProjectVersion| {
        &v.project == project
    }))
}

/// The project's version in force at `at`, by the equation's rule ([`in_force`]); `None`
/// while the project as created is.
pub fn project_version_in_force(
    project: &ActionHash,
    at: Timestamp,
) -> ExternResult<Option<(InForce<ActionHash>, ProjectVersion)>> {
    Ok(chosen_at(&project_versions(project)?, |v| v.version, at))
}

/// Of numbered `versions`, the one in force at `at` ([`in_force`]), with its entry.
fn chosen_at<E: Clone>(
    versions: &[(ActionHash, Timestamp, E)],
    number: impl Fn(&E) -> u32,
    at: Timestamp,
) -> Option<(InForce<ActionHash>, E)> {
    let listed: Vec<Adopted<ActionHash>> = versions
        .iter()
        .map(|(hash, adopted, e)| Adopted {
            hash: hash.clone(),
            version: number(e),
            adopted_micros: adopted.as_micros(),
        })
        .collect();
    let chosen = in_force(&listed, at.as_micros())?;
    versions
        .iter()
        .find(|(hash, _, _)| *hash == chosen.hash)
        .map(|(_, _, e)| (chosen, e.clone()))
}

/// The project's settlements made before `at`, oldest first, without what the network
/// warranted, with the caller's own (the DHT may not show a settlement just made yet): what a
/// proposal opened at `at` names (the governance zome), and what the audit and whoever carries
/// a decision out hold a proposal to.
pub fn settlements_before(project: &ActionHash, at: Timestamp) -> ExternResult<Vec<ActionHash>> {
    let from_dht = without_warranted(get_targets(get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToSettlements)?,
        GetStrategy::default(),
    )?)?)?;
    let mine = own_entries(UnitEntryTypes::Settlement.try_into()?)?;
    Ok(
        with_own_timed(from_dht, mine, |s: &Settlement| &s.project == project)
            .into_iter()
            .filter(|(_, made, _)| *made < at)
            .map(|(hash, _, _)| hash)
            .collect(),
    )
}
