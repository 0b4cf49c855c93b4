//! Fixtures: the entries and inputs tests create again and again, with plausible defaults.

use crate::common::Peers;
use holochain::prelude::*;
use ovn_domain::{ContributionKind, ProjectLevel};

pub async fn create_profile(peers: &Peers, i: usize, nickname: &str) -> Record {
    let input = members::profiles::CreateProfileInput {
        nickname: nickname.into(),
        skills: vec!["electronics".into()],
        private: None,
    };
    peers.call(i, "members", "create_profile", input).await
}

pub fn project_input(name: &str, level: ProjectLevel) -> members::projects::CreateProjectInput {
    members::projects::CreateProjectInput {
        name: name.into(),
        purpose: "An open-hardware instrument".into(),
        level,
        parent: None,
        co_stewards: vec![],
    }
}

pub async fn create_project(peers: &Peers, i: usize, name: &str) -> ActionHash {
    let input = project_input(name, ProjectLevel::Project);
    let record: Record = peers.call(i, "members", "create_project", input).await;
    record.action_address().clone()
}

pub fn work(minutes: u32) -> ContributionKind<ActionHash> {
    ContributionKind::Work {
        minutes,
        skill: "electronics".into(),
    }
}

pub fn log_input(
    project: &ActionHash,
    kind: ContributionKind<ActionHash>,
) -> contributions::contributions::LogContributionInput {
    contributions::contributions::LogContributionInput {
        project: project.clone(),
        kind,
        description: "Soldered the sensor board".into(),
        evidence: vec!["https://example.org/board.jpg".into()],
        when: None,
        corrects: None,
    }
}

/// The hash of a contribution of `minutes` of work logged by peer `i`.
pub async fn log_work_hash(
    peers: &Peers,
    i: usize,
    project: &ActionHash,
    minutes: u32,
) -> ActionHash {
    log_work(peers, i, project, minutes)
        .await
        .action_address()
        .clone()
}

pub async fn log_work(peers: &Peers, i: usize, project: &ActionHash, minutes: u32) -> Record {
    let input = log_input(project, work(minutes));
    peers
        .call(i, "contributions", "log_contribution", input)
        .await
}

/// A contribution entry as the integrity zome defines it, for raw commits.
pub fn raw_contribution(
    contributor: AgentPubKey,
    project: &ActionHash,
    minutes: u32,
) -> ovn_integrity::Contribution {
    ovn_integrity::Contribution {
        contributor,
        project: project.clone(),
        kind: work(minutes),
        description: "Soldered the sensor board".into(),
        evidence: vec![],
        when: Timestamp::now(),
        corrects: None,
    }
}

pub fn entry<T>(record: &Record) -> T
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    record
        .entry()
        .to_app_option()
        .expect("decode entry")
        .expect("record has an entry")
}

/// A link of type `link_type` (its name in `LinkTypes`) for the hostile zome to commit as is.
pub fn raw_link(
    base: impl Into<AnyLinkableHash>,
    target: impl Into<AnyLinkableHash>,
    link_type: &str,
    tag: &str,
) -> hostile::RawLink {
    hostile::RawLink {
        base: base.into(),
        target: target.into(),
        link_type: link_type.into(),
        tag: tag.as_bytes().to_vec(),
    }
}

/// A confirmation entry as the integrity zome defines it, for raw commits.
pub fn raw_confirmation(
    contribution: &ActionHash,
    endorser_profile: &Record,
) -> ovn_integrity::Endorsement {
    ovn_integrity::Endorsement {
        contribution: contribution.clone(),
        endorser_profile: endorser_profile.action_address().clone(),
        kind: ovn_domain::EndorsementKind::Confirm,
    }
}
