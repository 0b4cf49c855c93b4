//! Contributions: described, with distinct evidence; never updated or deleted.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};

/// These rules in order.
pub fn rules() -> Vec<Rule<Accounts>> {
    vec![
        rule!(a_contribution_is_never_updated_or_deleted),
        rule!(a_contribution_without_a_description_or_with_evidence_twice_is_rejected),
    ]
}

/// validate_update_contribution, rule 1: a mistake is corrected by a new contribution. Nor is
/// it deleted (no entry but a private profile is: the dispatcher's rule).
pub async fn a_contribution_is_never_updated_or_deleted(w: &Accounts) {
    let peers = &w.peers;
    let edit = hostile::UpdateContributionRaw {
        original: w.contribution.clone(),
        contribution: raw_contribution(w.alice.clone(), &w.project, 600),
    };
    let reason = "contributions cannot be updated";
    rejects(peers, ALICE, "update_contribution_raw", edit, reason).await;
    let hash = w.contribution.clone();
    rejects(peers, ALICE, "delete_raw", hash, "append-only").await;
}

/// validate_create_contribution, rule 3.
pub async fn a_contribution_without_a_description_or_with_evidence_twice_is_rejected(w: &Accounts) {
    let peers = &w.peers;
    let mut input = log_input(&w.project, work(60));
    input.description = " ".into();
    let reason = "description must not be empty";
    refuses(
        peers,
        ALICE,
        "contributions",
        "log_contribution",
        input,
        reason,
    )
    .await;
    let mut undescribed = raw_contribution(w.alice.clone(), &w.project, 60);
    undescribed.description = " ".into();
    rejects(peers, ALICE, "commit_contribution", undescribed, reason).await;
    let mut twice = raw_contribution(w.alice.clone(), &w.project, 60);
    twice.evidence = vec!["board.jpg".into(), "board.jpg".into()];
    // `evidence lists "board.jpg" twice`, its quotes escaped in the error's Debug form.
    rejects(peers, ALICE, "commit_contribution", twice, "evidence lists").await;
    let mut shown = raw_contribution(w.alice.clone(), &w.project, 60);
    shown.evidence = vec!["board.jpg".into(), "test-log.txt".into()];
    commit(peers, ALICE, "commit_contribution", shown)
        .await
        .expect("a described contribution with distinct evidence is accepted");
}
