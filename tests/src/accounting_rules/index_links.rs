//! The accounting index links point at the linker's own entries from the base those entries
//! name; period links are tagged with their month and point at its bucket; and no index link
//! is ever deleted.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_domain::Period;
use ovn_integrity::links::period_bucket;

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<Accounts>> {
    vec![
        rule!(bob_indexes_his_contributions_only_under_his_own_key),
        rule!(bob_cannot_list_alices_contribution_as_his_own),
        rule!(an_index_link_is_never_deleted),
        rule!(bob_cannot_index_alices_correction),
        rule!(a_contribution_is_indexed_only_under_the_contribution_it_corrects,
            needs: [bob_cannot_index_alices_correction]),
        rule!(alice_cannot_index_bobs_endorsement, needs: [only_members_endorse]),
        rule!(an_endorsement_is_indexed_only_under_the_contribution_it_endorses,
            needs: [only_members_endorse]),
        rule!(bob_cannot_file_alices_contribution_in_its_month),
        rule!(a_contribution_is_filed_only_in_the_bucket_of_its_project_and_month),
        rule!(periods_are_announced_only_under_a_project),
        rule!(a_period_is_written_yyyy_mm_and_not_after_the_links_month),
        rule!(a_period_link_points_at_the_projects_bucket_for_it),
    ]
}

fn link(
    base: impl Into<AnyLinkableHash>,
    target: impl Into<AnyLinkableHash>,
    kind: &str,
) -> hostile::RawLink {
    raw_link(base, target, kind, "")
}

async fn kept(w: &Accounts, author: usize, link: hostile::RawLink) -> ActionHash {
    commit(&w.peers, author, "create_link_raw", link)
        .await
        .expect("the link is kept")
}

async fn forged(w: &Accounts, author: usize, link: hostile::RawLink, reason: &str) {
    rejects(&w.peers, author, "create_link_raw", link, reason).await;
}

/// The bucket of alice's project for alice's month.
fn bucket(w: &Accounts) -> EntryHash {
    period_bucket(&w.project, w.period).expect("the bucket's hash")
}

/// validate_create_link_agent_to_contributions, rule 1.
pub async fn bob_indexes_his_contributions_only_under_his_own_key(w: &Accounts) {
    let kind = "AgentToContributions";
    let under_alice = link(w.alice.clone(), w.bobs_contribution.clone(), kind);
    forged(w, BOB, under_alice, "may only index under their own key").await;
    kept(
        w,
        BOB,
        link(w.bob.clone(), w.bobs_contribution.clone(), kind),
    )
    .await;
}

/// validate_create_link_agent_to_contributions, rule 2.
pub async fn bob_cannot_list_alices_contribution_as_his_own(w: &Accounts) {
    let target = w.contribution.clone();
    let alices = link(w.bob.clone(), target.clone(), "AgentToContributions");
    let reason = format!("{target} is not {}'s contribution", w.bob);
    forged(w, BOB, alices, &reason).await;
    let kind = "AgentToContributions";
    kept(
        w,
        BOB,
        link(w.bob.clone(), w.bobs_contribution.clone(), kind),
    )
    .await;
}

/// links::validate_delete_link, rule 1: the ledger is append-only.
pub async fn an_index_link_is_never_deleted(w: &Accounts) {
    let own = link(
        w.alice.clone(),
        w.contribution.clone(),
        "AgentToContributions",
    );
    let link_hash = kept(w, ALICE, own).await;
    let reason = "index links cannot be deleted";
    rejects(&w.peers, ALICE, "delete_link_raw", link_hash, reason).await;
}

/// validate_create_link_contribution_to_corrections, rule 1.
pub async fn bob_cannot_index_alices_correction(w: &Accounts) {
    let mut input = log_input(&w.project, work(45));
    input.corrects = Some(w.contribution.clone());
    let correction: Record = w
        .peers
        .call(ALICE, "contributions", "log_contribution", input)
        .await;
    let correction = correction.action_address().clone();
    w.peers.sync().await;
    let kind = "ContributionToCorrections";
    let by_bob = link(w.contribution.clone(), correction.clone(), kind);
    let reason = format!("{correction} is not {}'s contribution", w.bob);
    forged(w, BOB, by_bob, &reason).await;
    kept(
        w,
        ALICE,
        link(w.contribution.clone(), correction.clone(), kind),
    )
    .await;
    w.correction.set(correction);
}

