//! Logging contributions and listing them, by project month and by agent.

use crate::ContributionError;
use hdk::prelude::*;
use ovn_domain::accounting::contribution::{check_description_and_evidence, cite_payee};
use ovn_domain::bounds::check_date;
use ovn_domain::{ContributionKind, Period};
use ovn_integrity::links::period_bucket;
use ovn_integrity::{Contribution, EntryTypes, LinkTypes, Project, Resource};
use ovn_zome_support::index::{contributions_in_period, periods_of_project};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::{committed, get_targets, listed, must_read};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LogContributionInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    #[cfg_attr(
        feature = "ts",
        ts(as = "ContributionKind<ovn_domain::ts::ActionHash>")
    )]
    pub kind: ContributionKind<ActionHash>,
    pub description: String,
    pub evidence: Vec<String>,
    /// When it happened; now if not given.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::Timestamp>"))]
    pub when: Option<Timestamp>,
    /// The caller's earlier contribution this one corrects.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub corrects: Option<ActionHash>,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GetContributionsForProjectInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    /// The month, `YYYY-MM`.
    pub period: String,
}

/// Logs a contribution by the caller, and indexes it under its project's month, under the
/// caller, and under the contribution it corrects.
#[hdk_extern]
pub fn log_contribution(input: Input) -> ExternResult<Record> {
    let input: LogContributionInput = input.decode()?;
    let now = sys_time()?;
    let when = input.when.unwrap_or(now);
    input
        .kind
        .check_quantities()
        .map_err(ContributionError::from)?;
    check_description_and_evidence(&input.description, &input.evidence)
        .map_err(ContributionError::from)?;
    check_date(when.as_micros(), now.as_micros()).map_err(ContributionError::from)?;
    check_references(&input)?;
    let me = agent_info()?.agent_initial_pubkey;
    let contribution = Contribution {
        contributor: me.clone(),
        project: input.project,
        kind: input.kind,
        description: input.description,
        evidence: input.evidence,
        when,
        corrects: input.corrects,
    };
    let hash = create_entry(EntryTypes::Contribution(contribution.clone()))?;
    index(&contribution, &hash, me)?;
    committed(hash)
}

/// The project exists and is one; a named resource exists and is a Resource; a correction corrects the caller's
/// own contribution to the same project.
fn check_references(input: &LogContributionInput) -> ExternResult<()> {
    must_read::<Project>(&input.project)?;
    if let Some(resource) = input.kind.resource() {
        let (record, cited) = must_read::<Resource>(resource)?;
        if let ContributionKind::Cite { .. } = input.kind {
            let maker = record.action().author();
            cite_payee(&input.project, resource, cited.project.as_ref(), maker)
                .map_err(ContributionError::from)?;
        }
    }
    if let Some(corrected) = &input.corrects {
        let me = agent_info()?.agent_initial_pubkey;
        let (_, c) = must_read::<Contribution>(corrected)?;
        if c.contributor != me || c.project != input.project {
            return Err(ContributionError::BadCorrection(corrected.clone()).into());
        }
    }
    Ok(())
}

fn index(contribution: &Contribution, hash: &ActionHash, me: AgentPubKey) -> ExternResult<()> {
    let period = contribution.period();
    let bucket = period_bucket(&contribution.project, period)?;
    create_link(
        bucket.clone(),
        hash.clone(),
        LinkTypes::PeriodToContributions,
        (),
    )?;
    let tag = LinkTag::new(period.to_string());
    let known = get_links(
        LinkQuery::try_new(contribution.project.clone(), LinkTypes::ProjectToPeriods)?
            .tag_prefix(tag.clone()),
        GetStrategy::Local,
    )?;
    if known.is_empty() {
        create_link(
            contribution.project.clone(),
            bucket,
            LinkTypes::ProjectToPeriods,
            tag,
        )?;
    }
    create_link(me, hash.clone(), LinkTypes::AgentToContributions, ())?;
    if let Some(corrected) = &contribution.corrects {
        create_link(
            corrected.clone(),
            hash.clone(),
            LinkTypes::ContributionToCorrections,
            (),
        )?;
    }
    Ok(())
}

/// A project's contributions dated in one month, oldest first.
#[hdk_extern]
pub fn get_contributions_for_project(input: Input) -> ExternResult<Vec<Record>> {
    let input: GetContributionsForProjectInput = input.decode()?;
    let period: Period = input.period.parse().map_err(ContributionError::from)?;
    listed::<Project, _>(
        &input.project,
        contributions_in_period(&input.project, period)?,
    )
}

/// The months (`YYYY-MM`) in which a project has contributions, in order.
#[hdk_extern]
pub fn get_periods_for_project(project: Input) -> ExternResult<Vec<String>> {
    let project: ActionHash = project.decode()?;
    let periods = listed::<Project, _>(&project, periods_of_project(project.clone())?)?;
    Ok(periods.into_iter().map(|p| p.to_string()).collect())
}

/// An agent's contributions, oldest first.
#[hdk_extern]
pub fn get_contributions_for_agent(agent: Input) -> ExternResult<Vec<Record>> {
    let agent: AgentPubKey = agent.decode()?;
    get_targets(get_links(
        LinkQuery::try_new(agent, LinkTypes::AgentToContributions)?,
        GetStrategy::default(),
    )?)
}
