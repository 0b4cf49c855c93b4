//! A packed electorate: a proposal that names only some of its project's settlements leaves out
//! the members whose work the others settled. Validation accepts it (a validator cannot know
//! every settlement); the audit reports it; no honest node carries its decision out.

use super::votes::vote_input;
use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use hostile::AnyEntry;
use ovn_domain::governance::tally::Choice;
use ovn_integrity::{Change, Decision, Proposal};

pub fn rules() -> Vec<Rule<World>> {
    vec![rule!(
        a_decision_on_a_packed_electorate_is_not_carried_out,
        needs: [a_decision_states_the_tally_of_what_it_names_after_the_close]
    )]
}

/// ovn_zome_support::governance::check_stands: carol's work is settled by a second
/// distribution; alice proposes an equation naming only the first settlement, so carol may not
/// vote; alice votes for it, and its decision passes and is valid; the ledger refuses to adopt
/// it, naming the settlement left out.
pub async fn a_decision_on_a_packed_electorate_is_not_carried_out(w: &World) {
    let World { peers, project, .. } = w;
    let carols = log_work_hash(peers, CAROL, project, 60).await;
    peers.sync().await;
    confirm(peers, ALICE, &carols).await;
    peers.sync().await;
    let income = record_income(peers, ALICE, project, 1_000).await;
    distribute(peers, ALICE, &income).await;
    peers.sync().await;
    let now: ledger::equations::CurrentEquation = peers
        .call(ALICE, "ledger", "get_value_equation", project.clone())
        .await;
    let packed = Proposal {
        project_version: None,
        governance_rules: None,
        project: project.clone(),
        title: "Our equation, without carol".into(),
        text: String::new(),
        change: Change::Equation {
            equation: Default::default(),
        },
        closes: in_secs(i64::from(MIN_WINDOW_SECS) + 4),
        settlements: vec![w.settlement.clone()],
        equation: now.adopted,
    };
    let closes = packed.closes;
    let packed = commit_raw(peers, ALICE, AnyEntry::Proposal(packed)).await;
    let yes = vote_input(&packed, Choice::Yes);
    let _: Record = peers.call(ALICE, "governance", "cast_vote", yes).await;
    peers.sync().await;
    await_time_after(closes).await;
    let decided: Record = peers.call(BOB, "governance", "decide", packed).await;
    assert!(
        entry::<Decision>(&decided).tally.passed(),
        "alice's vote passes it"
    );
    peers.sync().await;
    let decision = decided.action_address().clone();
    let reason = "settlement(s) of the project made before it opened, which say who votes";
    refuses(
        peers,
        BOB,
        "ledger",
        "adopt_decided_equation",
        decision,
        reason,
    )
    .await;
}
