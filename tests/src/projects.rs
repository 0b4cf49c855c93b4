//! Projects: the creator is the first steward, and every peer lists the project. (The project
//! rules, one function each: `member_rules`.)

use crate::common::*;
use holochain::prelude::*;
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
