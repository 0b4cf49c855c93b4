//! Settlements: of a Project, listing its counted contributions exactly as signed, with
//! confirmations of them; and the index links of settlements and distributions.

use super::books::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_domain::{ContributionKind, Payee, PropertyRegime};
use ovn_integrity::{SettledContribution, Settlement};

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<Books>> {
    vec![
        rule!(a_counted_contribution_settles_and_an_uncounted_one_does_not),
        rule!(a_confirmation_of_another_contribution_does_not_count),
        rule!(a_settlement_copies_its_projects_contributions_as_signed),
        rule!(a_settled_citation_pays_the_designs_maker),
        rule!(a_settlement_of_something_that_is_no_project_is_rejected),
        rule!(a_settlement_is_indexed_under_its_period),
        rule!(bob_cannot_index_alices_settlement,
            needs: [a_settlement_is_indexed_under_its_period]),
        rule!(a_settlement_is_indexed_only_under_its_project,
            needs: [a_settlement_is_indexed_under_its_period]),
        rule!(bob_cannot_index_alices_distribution),
        rule!(a_distribution_is_indexed_only_under_its_project),
    ]
}

const SETTLEMENT: &str = "commit_settlement";

/// validate_create_settlement, rule 4.
pub async fn a_counted_contribution_settles_and_an_uncounted_one_does_not(b: &Books) {
    commit(&b.peers, ALICE, SETTLEMENT, b.good_settlement())
        .await
        .expect("a counted contribution with its confirmation settles");
    let uncounted = settlement(&b.project, vec![settled(&b.pending, vec![])]);
    let reason = "1 are needed before it counts";
    rejects(&b.peers, ALICE, SETTLEMENT, uncounted, reason).await;
}

/// validate_create_settlement, rule 3.
pub async fn a_confirmation_of_another_contribution_does_not_count(b: &Books) {
    let confirmations = vec![b.bobs_confirmation.clone()];
    let misused = settlement(&b.project, vec![settled(&b.pending, confirmations)]);
    let reason = "is not a confirmation of";
    rejects(&b.peers, ALICE, SETTLEMENT, misused, reason).await;
}

/// validate_create_settlement, rule 2.
pub async fn a_settlement_copies_its_projects_contributions_as_signed(b: &Books) {
    let mut inflated = b.good_settlement();
    inflated.items[0].kind = work(600);
    let reason = "is not copied as signed";
    rejects(&b.peers, ALICE, SETTLEMENT, inflated, reason).await;
    let mut as_a_correction = b.good_settlement();
    as_a_correction.items[0].corrects = Some(b.pending.action_address().clone());
    rejects(&b.peers, ALICE, SETTLEMENT, as_a_correction, reason).await;
    let elsewhere = create_project(&b.peers, ALICE, "Another project").await;
    let foreign = Settlement {
        project: elsewhere,
        ..b.good_settlement()
    };
    let reason = "belongs to another project";
    rejects(&b.peers, ALICE, SETTLEMENT, foreign, reason).await;
}

/// validate_create_settlement, rule 2: alice's citation of the optics bob registered pays bob,
/// not alice who logged it.
pub async fn a_settled_citation_pays_the_designs_maker(b: &Books) {
    let p = &b.peers;
    let optics = create_resource(p, BOB, "Optics", PropertyRegime::Commons, None).await;
    p.sync().await;
    let cite = ContributionKind::Cite { resource: optics };
    let cite: Record = p
        .call(
            ALICE,
            "contributions",
            "log_contribution",
            log_input(&b.project, cite),
        )
        .await;
    p.sync().await;
    let confirmation = confirm(p, BOB, cite.action_address()).await;
    let item = settled(&cite, vec![confirmation.action_address().clone()]);
    let to_alice = settlement(&b.project, vec![item.clone()]);
    let reason = "a citation pays the cited design's maker";
    rejects(p, ALICE, SETTLEMENT, to_alice, reason).await;
    let to_bob = SettledContribution {
        payee: Payee::Agent(p.agent(BOB)),
        ..item
    };
    commit(p, ALICE, SETTLEMENT, settlement(&b.project, vec![to_bob]))
        .await
        .expect("the citation settles, paid to the design's maker");
}

/// validate_create_settlement, rule 1.
pub async fn a_settlement_of_something_that_is_no_project_is_rejected(b: &Books) {
    let of_a_distribution = Settlement {
        project: b.distribution.clone(),
        ..b.good_settlement()
    };
    let reason = "is not a Project";
    rejects(&b.peers, ALICE, SETTLEMENT, of_a_distribution, reason).await;
}

/// validate_create_link_project_to_settlements, rule 3.
pub async fn a_settlement_is_indexed_under_its_period(b: &Books) {
    let settled_hash = commit(&b.peers, ALICE, SETTLEMENT, b.good_settlement())
        .await
        .expect("settling the same contribution again is valid");
    b.settled.set(settled_hash.clone());
    let kind = "ProjectToSettlements";
    let mistagged = raw_link(b.project.clone(), settled_hash, kind, "1999-01");
    let reason = "the tag must be the period";
    rejects(&b.peers, ALICE, "create_link_raw", mistagged, reason).await;
    b.peers.sync().await;
}

/// The tag of alice's settlement: its period.
fn period(b: &Books) -> String {
    b.good_settlement().period.to_string()
}

/// validate_create_link_project_to_settlements, rule 1.
pub async fn bob_cannot_index_alices_settlement(b: &Books) {
    let settled = b.settled.get().clone();
    let reason = format!("{settled} is not {}'s settlement", b.peers.agent(BOB));
    let (base, tag) = (b.project.clone(), period(b));
    let link = raw_link(base, settled, "ProjectToSettlements", &tag);
    rejects(&b.peers, BOB, "create_link_raw", link, &reason).await;
}

/// validate_create_link_project_to_settlements, rule 2.
pub async fn a_settlement_is_indexed_only_under_its_project(b: &Books) {
    let settled = b.settled.get().clone();
    let base = b.distribution.clone();
    let link = raw_link(base, settled, "ProjectToSettlements", &period(b));
    rejects(
        &b.peers,
        ALICE,
        "create_link_raw",
        link,
        "does not belong under",
    )
    .await;
}

/// validate_create_link_project_to_distributions, rule 1.
pub async fn bob_cannot_index_alices_distribution(b: &Books) {
    b.peers.sync().await;
    let kind = "ProjectToDistributions";
    let not_his = raw_link(b.project.clone(), b.distribution.clone(), kind, "");
    let reason = format!(
        "{} is not {}'s distribution",
        b.distribution,
        b.peers.agent(BOB)
    );
    rejects(&b.peers, BOB, "create_link_raw", not_his, &reason).await;
}

/// validate_create_link_project_to_distributions, rule 2.
pub async fn a_distribution_is_indexed_only_under_its_project(b: &Books) {
    let kind = "ProjectToDistributions";
    let base = b.counted.action_address().clone();
    let link = raw_link(base, b.distribution.clone(), kind, "");
    rejects(
        &b.peers,
        ALICE,
        "create_link_raw",
        link,
        "does not belong under",
    )
    .await;
}
