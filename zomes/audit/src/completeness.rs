//! What validation cannot see: a distribution is checked *given its inputs*; whether it named
//! every contribution that counted is a question for the project's public index. A counted
//! contribution dated up to the cutoff, counted when the distribution was made, and listed in
//! none of the settlements it names was left out.

use hdk::prelude::*;
use ovn_domain::endorsement::ContributionState;
use ovn_domain::Period;
use ovn_integrity::{Contribution, Distribution, Settlement};
use ovn_zome_support::index::{contributions_in_period, periods_of_project};
use ovn_zome_support::records::get_entry;
use ovn_zome_support::status::status_report_as_of;
use std::collections::BTreeSet;

/// A counted contribution a distribution did not include.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct LeftOut {
    pub distribution: ActionHash,
    pub contribution: ActionHash,
    pub contributor: AgentPubKey,
    pub when: Timestamp,
}

/// The counted contributions of the distribution's project that it left out. `made_at` is when
/// it was made: a contribution confirmed later was rightly absent.
pub fn left_out(
    hash: &ActionHash,
    d: &Distribution,
    made_at: Timestamp,
) -> ExternResult<Vec<LeftOut>> {
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
                missing.push(LeftOut {
                    distribution: hash.clone(),
                    contribution,
                    contributor: c.contributor,
                    when: c.when,
                });
            }
        }
    }
    Ok(missing)
}
