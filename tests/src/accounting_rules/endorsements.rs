//! Endorsements: a member's, of someone else's contribution, a dispute with its reason; never
//! updated.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use contributions::endorsements::EndorseContributionInput;
use holochain::prelude::*;
use hostile::{AnyEntry, UpdateEntryRaw};
use ovn_domain::EndorsementKind;
use ovn_integrity::Endorsement;

/// These rules in order; `needs` names earlier rules whose records a rule uses.
pub fn rules() -> Vec<Rule<Accounts>> {
    vec![
        rule!(only_members_endorse),
        rule!(alice_cannot_endorse_her_own_contribution),
        rule!(only_a_contribution_is_endorsed),
        rule!(a_dispute_gives_its_reason, needs: [only_members_endorse]),
        rule!(an_endorsement_is_never_updated, needs: [only_members_endorse]),
        rule!(an_endorser_never_says_the_same_word_twice, needs: [a_dispute_gives_its_reason]),
    ]
}

fn dispute(reason: &str) -> EndorsementKind {
    EndorsementKind::Dispute {
        reason: reason.into(),
    }
}

/// bob's endorsement of alice's hour, under his own profile.
fn bobs(w: &Accounts, kind: EndorsementKind) -> Endorsement {
    Endorsement {
        contribution: w.contribution.clone(),
        endorser_profile: w.bobs_profile.get().clone(),
        kind,
    }
}

/// validate_create_endorsement, rule 4: bob, no member yet, is refused and cannot borrow
/// alice's profile; once a member, he confirms her hour.
pub async fn only_members_endorse(w: &Accounts) {
    let peers = &w.peers;
    let input = EndorseContributionInput {
        contribution: w.contribution.clone(),
        kind: EndorsementKind::Confirm,
    };
    let refused = peers
        .try_call::<_, Record>(BOB, "contributions", "endorse_contribution", input)
        .await;
    assert_refused(refused, "only members endorse");

    let borrowed_profile = raw_confirmation(&w.contribution, &w.alices_profile);
    let reason = "only members endorse";
    rejects(peers, BOB, "commit_endorsement", borrowed_profile, reason).await;
    let bobs_profile = create_profile(peers, BOB, "bob").await;
    w.bobs_profile.set(bobs_profile.action_address().clone());
    let confirmation = confirm(peers, BOB, &w.contribution).await;
    w.bobs_confirmation
        .set(confirmation.action_address().clone());
}

/// validate_create_endorsement, rule 3.
pub async fn alice_cannot_endorse_her_own_contribution(w: &Accounts) {
    let peers = &w.peers;
    let input = EndorseContributionInput {
        contribution: w.contribution.clone(),
        kind: EndorsementKind::Confirm,
    };
    let refused = peers
        .try_call::<_, Record>(ALICE, "contributions", "endorse_contribution", input)
        .await;
    assert_refused(refused, "cannot endorse your own contribution");

    let raw = raw_confirmation(&w.contribution, &w.alices_profile);
    let reason = "cannot endorse their own contribution";
    rejects(peers, ALICE, "commit_endorsement", raw, reason).await;
    confirm(peers, ALICE, &w.bobs_contribution).await;
}

/// validate_create_endorsement, rule 2.
pub async fn only_a_contribution_is_endorsed(w: &Accounts) {
    let peers = &w.peers;
    let of_a_project = Endorsement {
        contribution: w.project.clone(),
        endorser_profile: w.alices_profile.action_address().clone(),
        kind: dispute("not work"),
    };
    let reason = "is not a Contribution";
    rejects(peers, ALICE, "commit_endorsement", of_a_project, reason).await;
    // alice confirmed bob's contribution already: her new word on it is a dispute.
    let of_bobs = Endorsement {
        contribution: w.bobs_contribution.clone(),
        endorser_profile: w.alices_profile.action_address().clone(),
        kind: dispute("it took him two hours, not three"),
    };
    commit(peers, ALICE, "commit_endorsement", of_bobs)
        .await
        .expect("alice endorses bob's contribution");
}

/// validate_create_endorsement, rule 1.
pub async fn a_dispute_gives_its_reason(w: &Accounts) {
    let peers = &w.peers;
    let blank = EndorseContributionInput {
        contribution: w.contribution.clone(),
        kind: dispute(" "),
    };
    let refused = peers
        .try_call::<_, Record>(BOB, "contributions", "endorse_contribution", blank)
        .await;
    assert_refused(refused, "reason must not be empty");
    let reason = "reason must not be empty";
    rejects(
        peers,
        BOB,
        "commit_endorsement",
        bobs(w, dispute(" ")),
        reason,
    )
    .await;
    let reasoned = bobs(w, dispute("it was half an hour"));
    commit(peers, BOB, "commit_endorsement", reasoned)
        .await
        .expect("a dispute with its reason is accepted");
}

/// validate_update_endorsement, rule 1: bob endorses again instead.
pub async fn an_endorsement_is_never_updated(w: &Accounts) {
    let turned = UpdateEntryRaw {
        original: w.bobs_confirmation.get().clone(),
        entry: AnyEntry::Endorsement(bobs(w, dispute("on second thoughts"))),
    };
    let reason = "endorsements cannot be updated";
    rejects(&w.peers, BOB, "update_entry_raw", turned, reason).await;
}

/// validate_create_endorsement, rule 5: bob's latest word on alice's hour is the dispute "it
/// was half an hour"; the same dispute again is refused and rejected, a confirmation is his
/// new word, and a second confirmation is refused and rejected in turn.
pub async fn an_endorser_never_says_the_same_word_twice(w: &Accounts) {
    let peers = &w.peers;
    let same = "latest word on this contribution is already this dispute";
    let again = EndorseContributionInput {
        contribution: w.contribution.clone(),
        kind: dispute("it was half an hour"),
    };
    let refused = peers
        .try_call::<_, Record>(BOB, "contributions", "endorse_contribution", again)
        .await;
    assert_refused(refused, same);
    let raw = bobs(w, dispute("it was half an hour"));
    rejects(peers, BOB, "commit_endorsement", raw, same).await;

    confirm(peers, BOB, &w.contribution).await;
    let twice = "latest word on this contribution is already a confirmation";
    let refused = peers
        .try_call::<_, Record>(
            BOB,
            "contributions",
            "endorse_contribution",
            EndorseContributionInput {
                contribution: w.contribution.clone(),
                kind: EndorsementKind::Confirm,
            },
        )
        .await;
    assert_refused(refused, twice);
    let raw = bobs(w, EndorsementKind::Confirm);
    rejects(peers, BOB, "commit_endorsement", raw, twice).await;
}
