//! `AgentToProfile` hangs from the linker's own key and points at their own profile;
//! `AllProjects` hangs from the all-projects anchor and points at the linker's own project.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_integrity::links::all_projects_anchor;

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<Members>> {
    vec![
        rule!(alice_indexes_her_profile_only_under_her_own_key,
            needs: [a_blank_nickname_is_refused_and_nothing_is_written]),
        rule!(alice_cannot_list_a_project_or_bobs_profile_as_her_profile,
            needs: [a_blank_nickname_is_refused_and_nothing_is_written]),
        rule!(projects_hang_from_the_all_projects_anchor),
        rule!(bob_cannot_list_alices_project_among_all_projects),
    ]
}

fn link(base: impl Into<AnyLinkableHash>, target: &ActionHash, kind: &str) -> hostile::RawLink {
    raw_link(base, target.clone(), kind, "")
}

async fn links(w: &Members, author: usize, link: hostile::RawLink) {
    commit(&w.peers, author, "create_link_raw", link)
        .await
        .expect("the link is kept");
}

/// validate_create_link_agent_to_profile, rule 1.
pub async fn alice_indexes_her_profile_only_under_her_own_key(w: &Members) {
    let profile = w.alices_profile.get();
    let under_bob = link(w.bob.clone(), profile, "AgentToProfile");
    let reason = "may only index under their own key";
    rejects(&w.peers, ALICE, "create_link_raw", under_bob, reason).await;
    links(w, ALICE, link(w.alice.clone(), profile, "AgentToProfile")).await;
}

/// validate_create_link_agent_to_profile, rule 2.
pub async fn alice_cannot_list_a_project_or_bobs_profile_as_her_profile(w: &Members) {
    let peers = &w.peers;
    let a_project = link(w.alice.clone(), &w.project, "AgentToProfile");
    rejects(
        peers,
        ALICE,
        "create_link_raw",
        a_project,
        "is not a Profile",
    )
    .await;
    let bobs = link(w.alice.clone(), &w.bobs_profile, "AgentToProfile");
    let reason = format!("{} is not {}'s profile", w.bobs_profile, w.alice);
    rejects(peers, ALICE, "create_link_raw", bobs, &reason).await;
    let profile = w.alices_profile.get();
    links(w, ALICE, link(w.alice.clone(), profile, "AgentToProfile")).await;
}

/// validate_create_link_all_projects, rule 1.
pub async fn projects_hang_from_the_all_projects_anchor(w: &Members) {
    let from_alice = link(w.alice.clone(), &w.project, "AllProjects");
    let reason = "all-projects anchor";
    rejects(&w.peers, ALICE, "create_link_raw", from_alice, reason).await;
    let anchor = all_projects_anchor().expect("the anchor's hash");
    links(w, ALICE, link(anchor, &w.project, "AllProjects")).await;
}

/// validate_create_link_all_projects, rule 2.
pub async fn bob_cannot_list_alices_project_among_all_projects(w: &Members) {
    let anchor = all_projects_anchor().expect("the anchor's hash");
    let alices = link(anchor.clone(), &w.project, "AllProjects");
    let reason = format!("{} is not {}'s project", w.project, w.bob);
    rejects(&w.peers, BOB, "create_link_raw", alices, &reason).await;
    links(w, ALICE, link(anchor, &w.project, "AllProjects")).await;
}
