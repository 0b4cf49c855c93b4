//! A project's reputations over time, for the Governance view's chart: at the start of each
//! month since its first settlement, and now, exactly the weights a proposal opened then would
//! carry (its settlements made before, its equation and governance rules in force then:
//! `ovn_domain::governance::electorate::counted_reputation`), overall and per skill.

use crate::GovernanceError;
use hdk::prelude::*;
use ovn_domain::governance::electorate::counted_reputation;
use ovn_domain::governance::reputation::history_points;
use ovn_integrity::constitution::network_constitution;
use ovn_integrity::governance::electorate::{counted_items, CountedItem};
use ovn_integrity::ledger::value_equation::network_default_equation;
use ovn_integrity::{Project, Settlement};
use ovn_zome_support::index::{
    chained_among, equation_versions, governance_rules_versions, in_force_among, settlements_before,
};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::must_read;

/// The most moments a chart shows: two years of month starts, and now.
pub const MAX_POINTS: usize = 25;

/// Members' reputations at one moment (those with none are not listed).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReputationAt {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub at: Timestamp,
    #[cfg_attr(feature = "ts", ts(as = "Vec<(ovn_domain::ts::AgentPubKey, u64)>"))]
    pub overall: Vec<(AgentPubKey, u64)>,
    /// Member, skill, reputation in it (work contributions only).
    #[cfg_attr(
        feature = "ts",
        ts(as = "Vec<(ovn_domain::ts::AgentPubKey, String, u64)>")
    )]
    pub by_skill: Vec<(AgentPubKey, String, u64)>,
}

/// `project`'s reputations from its first settlement to now, oldest first; empty before any.
#[hdk_extern]
pub fn get_reputation_history(project: Input) -> ExternResult<Vec<ReputationAt>> {
    let project: ActionHash = project.decode()?;
    must_read::<Project>(&project)?;
    let now = sys_time()?;
    let mut settled: Vec<(Timestamp, Vec<CountedItem>)> = Vec::new();
    for hash in settlements_before(&project, now)? {
        let (record, settlement) = must_read::<Settlement>(&hash)?;
        let items = counted_items(settlement).collect();
        settled.push((record.action().timestamp(), items));
    }
    let Some(first) = settled.iter().map(|(made, _)| *made).min() else {
        return Ok(vec![]);
    };
    let versions = equation_versions(&project)?;
    let default = network_default_equation()?.map_err(GovernanceError::Refused)?;
    let network_half_life = network_constitution()?.governance.half_life_micros();
    let rules = governance_rules_versions(&project)?;
    let points = history_points(first.as_micros(), now.as_micros(), MAX_POINTS);
    let mut history = Vec::with_capacity(points.len());
    for micros in points {
        let at = Timestamp::from_micros(micros);
        // What a proposal opened at `at` names: settlements made before it.
        let counted: Vec<CountedItem> = settled
            .iter()
            .filter(|(made, _)| *made < at)
            .flat_map(|(_, items)| items.iter().cloned())
            .collect();
        let equation =
            in_force_among(&versions, at).map_or_else(|| default.clone(), |(_, e)| e.equation);
        // And the half-life of the project's governance rules then in force.
        let half_life = chained_among(rules.clone(), |v| v.replaces.as_ref(), at)
            .map_or(network_half_life, |(_, v)| v.rules.half_life_micros());
        let reputation = counted_reputation(&counted, &equation, micros, half_life)
            .map_err(GovernanceError::from)?;
        history.push(ReputationAt {
            at,
            overall: reputation.overall.into_iter().collect(),
            by_skill: reputation
                .by_skill
                .into_iter()
                .map(|((member, skill), value)| (member, skill, value))
                .collect(),
        });
    }
    Ok(history)
}
