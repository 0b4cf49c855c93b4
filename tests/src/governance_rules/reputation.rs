//! The reputation chart reads what validation weighs: each moment it shows is exactly the
//! weights a proposal opened then would carry, from the project's settlements made before it.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use governance::reputation::ReputationAt;
use holochain::prelude::*;
use ledger::equations::CurrentEquation;
use ovn_domain::governance::electorate::counted_reputation;
use ovn_domain::governance::rules::GovernanceRules;
use ovn_integrity::governance::electorate::counted_items;
use ovn_integrity::Settlement;

pub fn rules() -> Vec<Rule<World>> {
    vec![rule!(
        the_reputation_chart_shows_the_weights_a_proposal_opened_then_would_carry
    )]
}

/// get_reputation_history against the domain's count of the world's one settlement (alice's
/// and bob's hours): carol, who did no work, has none.
pub async fn the_reputation_chart_shows_the_weights_a_proposal_opened_then_would_carry(w: &World) {
    let World { peers, project, .. } = w;
    let history: Vec<ReputationAt> = peers
        .call(
            CAROL,
            "governance",
            "get_reputation_history",
            project.clone(),
        )
        .await;
    let last = history.last().expect("a moment for the settlement: now");
    // alice's distribution made it: her own chain holds it.
    let made = peers
        .call::<_, Option<Record>>(ALICE, "hostile", "get_record_local", w.settlement.clone())
        .await;
    let settlement: Settlement = entry(&made.expect("the world's settlement"));
    let now: CurrentEquation = peers
        .call(CAROL, "ledger", "get_value_equation", project.clone())
        .await;
    let half_life = GovernanceRules {
        min_window_secs: MIN_WINDOW_SECS,
        ..Default::default()
    }
    .half_life_micros();
    let counted: Vec<_> = counted_items(settlement).collect();
    let expected =
        counted_reputation(&counted, &now.equation, last.at.as_micros(), half_life).unwrap();
    let overall: Vec<(AgentPubKey, u64)> = expected.overall.into_iter().collect();
    assert_eq!(last.overall, overall);
    let members: Vec<&AgentPubKey> = last.overall.iter().map(|(m, _)| m).collect();
    assert_eq!(members.len(), 2, "alice and bob: {:?}", last.overall);
    assert!(!members.contains(&&peers.agent(CAROL)));
    assert!(
        last.overall.iter().all(|(_, r)| *r > 0),
        "{:?}",
        last.overall
    );
    assert_eq!(last.by_skill.len(), 2, "{:?}", last.by_skill);
    // A project with no settlement has no history.
    let none: Vec<ReputationAt> = peers
        .call(
            CAROL,
            "governance",
            "get_reputation_history",
            w.elsewhere.clone(),
        )
        .await;
    assert!(none.is_empty(), "{none:?}");
}
