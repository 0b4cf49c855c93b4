//! Projects: the creator is the first steward; levels nest downwards.

use crate::common::*;
use holochain::prelude::*;
use ovn_domain::ProjectLevel;
use ovn_integrity::Project;

#[tokio::test(flavor = "multi_thread")]
async fn alice_creates_a_project_as_its_first_steward_and_bob_lists_it() {
    let peers = Peers::honest(2).await;
    let hash = create_project(&peers, 0, "Open spectrometer").await;
    peers.sync().await;

    let all: Vec<Record> = peers.call(1, "members", "get_all_projects", ()).await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].action_address(), &hash);
    let project: Project = entry(&all[0]);
    assert_eq!(project.stewards, vec![peers.agent(0)]);
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_project_whose_creator_is_not_its_first_steward_is_rejected() {
    let peers = Peers::honest(2).await;
    let forged = Project {
        name: "Captured".into(),
        purpose: String::new(),
        level: ProjectLevel::Project,
        parent: None,
        stewards: vec![peers.agent(1), peers.agent(0)],
    };
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_project", forged)
        .await;
    assert_invalid_commit(rejected, "creator must be its first steward");
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_network_cannot_sit_under_a_project() {
    let peers = Peers::honest(1).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let mut input = project_input("Whole network", ProjectLevel::Network);
    input.parent = Some(project.clone());
    let refused = peers
        .try_call::<_, Record>(0, "members", "create_project", input)
        .await;
    assert_refused(refused, "cannot sit under");

    let forged = Project {
        name: "Whole network".into(),
        purpose: String::new(),
        level: ProjectLevel::Network,
        parent: Some(project),
        stewards: vec![peers.agent(0)],
    };
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_project", forged)
        .await;
    assert_invalid_commit(rejected, "cannot sit under");

    let network: Record = peers
        .call(
            0,
            "members",
            "create_project",
            project_input("Network", ProjectLevel::Network),
        )
        .await;
    let mut enterprise = project_input("Enterprise", ProjectLevel::OpenEnterprise);
    enterprise.parent = Some(network.action_address().clone());
    let under: Record = peers.call(0, "members", "create_project", enterprise).await;
    let under: Project = entry(&under);
    assert_eq!(under.parent.as_ref(), Some(network.action_address()));
    peers.shutdown().await;
}
