//! Reading a project's indexes: its months, the contributions of one month, the versions of its
//! value equation, of the project itself, of its governance rules and of a resource's usage
//! rules, its settlements.

use crate::records::{get_targets, own_entries, with_own_timed, without_warranted};
use hdk::prelude::*;
use ovn_domain::ledger::value_equation::in_force::{in_force, Adopted, InForce};
use ovn_domain::members::versions::{chained_in_force, Version};
use ovn_domain::Period;
use ovn_integrity::links::period_bucket;
use ovn_integrity::{
    GovernanceRulesVersion, LinkTypes, ProjectVersion, Settlement, UnitEntryTypes,
    UsageRulesVersion, ValueEquation,
};

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

/// Every version of the project's equation with its adoption time, oldest first ([`indexed`]).
pub fn equation_versions(
    project: &ActionHash,
) -> ExternResult<Vec<(ActionHash, Timestamp, ValueEquation)>> {
    indexed(
        project,
        LinkTypes::ProjectToValueEquations,
        UnitEntryTypes::ValueEquation,
        |e: &ValueEquation| &e.project,
    )
}

/// The entries of type `unit` that name `project` (`names`), as its `link` index lists them
/// (without what the network warranted) and with the caller's own (the DHT may not show them
/// yet), each with when it was made, oldest first.
fn indexed<T>(
    project: &ActionHash,
    link: LinkTypes,
    unit: UnitEntryTypes,
    names: impl Fn(&T) -> &ActionHash,
) -> ExternResult<Vec<(ActionHash, Timestamp, T)>>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    let from_dht = without_warranted(get_targets(get_links(
        LinkQuery::try_new(project.clone(), link)?,
        GetStrategy::default(),
    )?)?)?;
    let mine = own_entries(unit.try_into()?)?;
    Ok(with_own_timed(from_dht, mine, |e: &T| names(e) == project))
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
    let listed: Vec<Adopted<ActionHash>> = versions
        .iter()
        .map(|(hash, adopted, e)| Adopted {
            hash: hash.clone(),
            version: e.version,
            adopted_micros: adopted.as_micros(),
        })
        .collect();
    let chosen = in_force(&listed, at.as_micros())?;
    versions
        .iter()
        .find(|(hash, _, _)| *hash == chosen.hash)
        .map(|(_, _, e)| (chosen, e.clone()))
}

/// Every ProjectVersion of the project with its time, oldest first ([`indexed`]).
pub fn project_versions(
    project: &ActionHash,
) -> ExternResult<Vec<(ActionHash, Timestamp, ProjectVersion)>> {
    indexed(
        project,
        LinkTypes::ProjectToVersions,
        UnitEntryTypes::ProjectVersion,
        |v: &ProjectVersion| &v.project,
    )
}

/// The project's version in force at `at`, by the one rule ([`chained_in_force`]: a side
/// branch never counts, a fork's first-made branch does, its rivals named); `None` while the
/// project as created is.
pub fn project_version_in_force(
    project: &ActionHash,
    at: Timestamp,
) -> ExternResult<Option<(InForce<ActionHash>, ProjectVersion)>> {
    Ok(chained_among(
        project_versions(project)?,
        |v| v.replaces.as_ref(),
        at,
    ))
}

/// Every UsageRulesVersion of the resource with its time, oldest first ([`indexed`]).
pub fn rules_versions(
    resource: &ActionHash,
) -> ExternResult<Vec<(ActionHash, Timestamp, UsageRulesVersion)>> {
    indexed(
        resource,
        LinkTypes::ResourceToRulesVersions,
        UnitEntryTypes::UsageRulesVersion,
        |v: &UsageRulesVersion| &v.resource,
    )
}

/// The resource's usage-rules version in force at `at`, by the rule project versions follow
/// ([`chained_in_force`]); `None` while the rules it was registered with are.
pub fn rules_version_in_force(
    resource: &ActionHash,
    at: Timestamp,
) -> ExternResult<Option<(InForce<ActionHash>, UsageRulesVersion)>> {
    Ok(chained_among(
        rules_versions(resource)?,
        |v| v.replaces.as_ref(),
        at,
    ))
}

/// Every GovernanceRulesVersion of the project with its time, oldest first ([`indexed`]).
pub fn governance_rules_versions(
    project: &ActionHash,
) -> ExternResult<Vec<(ActionHash, Timestamp, GovernanceRulesVersion)>> {
    indexed(
        project,
        LinkTypes::ProjectToGovernanceRules,
        UnitEntryTypes::GovernanceRulesVersion,
        |v: &GovernanceRulesVersion| &v.project,
    )
}

/// The project's governance rules in force at `at`, by the rule project versions follow
/// ([`chained_in_force`]); `None` while the network's are.
pub fn governance_rules_in_force(
    project: &ActionHash,
    at: Timestamp,
) -> ExternResult<Option<(InForce<ActionHash>, GovernanceRulesVersion)>> {
    Ok(chained_among(
        governance_rules_versions(project)?,
        |v| v.replaces.as_ref(),
        at,
    ))
}

/// Of chained `versions` (each naming the one it `replaces`), the one in force at `at`
/// ([`chained_in_force`]), with its entry.
pub fn chained_among<T>(
    versions: Vec<(ActionHash, Timestamp, T)>,
    replaces: impl Fn(&T) -> Option<&ActionHash>,
    at: Timestamp,
) -> Option<(InForce<ActionHash>, T)> {
    let listed: Vec<Version<ActionHash>> = versions
        .iter()
        .map(|(hash, made, v)| Version {
            hash: hash.clone(),
            replaces: replaces(v).cloned(),
            made_micros: made.as_micros(),
        })
        .collect();
    let chosen = chained_in_force(&listed, at.as_micros())?;
    versions
        .into_iter()
        .find(|(hash, _, _)| *hash == chosen.hash)
        .map(|(_, _, v)| (chosen, v))
}

/// The project's settlements made before `at`, oldest first, without what the network
/// warranted, with the caller's own (the DHT may not show a settlement just made yet): what a
/// proposal opened at `at` names (the governance zome), and what the audit and whoever carries
/// a decision out hold a proposal to.
pub fn settlements_before(project: &ActionHash, at: Timestamp) -> ExternResult<Vec<ActionHash>> {
    let settlements = indexed(
        project,
        LinkTypes::ProjectToSettlements,
        UnitEntryTypes::Settlement,
        |s: &Settlement| &s.project,
    )?;
    Ok(settlements
        .into_iter()
        .filter(|(_, made, _)| *made < at)
        .map(|(hash, _, _)| hash)
        .collect())
}
