//! Proposals: titled, with a change that can be made; open as long as the constitution asks;
//! drawn from the project's own settlements and equation; made by one of its electorate; never
//! updated.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use hostile::AnyEntry;
use ovn_integrity::{Change, Proposal};

pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(a_proposal_has_a_title_and_a_change_that_can_be_made),
        rule!(a_proposal_stays_open_as_long_as_the_constitution_asks),
        rule!(a_proposal_names_its_projects_own_earlier_settlements_and_equation),
        rule!(only_a_member_of_the_electorate_proposes),
        rule!(a_proposal_is_never_updated),
    ]
}

/// alice's motion again, opened now and closing in a minute: valid.
fn again(w: &World) -> Proposal {
    Proposal {
        project_version: None,
        closes: in_secs(60),
        ..w.proposal()
    }
}

/// validate_create_proposal, rule 1.
pub async fn a_proposal_has_a_title_and_a_change_that_can_be_made(w: &World) {
    let World { peers, project, .. } = w;
    commit_raw(peers, ALICE, AnyEntry::Proposal(again(w))).await;
    let untitled = Proposal {
        title: " ".into(),
        ..again(w)
    };
    rejects_raw(peers, ALICE, AnyEntry::Proposal(untitled), "title").await;
    let mut equation = ovn_integrity::ledger::value_equation::Equation::default();
    equation.buckets[0].share_bp = 20_000;
    let bad = Change::Equation { equation };
    let reason = equation_refusal(&bad);
    let unmakeable = Proposal {
        change: bad.clone(),
        ..again(w)
    };
    rejects_raw(peers, ALICE, AnyEntry::Proposal(unmakeable), &reason).await;
    let input = proposal_input(project, bad, 60);
    refuses(peers, ALICE, "governance", "open_proposal", input, &reason).await;
    let mut untitled = motion(project, 60);
    untitled.title = String::new();
    refuses(
        peers,
        ALICE,
        "governance",
        "open_proposal",
        untitled,
        "title",
    )
    .await;
}

/// What the domain says of an equation change that cannot be made.
fn equation_refusal(change: &Change) -> String {
    change
        .check()
        .expect_err("a bucket of twice the income is refused")
        .to_string()
}

/// validate_create_proposal, rule 2.
pub async fn a_proposal_stays_open_as_long_as_the_constitution_asks(w: &World) {
    let World { peers, project, .. } = w;
    let hasty = Proposal {
        closes: in_secs(1),
        ..w.proposal()
    };
    let reason = "it must stay open from 2 s to 60 days";
    rejects_raw(peers, ALICE, AnyEntry::Proposal(hasty), reason).await;
    let endless = Proposal {
        closes: in_secs(61 * 86_400),
        ..w.proposal()
    };
    rejects_raw(peers, ALICE, AnyEntry::Proposal(endless), reason).await;
    let hasty = motion(project, 1);
    refuses(peers, ALICE, "governance", "open_proposal", hasty, reason).await;
}

/// validate_create_proposal, rule 3.
pub async fn a_proposal_names_its_projects_own_earlier_settlements_and_equation(w: &World) {
    let World { peers, .. } = w;
    let twice = Proposal {
        settlements: vec![w.settlement.clone(), w.settlement.clone()],
        ..again(w)
    };
    let reason = "is named twice";
    rejects_raw(peers, ALICE, AnyEntry::Proposal(twice), reason).await;
    let too_many = Proposal {
        settlements: vec![w.settlement.clone(); 501],
        ..again(w)
    };
    let reason = "a proposal names at most 500 settlements, not 501";
    rejects_raw(peers, ALICE, AnyEntry::Proposal(too_many), reason).await;
    let not_one = Proposal {
        settlements: vec![w.project.clone()],
        ..again(w)
    };
    rejects_raw(
        peers,
        ALICE,
        AnyEntry::Proposal(not_one),
        "is not a Settlement",
    )
    .await;
    // Its equation being another project's: see
    // `an_equation_is_adopted_only_on_the_passed_decision_naming_it` (no other equation is
    // adopted before).
    // Without the settlement nobody has counted work: no electorate.
    let unsettled = Proposal {
        settlements: vec![],
        ..again(w)
    };
    rejects_raw(
        peers,
        ALICE,
        AnyEntry::Proposal(unsettled),
        "nobody can vote",
    )
    .await;
}

/// validate_create_proposal, rule 4.
pub async fn only_a_member_of_the_electorate_proposes(w: &World) {
    let World { peers, project, .. } = w;
    let carols = again(w);
    let reason = "is not in this proposal's electorate";
    rejects_raw(peers, CAROL, AnyEntry::Proposal(carols), reason).await;
    let input = motion(project, 60);
    let reason = "is not in the electorate of this proposal";
    refuses(peers, CAROL, "governance", "open_proposal", input, reason).await;
    // bob, who did counted work, may.
    commit_raw(peers, BOB, AnyEntry::Proposal(again(w))).await;
}

/// validate_update_proposal, rule 1.
pub async fn a_proposal_is_never_updated(w: &World) {
    let update = hostile::UpdateEntryRaw {
        original: w.open_hash().clone(),
        entry: AnyEntry::Proposal(again(w)),
    };
    let reason = "proposals cannot be updated";
    rejects(&w.peers, ALICE, "update_entry_raw", update, reason).await;
}
