//! Contributions: logged by their contributor, bounded, dated, of a project, indexed by project
//! month and by agent. (The other contribution and accounting index rules, one function each:
//! `accounting_rules`.)

use crate::bad_input::value_of;
use crate::common::*;
use contributions::contributions::GetContributionsForProjectInput;
use contributions::endorsements::ContributionStatusReport;
use holochain::prelude::*;
use ovn_domain::{ContributionKind, Period};
use ovn_integrity::Contribution;

fn month_of(record: &Record) -> String {
    let c: Contribution = entry(record);
    c.period().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn alice_logs_a_contribution_and_bob_sees_it_by_month_and_by_agent() {
    let peers = Peers::honest(2).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let logged = log_work(&peers, 0, &project, 90).await;
    let mut last_year = log_input(&project, work(30));
    let year_ago = Timestamp::now().as_micros() - 366 * 86_400_000_000;
    last_year.when = Some(Timestamp::from_micros(year_ago));
    let older: Record = peers
        .call(0, "contributions", "log_contribution", last_year)
        .await;
    peers.sync().await;

    let this_month = GetContributionsForProjectInput {
        project: project.clone(),
        period: month_of(&logged),
    };
    let listed: Vec<Record> = peers
        .call(
            1,
            "contributions",
            "get_contributions_for_project",
            this_month,
        )
        .await;
    assert_eq!(listed.len(), 1, "a month's listing holds only that month");
    assert_eq!(listed[0].action_address(), logged.action_address());
    let c: Contribution = entry(&listed[0]);
    assert_eq!((c.contributor, c.kind), (peers.agent(0), work(90)));

    let periods: Vec<String> = peers
        .call(1, "contributions", "get_periods_for_project", project)
        .await;
    assert_eq!(periods, vec![month_of(&older), month_of(&logged)]);
    let by_agent: Vec<Record> = peers
        .call(
            1,
            "contributions",
            "get_contributions_for_agent",
            peers.agent(0),
        )
        .await;
    assert_eq!(by_agent.len(), 2);
    assert_eq!(Period::of_micros(year_ago).to_string(), month_of(&older));
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_quantities_are_refused_and_rejected_and_nothing_is_written() {
    let peers = Peers::honest(1).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    for (kind, reason) in [
        (work(25 * 60), "the limit is 1440"),
        (work(0), "minutes must be positive"),
        (
            ContributionKind::Financial { amount: 0 },
            "amount must be positive",
        ),
    ] {
        let input = log_input(&project, kind);
        let refused = peers
            .try_call::<_, Record>(0, "contributions", "log_contribution", input)
            .await;
        assert_refused(refused, reason);
    }
    let mine: Vec<Record> = peers
        .call(
            0,
            "contributions",
            "get_contributions_for_agent",
            peers.agent(0),
        )
        .await;
    assert!(mine.is_empty(), "a refused contribution writes nothing");

    let overlong = raw_contribution(peers.agent(0), &project, 24 * 60 + 1);
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_contribution", overlong)
        .await;
    assert_invalid_commit(rejected, "the limit is 1440");
    let day = raw_contribution(peers.agent(0), &project, 24 * 60);
    let _: ActionHash = peers.call(0, "hostile", "commit_contribution", day).await;
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn alice_cannot_log_a_contribution_for_bob() {
    let peers = Peers::honest(2).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let for_bob = raw_contribution(peers.agent(1), &project, 60);
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_contribution", for_bob)
        .await;
    assert_invalid_commit(rejected, "the author is the contributor");
    peers.shutdown().await;
}

/// A write naming a project that is not there, or a hash of something else, is refused naming
/// what the hash is; the reads answer alike: nothing for an unknown hash, and the same "is a
/// Profile, not a Project" for a hash of another kind, never another record or a default.
#[tokio::test(flavor = "multi_thread")]
async fn a_missing_project_or_something_else_is_named_alike_by_writes_and_reads() {
    let peers = Peers::honest(1).await;
    let nowhere = ActionHash::from_raw_36(vec![7; 36]);
    let refused = peers
        .try_call::<_, Record>(
            0,
            "contributions",
            "log_contribution",
            log_input(&nowhere, work(60)),
        )
        .await;
    assert_refused(refused, &format!("Project {nowhere} not found"));

    let profile = create_profile(&peers, 0, "alice").await;
    let not_a_project = profile.action_address().clone();
    let is_a_profile = format!("{not_a_project} is a Profile, not a Project");
    let refused = peers
        .try_call::<_, Record>(
            0,
            "contributions",
            "log_contribution",
            log_input(&not_a_project, work(60)),
        )
        .await;
    assert_refused(refused, &is_a_profile);
    let raw = raw_contribution(peers.agent(0), &not_a_project, 60);
    let rejected = peers
        .try_call::<_, ActionHash>(0, "hostile", "commit_contribution", raw)
        .await;
    assert_invalid_commit(rejected, "is not a Project");

    let project = create_project(&peers, 0, "Spectrometer").await;
    let read = |zome: &'static str, function: &'static str, hash: &ActionHash| {
        peers.try_call::<_, Option<Record>>(0, zome, function, hash.clone())
    };
    assert_refused(
        read("members", "get_project", &not_a_project).await,
        &is_a_profile,
    );
    let unknown = read("members", "get_project", &nowhere).await;
    assert!(matches!(unknown, Ok(None)), "an unknown hash: {unknown:?}");
    let found = read("members", "get_project", &project).await;
    assert!(matches!(&found, Ok(Some(r)) if r.action_address() == &project));
    let is_a_project = format!("{project} is a Project, not a Resource");
    assert_refused(
        read("resources", "get_resource", &project).await,
        &is_a_project,
    );
    let equation = peers
        .try_call::<_, ledger::equations::CurrentEquation>(
            0,
            "ledger",
            "get_value_equation",
            nowhere.clone(),
        )
        .await;
    assert_refused(equation, &format!("Project {nowhere} not found"));
    let status = peers
        .try_call::<_, ContributionStatusReport>(
            0,
            "contributions",
            "get_contribution_status",
            project.clone(),
        )
        .await;
    assert_refused(status, "is a Project, not a Contribution");

    // Listings under a hash say the same instead of an empty list.
    let in_month = |hash: &ActionHash| {
        rmpv::Value::Map(vec![
            ("project".into(), value_of(hash)),
            ("period".into(), "2026-01".into()),
        ])
    };
    let listings: [(&str, &str, &str, bool); 13] = [
        (
            "contributions",
            "get_contributions_for_project",
            "Project",
            true,
        ),
        ("contributions", "get_periods_for_project", "Project", false),
        ("ledger", "get_distributions_for_project", "Project", false),
        ("ledger", "get_incomes_for_project", "Project", false),
        ("ledger", "get_payment_receipts", "Distribution", false),
        ("resources", "get_resources_for_project", "Project", false),
        ("resources", "get_uses", "Resource", false),
        ("resources", "get_custody_requests", "Resource", false),
        ("licenses", "get_license_catalogue", "Project", false),
        ("licenses", "get_license_of", "Resource", false),
        ("licenses", "get_license_requests", "Resource", false),
        ("licenses", "get_grants_for_resource", "Resource", false),
        ("licenses", "get_exceptions", "LicenseRequest", false),
    ];
    for (zome, function, kind, monthly) in listings {
        for (hash, names) in [
            (&nowhere, format!("{kind} {nowhere} not found")),
            (
                &not_a_project,
                format!("{not_a_project} is a Profile, not a"),
            ),
        ] {
            let payload = if monthly {
                in_month(hash)
            } else {
                value_of(hash)
            };
            let answer = peers
                .try_call::<_, rmpv::Value>(0, zome, function, payload)
                .await;
            assert_refused(answer, &names);
        }
    }
    // A project without income: an empty listing, not an error.
    let incomes: Vec<Record> = peers
        .call(0, "ledger", "get_incomes_for_project", project.clone())
        .await;
    assert!(incomes.is_empty(), "{incomes:?}");
    peers.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_contribution_dated_before_2000_or_in_the_future_is_refused_and_rejected() {
    let peers = Peers::honest(1).await;
    let project = create_project(&peers, 0, "Spectrometer").await;
    let tomorrow = Timestamp::from_micros(Timestamp::now().as_micros() + 86_400_000_000);
    let after_1970 = Timestamp::from_micros(1);
    for (when, reason) in [
        (tomorrow, "beyond the allowed clock skew"),
        (after_1970, "dated 1970-01-01, before 2000-01-01"),
    ] {
        let mut input = log_input(&project, work(60));
        input.when = Some(when);
        let refused = peers
            .try_call::<_, Record>(0, "contributions", "log_contribution", input)
            .await;
        assert_refused(refused, reason);
        let mut raw = raw_contribution(peers.agent(0), &project, 60);
        raw.when = when;
        let rejected = peers
            .try_call::<_, ActionHash>(0, "hostile", "commit_contribution", raw)
            .await;
        assert_invalid_commit(rejected, reason);
    }
    peers.shutdown().await;
}
