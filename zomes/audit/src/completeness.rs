//! What validation cannot see: a distribution is checked *given its inputs*; whether those were
//! the right inputs is a question for the project's public index. For each distribution the
//! audit reports:
//! - a contribution dated up to the cutoff, counted when the distribution was made, listed in
//!   none of the settlements it names ([`Found::CountedLeftOut`]);
//! - an earlier distribution of the project (made before it) it does not name, whose Debt and
//!   Once claims it would then pay again ([`Found::EarlierLeftOut`]);
//! - a contribution it paid that did not count when it was made: disputed by someone whose
//!   latest word was a dispute, superseded by a correction that existed by then, or short of K
//!   standing confirmations ([`Found::PaidNotCounted`], by the status rule
//!   `ovn_domain::contribution_status` as of the distribution's time);
//! - an equation other than the one in force at its cutoff: a superseded version, a fork's
//!   later branch, or the network default while the project had its own
//!   ([`Found::SupersededEquation`], by `ovn_domain::ledger::value_equation::in_force`).

use crate::findings::Found;
use hdk::prelude::*;
use ovn_domain::accounting::endorsement::ContributionState;
use ovn_domain::Period;
use ovn_integrity::{Contribution, Distribution, LinkTypes, Settlement};
use ovn_zome_support::index::{contributions_in_period, periods_of_project, version_in_force};
use ovn_zome_support::records::{get_entry, get_targets};
use ovn_zome_support::status::status_report_as_of;
use std::collections::BTreeSet;

/// Everything the audit finds about the distribution at `hash` (see the module documentation).
pub fn distribution_findings(
    hash: &ActionHash,
    d: &Distribution,
    made_at: Timestamp,
) -> ExternResult<Vec<Found>> {
    let settled = settled_in(d)?;
    let mut found = contributions_left_out(d, &settled, made_at)?;
    found.extend(earlier_left_out(hash, d, made_at)?);
    found.extend(paid_not_counted(&settled, made_at)?);
    found.extend(superseded_equation(d)?);
    Ok(found)
}

/// The contributions the distribution's settlements list, in listing order.
fn settled_in(d: &Distribution) -> ExternResult<Vec<ActionHash>> {
    let mut listed = Vec::new();
    for s in &d.settlements {
        if let Some(Ok((_, settlement))) = get_entry::<Settlement>(s)? {
            listed.extend(settlement.items.into_iter().map(|i| i.contribution));
        }
    }
    Ok(listed)
}

/// The listed contributions that did not count when the distribution was made.
fn paid_not_counted(settled: &[ActionHash], made_at: Timestamp) -> ExternResult<Vec<Found>> {
    let mut found = Vec::new();
    for contribution in settled {
        let Some(Ok((_, c))) = get_entry::<Contribution>(contribution)? else {
            continue;
        };
        let then = status_report_as_of(contribution.clone(), &c, Some(made_at))?;
        if then.status.state != ContributionState::Counted {
            found.push(Found::PaidNotCounted {
                contribution: contribution.clone(),
                state: then.status.state,
            });
        }
    }
    Ok(found)
}

/// The equation in force at the cutoff, when the distribution used another.
fn superseded_equation(d: &Distribution) -> ExternResult<Option<Found>> {
    let in_force = version_in_force(&d.project, d.cutoff)?;
    Ok(match in_force {
        Some((chosen, _)) if d.equation.as_ref() != Some(&chosen.hash) => {
            Some(Found::SupersededEquation {
                used: d.equation.clone(),
                in_force: chosen.hash,
                version: chosen.version,
            })
        }
        _ => None,
    })
}

/// The project's distributions made before this one that it does not name.
fn earlier_left_out(
    hash: &ActionHash,
    d: &Distribution,
    made_at: Timestamp,
) -> ExternResult<Vec<Found>> {
    let named: BTreeSet<&ActionHash> = d.earlier.iter().collect();
    let links = get_links(
        LinkQuery::try_new(d.project.clone(), LinkTypes::ProjectToDistributions)?,
        GetStrategy::default(),
    )?;
    Ok(get_targets(links)?
        .into_iter()
        .filter(|r| r.action_address() != hash && r.action().timestamp() < made_at)
        .filter(|r| !named.contains(r.action_address()))
        .filter(|r| {
            matches!(r.entry().to_app_option::<Distribution>(), Ok(Some(e)) if e.project == d.project)
        })
        .map(|r| Found::EarlierLeftOut {
            distribution: r.action_address().clone(),
        })
        .collect())
}

/// The counted contributions of the distribution's project that it left out. `made_at` is when
/// it was made: a contribution confirmed later was rightly absent.
fn contributions_left_out(
    d: &Distribution,
    settled: &[ActionHash],
    made_at: Timestamp,
) -> ExternResult<Vec<Found>> {
    let listed: BTreeSet<&ActionHash> = settled.iter().collect();
    let last = Period::of_micros(d.cutoff.as_micros());
    let mut missing = Vec::new();
    for period in periods_of_project(d.project.clone())?
        .into_iter()
        .filter(|p| *p <= last)
    {
        for record in contributions_in_period(&d.project, period)? {
            let contribution = record.action_address().clone();
            let Ok(Some(c)) = record.entry().to_app_option::<Contribution>() else {
                continue;
            };
            if c.when > d.cutoff || record.action().timestamp() > made_at {
                continue;
            }
            if listed.contains(&contribution) {
                continue;
            }
            let then = status_report_as_of(contribution.clone(), &c, Some(made_at))?;
            if then.status.state == ContributionState::Counted {
                missing.push(Found::CountedLeftOut {
                    contribution,
                    contributor: c.contributor,
                    when: c.when,
                });
            }
        }
    }
    Ok(missing)
}
