//! Index links: each link type points only where its rules say.

use crate::common::*;
use holochain::prelude::*;
use ovn_domain::{EndorsementKind, Period, ProjectLevel};
use ovn_integrity::links::period_bucket;
use ovn_integrity::{Endorsement, Project};

#[tokio::test(flavor = "multi_thread")]
async fn forged_index_links_are_rejected() {
    let peers = Peers::honest(1).await;
    let me = peers.agent(0);
    let project = create_project(&peers, 0, "Spectrometer").await;
    let logged = log_work(&peers, 0, &project, 60).await;
    let contribution = logged.action_address().clone();
    let this_month = Period::of_micros(Timestamp::now().as_micros());
    let bucket = period_bucket(&project, this_month).unwrap();

    let forged = [
        (
            raw_link(me.clone(), project.clone(), "AgentToProfile", ""),
            "is not a Profile",
        ),
        (
            raw_link(me.clone(), project.clone(), "AllProjects", ""),
            "all-projects anchor",
        ),
        (
            raw_link(
                project.clone(),
                bucket.clone(),
                "ProjectToPeriods",
                "2026-1",
            ),
            "is not a period",
        ),
        (
            raw_link(
                project.clone(),
                bucket.clone(),
                "ProjectToPeriods",
                "2999-01",
            ),
            "after the month",
        ),
        (
            raw_link(
                project.clone(),
                me.clone(),
                "ProjectToPeriods",
                &this_month.to_string(),
            ),
            "is not the bucket",
        ),
        (
            raw_link(
                project.clone(),
                contribution.clone(),
                "PeriodToContributions",
                "",
            ),
            "belongs in the bucket",
        ),
        (
            raw_link(
                contribution.clone(),
                contribution.clone(),
                "ContributionToEndorsements",
                "",
            ),
            "is not a Endorsement",
        ),
        (
            raw_link(
                contribution.clone(),
                contribution.clone(),
                "ContributionToCorrections",
                "",
            ),
            "does not correct",
        ),
    ];
    for (link, reason) in forged {
        let rejected = peers
            .try_call::<_, ActionHash>(0, "hostile", "create_link_raw", link)
            .await;
        assert_invalid_commit(rejected, reason);
    }
    let fair = raw_link(
        project.clone(),
        bucket,
        "ProjectToPeriods",
        &this_month.to_string(),
    );
    let _: ActionHash = peers.call(0, "hostile", "create_link_raw", fair).await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn forged_projects_and_endorsements_are_rejected() {
    let peers = Peers::honest(1).await;
    let profile = create_profile(&peers, 0, "alice").await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let nameless = Project {
        name: " ".into(),
        purpose: String::new(),
        level: ProjectLevel::Project,
        parent: None,
        stewards: vec![peers.agent(0)],
    };
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_project", nameless)
        .await;
    assert_invalid_commit(rejected, "name must not be empty");
    let under_a_profile = Project {
        name: "Orphan".into(),
        purpose: String::new(),
        level: ProjectLevel::Project,
        parent: Some(profile.action_address().clone()),
        stewards: vec![peers.agent(0)],
    };
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_project", under_a_profile)
        .await;
    assert_invalid_commit(rejected, "is not a Project");

    let of_a_project = Endorsement {
        contribution: project,
        endorser_profile: profile.action_address().clone(),
        kind: EndorsementKind::Dispute {
            reason: "not work".into(),
        },
    };
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_endorsement", of_a_project)
        .await;
    assert_invalid_commit(rejected, "is not a Contribution");
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn profiles_projects_and_endorsements_are_never_deleted() {
    let peers = Peers::honest(2).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let contribution = log_work_hash(&peers, 0, &project, 60).await;
    let bobs_profile = create_profile(&peers, 1, "bob").await;
    peers.sync().await;
    let input = contributions::endorsements::EndorseContributionInput {
        contribution,
        kind: EndorsementKind::Confirm,
    };
    let endorsement: Record = peers
        .call(1, "contributions", "endorse_contribution", input)
        .await;

    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "delete_raw", project)
        .await;
    assert_invalid_commit(rejected, "append-only");
    for own in [bobs_profile, endorsement] {
        let hash = own.action_address().clone();
        let rejected = peers
            .try_call::<_, ActionHash>(1, "hostile", "delete_raw", hash)
            .await;
        assert_invalid_commit(rejected, "append-only");
    }
    peers.shutdown().await;
}
