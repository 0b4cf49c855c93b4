//! What validation cannot see: a distribution is checked *given its inputs*; whether it named
//! every input it should have is a question for the project's public index. Left out are: a
//! contribution dated up to the cutoff, counted when the distribution was made, and listed in
//! none of the settlements it names; and an earlier distribution of the project (made before
//! it) that it does not name, whose Debt and Once claims it would then pay again.

use hdk::prelude::*;
use ovn_domain::accounting::endorsement::ContributionState;
use ovn_domain::Period;
use ovn_integrity::{Contribution, Distribution, LinkTypes, Settlement};
use ovn_zome_support::index::{contributions_in_period, periods_of_project};
use ovn_zome_support::records::{get_entry, get_targets};
use ovn_zome_support::status::status_report_as_of;
use std::collections::BTreeSet;

/// An input a distribution should have named and did not.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LeftOut {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub distribution: ActionHash,
    pub missing: Missing,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Missing {
    /// A counted contribution.
    Contribution {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        contribution: ActionHash,
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
        contributor: AgentPubKey,
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
        when: Timestamp,
    },
    /// An earlier distribution of the project.
    EarlierDistribution {
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        distribution: ActionHash,
    },
}

/// Everything the distribution at `hash` left out (see the module documentation).
pub fn left_out(
    hash: &ActionHash,
    d: &Distribution,
    made_at: Timestamp,
) -> ExternResult<Vec<LeftOut>> {
    let mut missing = contributions_left_out(d, made_at)?;
    missing.extend(earlier_left_out(hash, d, made_at)?);
    Ok(missing
        .into_iter()
        .map(|missing| LeftOut {
            distribution: hash.clone(),
            missing,
        })
        .collect())
}

/// The project's distributions made before this one that it does not name.
fn earlier_left_out(
    hash: &ActionHash,
    d: &Distribution,
    made_at: Timestamp,
) -> ExternResult<Vec<Missing>> {
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
        .map(|r| Missing::EarlierDistribution {
            distribution: r.action_address().clone(),
        })
        .collect())
}

/// The counted contributions of the distribution's project that it left out. `made_at` is when
/// it was made: a contribution confirmed later was rightly absent.
fn contributions_left_out(d: &Distribution, made_at: Timestamp) -> ExternResult<Vec<Missing>> {
    let mut listed = BTreeSet::new();
    for s in &d.settlements {
        if let Some(Ok((_, settlement))) = get_entry::<Settlement>(s)? {
            listed.extend(settlement.items.into_iter().map(|i| i.contribution));
        }
    }
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
                missing.push(Missing::Contribution {
                    contribution,
                    contributor: c.contributor,
                    when: c.when,
                });
            }
        }
    }
    Ok(missing)
}
