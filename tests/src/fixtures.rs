//! Fixtures: the entries and inputs tests create again and again, with plausible defaults.

use crate::common::Peers;
use holochain::prelude::*;
use ovn_domain::{ContributionKind, ProjectLevel};

/// alice, bob and carol (peers 0, 1, 2), members; alice's project `name`; every peer holds
/// them.
pub async fn three_members_and_a_project(name: &str) -> (Peers, ActionHash) {
    let peers = Peers::honest(3).await;
    for (i, nickname) in [(0, "alice"), (1, "bob"), (2, "carol")] {
        create_profile(&peers, i, nickname).await;
    }
    let project = create_project(&peers, 0, name).await;
    peers.sync().await;
    (peers, project)
}

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

/// Design work, which [`sensorica_equation`] values at 30.00 an hour.
pub fn design(minutes: u32) -> ContributionKind<ActionHash> {
    ContributionKind::Work {
        minutes,
        skill: "design".into(),
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

/// Peer `i` confirms a contribution.
pub async fn confirm(peers: &Peers, i: usize, contribution: &ActionHash) -> Record {
    let input = contributions::endorsements::EndorseContributionInput {
        contribution: contribution.clone(),
        kind: ovn_domain::EndorsementKind::Confirm,
    };
    peers
        .call(i, "contributions", "endorse_contribution", input)
        .await
}

/// Peer `i` logs a contribution of any kind; its hash.
pub async fn log_kind(
    peers: &Peers,
    i: usize,
    project: &ActionHash,
    kind: ContributionKind<ActionHash>,
) -> ActionHash {
    let record: Record = peers
        .call(
            i,
            "contributions",
            "log_contribution",
            log_input(project, kind),
        )
        .await;
    record.action_address().clone()
}

/// A Sensorica-like equation: 10 % to the network, the rest to contributions, with work at
/// 30.00 an hour for design and 20.00 otherwise, use of a tool at 5.00 an hour, a citation at
/// 10 % of the other inputs, money at face value; every claim Equity (the network default,
/// with a fee and other work rates).
pub fn sensorica_equation(network: AgentPubKey) -> ovn_integrity::ledger::value_equation::Equation {
    use ovn_domain::ledger::value_equation::*;
    let mut equation = ValueEquation::default();
    let contributors = &mut equation.buckets[0];
    contributors.behaviour = Behaviour::Remaining;
    if let BucketKind::Contributions { rules } = &mut contributors.kind {
        let work = rules.work.as_mut().expect("the default values work");
        work.default_rate = 2_000;
        work.skill_rates = vec![SkillRate {
            skill: "design".into(),
            rate: 3_000,
        }];
    }
    equation.buckets.insert(
        0,
        Bucket {
            name: "network fee".into(),
            share_bp: 1_000,
            behaviour: Behaviour::Straight,
            kind: BucketKind::FixedShare { agent: network },
            window: None,
        },
    );
    equation
}

/// Peer `i`, a steward, adopts `equation` for `project`.
pub async fn set_equation(
    peers: &Peers,
    i: usize,
    project: &ActionHash,
    equation: ovn_integrity::ledger::value_equation::Equation,
) -> Record {
    let input = ledger::equations::SetValueEquationInput {
        project: project.clone(),
        equation,
    };
    peers.call(i, "ledger", "set_value_equation", input).await
}

pub fn income_input(project: &ActionHash, amount: u64) -> ledger::incomes::RecordIncomeInput {
    ledger::incomes::RecordIncomeInput {
        project: project.clone(),
        amount,
        source: ovn_domain::IncomeSource::Sale,
        description: "Sold three sensor kits".into(),
        evidence: vec!["invoice-2026-117".into()],
        received: None,
    }
}

/// Peer `i` records an income of `amount` minor units for `project`; its hash.
pub async fn record_income(
    peers: &Peers,
    i: usize,
    project: &ActionHash,
    amount: u64,
) -> ActionHash {
    let record: Record = peers
        .call(i, "ledger", "record_income", income_input(project, amount))
        .await;
    record.action_address().clone()
}

pub fn distribute_input(income: &ActionHash) -> ledger::distributions::DistributeInput {
    ledger::distributions::DistributeInput {
        income: income.clone(),
        cutoff: None,
    }
}

/// Peer `i` distributes an income it holds; the Distribution record.
pub async fn distribute(peers: &Peers, i: usize, income: &ActionHash) -> Record {
    peers
        .call(i, "ledger", "distribute", distribute_input(income))
        .await
}

/// What a distribution pays `agent` (0 if nothing).
pub fn payout_to(payouts: &[ovn_domain::Payout<AgentPubKey>], agent: &AgentPubKey) -> u64 {
    payouts
        .iter()
        .find(|p| &p.agent == agent)
        .map_or(0, |p| p.amount)
}

/// A shared printer's rules: members only, at most 4 hours a use, a deposit of 50.00, 5.00 an
/// hour, a condition report on return.
pub fn printer_rules() -> ovn_domain::UsageRules {
    ovn_domain::UsageRules {
        who: ovn_domain::Permitted::Members,
        max_minutes_per_use: 240,
        deposit: 5_000,
        fee_per_hour: 500,
        condition_report_required: true,
    }
}

pub fn resource_input(
    name: &str,
    regime: ovn_domain::PropertyRegime,
    project: Option<&ActionHash>,
) -> resources::resources::CreateResourceInput {
    resources::resources::CreateResourceInput {
        name: name.into(),
        specification: "Prusa-class FDM printer, 25 x 21 x 21 cm".into(),
        regime,
        rules: Some(printer_rules()),
        project: project.cloned(),
        location: "Sensorica lab, Montreal".into(),
        condition: "working".into(),
    }
}

/// Peer `i` creates a resource with the printer's rules; its hash.
pub async fn create_resource(
    peers: &Peers,
    i: usize,
    name: &str,
    regime: ovn_domain::PropertyRegime,
    project: Option<&ActionHash>,
) -> ActionHash {
    let input = resource_input(name, regime, project);
    let record: Record = peers.call(i, "resources", "create_resource", input).await;
    record.action_address().clone()
}

/// An offer of `resource` to peer `to`, custody only, open for the default week.
pub fn offer_input(
    peers: &Peers,
    resource: &ActionHash,
    to: usize,
) -> resources::custody::TransferCustodyInput {
    resources::custody::TransferCustodyInput {
        resource: resource.clone(),
        to: peers.agent(to),
        rights: None,
        condition_note: "nozzle clean, bed level".into(),
        open_days: None,
    }
}

/// Peer `i`, the custodian, offers `resource` to peer `to`; the transfer's hash.
pub async fn offer(peers: &Peers, i: usize, resource: &ActionHash, to: usize) -> ActionHash {
    let input = offer_input(peers, resource, to);
    let record: Record = peers.call(i, "resources", "transfer_custody", input).await;
    record.action_address().clone()
}

/// Peer `i` accepts a transfer offered to them; the acceptance's hash.
pub async fn accept(peers: &Peers, i: usize, transfer: &ActionHash) -> ActionHash {
    let input = resources::custody::AcceptCustodyInput {
        transfer: transfer.clone(),
        condition_note: "received working".into(),
    };
    let record: Record = peers.call(i, "resources", "accept_custody", input).await;
    record.action_address().clone()
}

/// A resource's custody as peer `i` sees it.
pub async fn custody_of(
    peers: &Peers,
    i: usize,
    resource: &ActionHash,
) -> resources::history::CustodyReport {
    peers
        .call(i, "resources", "get_custody_history", resource.clone())
        .await
}

/// A custody transfer entry for raw commits: custody only, no owner, open for a day.
pub fn raw_transfer(
    resource: &ActionHash,
    prev: &ActionHash,
    to: AgentPubKey,
    to_profile: &ActionHash,
) -> ovn_integrity::CustodyTransfer {
    ovn_integrity::CustodyTransfer {
        resource: resource.clone(),
        prev: prev.clone(),
        to,
        to_profile: to_profile.clone(),
        rights: ovn_domain::Rights::Custody,
        owner: None,
        condition_note: String::new(),
        expires: Timestamp::from_micros(Timestamp::now().as_micros() + 86_400_000_000),
        after_decline: None,
    }
}

/// A use entry for raw commits: `minutes` ending a minute ago, with `fee`, under the resource's
/// first custody state (its creation).
pub fn raw_use(
    resource: &ActionHash,
    user_profile: Option<&ActionHash>,
    minutes: i64,
    fee: u64,
) -> ovn_integrity::ResourceUse {
    let now = Timestamp::now().as_micros();
    let from = now - (minutes + 1) * 60_000_000;
    ovn_integrity::ResourceUse {
        resource: resource.clone(),
        user_profile: user_profile.cloned(),
        from: Timestamp::from_micros(from),
        until: Timestamp::from_micros(from + minutes * 60_000_000),
        fee,
        condition_report: "returned clean".into(),
        custody: resource.clone(),
        rules_version: None,
    }
}

/// Peer `i` attaches the catalogue license `name` to its resource; the attachment's hash.
pub async fn attach_license(
    peers: &Peers,
    i: usize,
    resource: &ActionHash,
    name: &str,
    derives_from: &[ActionHash],
) -> ActionHash {
    let input = licenses::catalogue::AttachLicenseInput {
        resource: resource.clone(),
        license: ovn_integrity::LicenseRef::Catalogue { name: name.into() },
        derives_from: derives_from.to_vec(),
    };
    let record: Record = peers.call(i, "licenses", "attach_license", input).await;
    record.action_address().clone()
}

pub fn license_request_input(
    resource: &ActionHash,
    outside_licensee: Option<&str>,
    category: ovn_domain::licenses::LicenseeCategory<ActionHash>,
) -> licenses::grants::RequestLicenseInput {
    licenses::grants::RequestLicenseInput {
        resource: resource.clone(),
        outside_licensee: outside_licensee.map(Into::into),
        category,
        usage: ovn_domain::licenses::Usage::default(),
        note: "Making spectrometers".into(),
    }
}

/// Peer `i` asks for a license to `resource`; the request and what the rule says is owed.
pub async fn request_license(
    peers: &Peers,
    i: usize,
    resource: &ActionHash,
    outside_licensee: Option<&str>,
    category: ovn_domain::licenses::LicenseeCategory<ActionHash>,
) -> licenses::grants::RequestedLicense {
    let input = license_request_input(resource, outside_licensee, category);
    peers.call(i, "licenses", "request_license", input).await
}

/// Peer `i`, the licensor, grants `request` (under `exception` if given); the grant's hash and
/// entry.
pub async fn grant_license(
    peers: &Peers,
    i: usize,
    request: &ActionHash,
    exception: Option<&ActionHash>,
) -> (ActionHash, ovn_integrity::LicenseGrant) {
    let input = licenses::grants::GrantLicenseInput {
        request: request.clone(),
        exception: exception.cloned(),
    };
    let record: Record = peers.call(i, "licenses", "grant_license", input).await;
    (record.action_address().clone(), entry(&record))
}
