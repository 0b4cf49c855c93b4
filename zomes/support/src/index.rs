//! Reading the contribution indexes: a project's months, and the contributions of one month.

use crate::records::get_targets;
use hdk::prelude::*;
use ovn_domain::Period;
use ovn_integrity::links::period_bucket;
use ovn_integrity::LinkTypes;

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
