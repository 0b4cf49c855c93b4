//! Projects: named, the creator their first steward among distinct stewards, under a project
//! of the same level or a higher one, never updated.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use hostile::{AnyEntry, UpdateEntryRaw};
use ovn_domain::ProjectLevel;
use ovn_integrity::Project;

/// These rules in order.
pub fn rules() -> Vec<Rule<Members>> {
    vec![
        rule!(a_nameless_project_is_rejected),
        rule!(a_project_whose_creator_is_not_its_first_steward_is_rejected),
        rule!(a_network_cannot_sit_under_a_project),
        rule!(a_project_is_never_updated),
    ]
}

fn project(name: &str, stewards: Vec<AgentPubKey>) -> Project {
    Project {
        name: name.into(),
        purpose: String::new(),
        level: ProjectLevel::Project,
        parent: None,
        stewards,
    }
}

/// validate_create_project, rule 1.
pub async fn a_nameless_project_is_rejected(w: &Members) {
    let peers = &w.peers;
    let nameless = project(" ", vec![w.alice.clone()]);
    let reason = "name must not be empty";
    rejects(peers, ALICE, "commit_project", nameless, reason).await;
    commit(
        peers,
        ALICE,
        "commit_project",
        project("Tool shed", vec![w.alice.clone()]),
    )
    .await
    .expect("a named project is accepted");
}

/// validate_create_project, rule 2: the creator is the first steward; stewards are distinct.
pub async fn a_project_whose_creator_is_not_its_first_steward_is_rejected(w: &Members) {
    let peers = &w.peers;
    let (alice, bob) = (w.alice.clone(), w.bob.clone());
    let forged = project("Captured", vec![bob.clone(), alice.clone()]);
    let reason = "creator must be its first steward";
    rejects(peers, ALICE, "commit_project", forged, reason).await;
    let twice = project("Echo", vec![alice.clone(), bob.clone(), alice.clone()]);
    // `stewards lists "steward #3" twice`, its quotes escaped in the error's Debug form.
    rejects(peers, ALICE, "commit_project", twice, "stewards lists").await;
    commit(
        peers,
        ALICE,
        "commit_project",
        project("Shared", vec![alice, bob]),
    )
    .await
    .expect("alice, first of two stewards, is accepted");
}

/// validate_create_project, rule 3: a parent is a Project of the same level or a higher one.
pub async fn a_network_cannot_sit_under_a_project(w: &Members) {
    let peers = &w.peers;
    let mut input = project_input("Whole network", ProjectLevel::Network);
    input.parent = Some(w.project.clone());
    let refused = peers
        .try_call::<_, Record>(ALICE, "members", "create_project", input)
        .await;
    assert_refused(refused, "cannot sit under");

    let forged = Project {
        level: ProjectLevel::Network,
        parent: Some(w.project.clone()),
        ..project("Whole network", vec![w.alice.clone()])
    };
    rejects(peers, ALICE, "commit_project", forged, "cannot sit under").await;
    let under_a_profile = Project {
        parent: Some(w.bobs_profile.clone()),
        ..project("Orphan", vec![w.alice.clone()])
    };
    let reason = "is not a Project";
    rejects(peers, ALICE, "commit_project", under_a_profile, reason).await;

    let network: Record = peers
        .call(
            ALICE,
            "members",
            "create_project",
            project_input("Network", ProjectLevel::Network),
        )
        .await;
    let mut enterprise = project_input("Enterprise", ProjectLevel::OpenEnterprise);
    enterprise.parent = Some(network.action_address().clone());
    let under: Record = peers
        .call(ALICE, "members", "create_project", enterprise)
        .await;
    let under: Project = entry(&under);
    assert_eq!(under.parent.as_ref(), Some(network.action_address()));
}

/// validate_update_project, rule 1: changing stewards or purpose is a governance decision.
pub async fn a_project_is_never_updated(w: &Members) {
    let peers = &w.peers;
    let project: Option<Record> = peers
        .call(ALICE, "members", "get_project", w.project.clone())
        .await;
    let mut taken: Project = entry(&project.expect("alice's project, created in the world"));
    taken.stewards.push(w.bob.clone());
    let update = UpdateEntryRaw {
        original: w.project.clone(),
        entry: AnyEntry::Project(taken),
    };
    let reason = format!("project {} cannot be updated", w.project);
    rejects(peers, ALICE, "update_entry_raw", update, &reason).await;
}