/// validate_create_link_contribution_to_corrections, rule 2.
pub async fn a_contribution_is_indexed_only_under_the_contribution_it_corrects(w: &Accounts) {
    let itself = w.contribution.clone();
    let kind = "ContributionToCorrections";
    let original = link(itself.clone(), itself.clone(), kind);
    forged(w, ALICE, original, "does not correct").await;
    kept(w, ALICE, link(itself, w.correction.get().clone(), kind)).await;
}

/// validate_create_link_contribution_to_endorsements, rule 1.
pub async fn alice_cannot_index_bobs_endorsement(w: &Accounts) {
    w.peers.sync().await;
    let kind = "ContributionToEndorsements";
    let contribution = w.contribution.clone();
    let no_endorsement = link(contribution.clone(), contribution.clone(), kind);
    forged(w, ALICE, no_endorsement, "is not a Endorsement").await;
    let confirmation = w.bobs_confirmation.get().clone();
    let bobs = link(contribution.clone(), confirmation.clone(), kind);
    let reason = format!("{confirmation} is not {}'s endorsement", w.alice);
    forged(w, ALICE, bobs, &reason).await;
    kept(w, BOB, link(contribution, confirmation, kind)).await;
}

/// validate_create_link_contribution_to_endorsements, rule 2.
pub async fn an_endorsement_is_indexed_only_under_the_contribution_it_endorses(w: &Accounts) {
    let confirmation = w.bobs_confirmation.get().clone();
    let kind = "ContributionToEndorsements";
    let elsewhere = link(w.bobs_contribution.clone(), confirmation.clone(), kind);
    let reason = format!(
        "{confirmation} endorses {}, not {}",
        w.contribution, w.bobs_contribution
    );
    forged(w, BOB, elsewhere, &reason).await;
    kept(w, BOB, link(w.contribution.clone(), confirmation, kind)).await;
}

/// validate_create_link_period_to_contributions, rule 1.
pub async fn bob_cannot_file_alices_contribution_in_its_month(w: &Accounts) {
    let target = w.contribution.clone();
    let alices = link(bucket(w), target.clone(), "PeriodToContributions");
    let reason = format!("{target} is not {}'s contribution", w.bob);
    forged(w, BOB, alices, &reason).await;
    kept(w, ALICE, link(bucket(w), target, "PeriodToContributions")).await;
}

/// validate_create_link_period_to_contributions, rule 2.
pub async fn a_contribution_is_filed_only_in_the_bucket_of_its_project_and_month(w: &Accounts) {
    let kind = "PeriodToContributions";
    let misfiled = link(w.project.clone(), w.contribution.clone(), kind);
    forged(w, ALICE, misfiled, "belongs in the bucket").await;
    kept(w, ALICE, link(bucket(w), w.contribution.clone(), kind)).await;
}

/// A `ProjectToPeriods` link from `base` to `target`, tagged `tag`.
fn period_link(
    base: impl Into<AnyLinkableHash>,
    target: impl Into<AnyLinkableHash>,
    tag: &str,
) -> hostile::RawLink {
    raw_link(base, target, "ProjectToPeriods", tag)
}

/// validate_create_link_project_to_periods, rule 1: any agent may announce a period, but of a
/// Project.
pub async fn periods_are_announced_only_under_a_project(w: &Accounts) {
    let month = w.period.to_string();
    let contribution = w.contribution.clone();
    let under_work = period_link(contribution, bucket(w), &month);
    forged(w, BOB, under_work, "is not a Project").await;
    kept(w, BOB, period_link(w.project.clone(), bucket(w), &month)).await;
}

/// validate_create_link_project_to_periods, rule 2.
pub async fn a_period_is_written_yyyy_mm_and_not_after_the_links_month(w: &Accounts) {
    let project = w.project.clone();
    let unpadded = period_link(project.clone(), bucket(w), "2026-1");
    forged(w, ALICE, unpadded, "is not a period").await;
    let future: Period = "2999-01".parse().expect("a period");
    let its_bucket = period_bucket(&project, future).expect("the bucket's hash");
    let ahead = period_link(project.clone(), its_bucket, "2999-01");
    forged(w, ALICE, ahead, "after the month").await;
    let month = w.period.to_string();
    kept(w, ALICE, period_link(project, bucket(w), &month)).await;
}

/// validate_create_link_project_to_periods, rule 3.
pub async fn a_period_link_points_at_the_projects_bucket_for_it(w: &Accounts) {
    let month = w.period.to_string();
    let at_alice = period_link(w.project.clone(), w.alice.clone(), &month);
    forged(w, ALICE, at_alice, "is not the bucket").await;
    kept(w, ALICE, period_link(w.project.clone(), bucket(w), &month)).await;
}
