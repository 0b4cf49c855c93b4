//! Votes and delegations: a block says why; a vote counts only while its proposal is open and
//! only from its electorate; a vote replaces only its voter's own; a delegation is to another
//! member, in a project or the network; neither is updated.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use governance::votes::{CastVoteInput, DelegateInput};
use holochain::prelude::*;
use hostile::AnyEntry;
use ovn_domain::governance::tally::Choice;
use ovn_integrity::{Delegation, Vote};

pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(a_block_says_why),
        rule!(a_vote_counts_only_while_its_proposal_is_open),
        rule!(only_the_electorate_votes),
        rule!(a_vote_replaces_only_its_voters_own_vote),
        rule!(nobody_delegates_to_themselves),
        rule!(a_delegation_is_to_a_project_or_the_network),
        rule!(votes_and_delegations_are_never_updated,
            needs: [a_vote_replaces_only_its_voters_own_vote, a_delegation_is_to_a_project_or_the_network]),
    ]
}

pub fn vote_input(proposal: &ActionHash, choice: Choice) -> CastVoteInput {
    CastVoteInput {
        proposal: proposal.clone(),
        choice,
        reason: "Thursdays suit the lab".into(),
    }
}

fn vote(proposal: &ActionHash, choice: Choice) -> Vote {
    Vote {
        proposal: proposal.clone(),
        choice,
        reason: String::new(),
        replaces: None,
    }
}

/// validate_create_vote, rule 1.
pub async fn a_block_says_why(w: &World) {
    let World { peers, .. } = w;
    let silent = Choice::Block {
        reason: String::new(),
    };
    let raw = vote(w.open_hash(), silent.clone());
    rejects_raw(peers, BOB, AnyEntry::Vote(raw), "block reason").await;
    let input = vote_input(w.open_hash(), silent);
    refuses(peers, BOB, "governance", "cast_vote", input, "block reason").await;
    let reasoned = Choice::Block {
        reason: "The lab is shut on Thursdays".into(),
    };
    commit_raw(peers, BOB, AnyEntry::Vote(vote(w.open_hash(), reasoned))).await;
    let rambling = Vote {
        reason: "x".repeat(10_001),
        ..vote(w.open_hash(), Choice::Abstain)
    };
    rejects_raw(peers, BOB, AnyEntry::Vote(rambling), "reason").await;
}

/// validate_create_vote, rule 2.
pub async fn a_vote_counts_only_while_its_proposal_is_open(w: &World) {
    let World { peers, project, .. } = w;
    let brief: Record = peers
        .call(ALICE, "governance", "open_proposal", motion(project, 10))
        .await;
    let hash = brief.action_address();
    commit_raw(peers, ALICE, AnyEntry::Vote(vote(hash, Choice::Yes))).await;
    let closes = entry::<ovn_integrity::Proposal>(&brief).closes;
    await_time_after(closes).await;
    let late = vote(hash, Choice::Yes);
    let reason = "outside the proposal's window";
    rejects_raw(peers, ALICE, AnyEntry::Vote(late), reason).await;
    let input = vote_input(hash, Choice::Yes);
    refuses(peers, ALICE, "governance", "cast_vote", input, "is closed").await;
}

/// validate_create_vote, rule 3.
pub async fn only_the_electorate_votes(w: &World) {
    let World { peers, .. } = w;
    let carols = vote(w.open_hash(), Choice::Yes);
    let reason = "is not in the electorate of proposal";
    rejects_raw(peers, CAROL, AnyEntry::Vote(carols), reason).await;
    let input = vote_input(w.open_hash(), Choice::Yes);
    let reason = "is not in the electorate of this proposal";
    refuses(peers, CAROL, "governance", "cast_vote", input, reason).await;
}

/// validate_create_vote, rule 4.
pub async fn a_vote_replaces_only_its_voters_own_vote(w: &World) {
    let World { peers, .. } = w;
    let first: Record = peers
        .call(
            ALICE,
            "governance",
            "cast_vote",
            vote_input(w.open_hash(), Choice::No),
        )
        .await;
    let second: Record = peers
        .call(
            ALICE,
            "governance",
            "cast_vote",
            vote_input(w.open_hash(), Choice::Yes),
        )
        .await;
    let replaced = entry::<Vote>(&second).replaces;
    assert_eq!(replaced.as_ref(), Some(first.action_address()));
    w.alices_vote.set(second.action_address().clone());
    peers.sync().await;
    let bobs = Vote {
        replaces: Some(first.action_address().clone()),
        ..vote(w.open_hash(), Choice::No)
    };
    let reason = "'s vote on proposal";
    rejects_raw(peers, BOB, AnyEntry::Vote(bobs), reason).await;
    let elsewhere = Vote {
        replaces: Some(w.open_hash().clone()),
        ..vote(w.open_hash(), Choice::No)
    };
    rejects_raw(peers, ALICE, AnyEntry::Vote(elsewhere), "is not a Vote").await;
}

/// validate_create_delegation, rule 1.
pub async fn nobody_delegates_to_themselves(w: &World) {
    let World { peers, .. } = w;
    let me = Delegation {
        delegate: Some(peers.agent(BOB)),
        scope: None,
    };
    let reason = "cannot delegate to themselves";
    rejects_raw(peers, BOB, AnyEntry::Delegation(me), reason).await;
    let input = DelegateInput {
        delegate: Some(peers.agent(BOB)),
        scope: None,
    };
    refuses(peers, BOB, "governance", "delegate", input, reason).await;
}

/// validate_create_delegation, rule 2.
pub async fn a_delegation_is_to_a_project_or_the_network(w: &World) {
    let World { peers, .. } = w;
    let astray = Delegation {
        delegate: Some(peers.agent(ALICE)),
        scope: Some(w.settlement.clone()),
    };
    rejects_raw(peers, BOB, AnyEntry::Delegation(astray), "is not a Project").await;
    let input = DelegateInput {
        delegate: Some(peers.agent(ALICE)),
        scope: Some(w.project.clone()),
    };
    let record: Record = peers.call(BOB, "governance", "delegate", input).await;
    w.bobs_delegation.set(record.action_address().clone());
    let mine: Vec<Record> = peers
        .call(BOB, "governance", "get_delegations_of", peers.agent(BOB))
        .await;
    assert_eq!(
        mine.last().map(|r| r.action_address()),
        Some(record.action_address())
    );
    peers.sync().await;
}

/// validate_update_vote and validate_update_delegation, rule 1 each.
pub async fn votes_and_delegations_are_never_updated(w: &World) {
    let World { peers, .. } = w;
    let update = hostile::UpdateEntryRaw {
        original: w.alices_vote.get().clone(),
        entry: AnyEntry::Vote(vote(w.open_hash(), Choice::Abstain)),
    };
    rejects(
        peers,
        ALICE,
        "update_entry_raw",
        update,
        "votes cannot be updated",
    )
    .await;
    let update = hostile::UpdateEntryRaw {
        original: w.bobs_delegation.get().clone(),
        entry: AnyEntry::Delegation(Delegation {
            delegate: None,
            scope: None,
        }),
    };
    let reason = "delegations cannot be updated";
    rejects(peers, BOB, "update_entry_raw", update, reason).await;
}
