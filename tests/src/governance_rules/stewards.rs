//! A project's stewards change by decision: a ProjectVersion carries out a passed decision on
//! a proposal to change exactly that, against the version then in force; its stewards then act
//! for the project, naming it, and those it removed no longer do (refused by the coordinators,
//! rejected where they name it, reported by the audit where they name an older one). Last in
//! the world: alice hands the project to bob.

use super::votes::vote_input;
use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use audit::findings::Found;
use holochain::prelude::*;
use hostile::AnyEntry;
use members::changes::{ChangeProjectInput, ProjectInForce};
use ovn_domain::governance::tally::Choice;
use ovn_domain::PropertyRegime;
use ovn_integrity::{Change, Decision, ProjectVersion, Proposal, Resource};

pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(a_project_change_keeps_a_steward_and_a_parent_above_it,
            needs: [a_decision_states_the_tally_of_what_it_names_after_the_close]),
        rule!(a_project_changes_only_on_the_passed_decision_naming_it,
            needs: [a_project_change_keeps_a_steward_and_a_parent_above_it,
                a_decision_on_a_packed_electorate_is_not_carried_out]),
        rule!(stewards_act_under_the_version_they_name_and_the_audit_reports_a_replaced_one,
            needs: [a_project_changes_only_on_the_passed_decision_naming_it]),
        rule!(a_removed_stewards_decision_is_not_carried_out_and_the_audit_reports_it,
            needs: [stewards_act_under_the_version_they_name_and_the_audit_reports_a_replaced_one]),
    ]
}

/// The change alice proposes: bob alone stewards the project, for an open lab.
fn to_bob(w: &World) -> Change {
    Change::Project {
        purpose: "An open lab".into(),
        parent: None,
        stewards: vec![w.peers.agent(BOB)],
    }
}

/// A change of a project to `stewards` under `parent`, with no purpose.
fn change_to(parent: Option<ActionHash>, stewards: Vec<AgentPubKey>) -> Change {
    Change::Project {
        purpose: String::new(),
        parent,
        stewards,
    }
}

/// A proposal in `w`'s project to make `change`, as committed raw.
fn raw_proposal(w: &World, change: Change) -> Proposal {
    Proposal {
        change,
        ..w.proposal()
    }
}

/// validate_create_project_version and validate_create_proposal, rule 1: a project keeps a
/// steward, each named once; it is not its own parent, nor under a project of a lower level
/// (carol's "Elsewhere" is a Project; a Network's parent must be a Network).
pub async fn a_project_change_keeps_a_steward_and_a_parent_above_it(w: &World) {
    let peers = &w.peers;
    let nobody = change_to(None, vec![]);
    let reason = "a project keeps at least one steward";
    let input = proposal_input(&w.project, nobody.clone(), 20);
    refuses(peers, ALICE, "governance", "open_proposal", input, reason).await;
    rejects_raw(
        peers,
        ALICE,
        AnyEntry::Proposal(raw_proposal(w, nobody)),
        reason,
    )
    .await;
    let twice = change_to(None, vec![peers.agent(BOB), peers.agent(BOB)]);
    let reason = "steward #2";
    rejects_raw(
        peers,
        ALICE,
        AnyEntry::Proposal(raw_proposal(w, twice)),
        reason,
    )
    .await;
    let own_parent = change_to(Some(w.project.clone()), vec![peers.agent(ALICE)]);
    let reason = "cannot be its own parent";
    let input = proposal_input(&w.project, own_parent.clone(), 20);
    refuses(peers, ALICE, "governance", "open_proposal", input, reason).await;
    let version = ProjectVersion {
        project: w.project.clone(),
        version: 2,
        replaces: None,
        purpose: String::new(),
        parent: Some(w.project.clone()),
        stewards: vec![peers.agent(ALICE)],
        decision: None,
    };
    rejects_raw(peers, ALICE, AnyEntry::ProjectVersion(version), reason).await;
    let network: Record = peers
        .call(
            CAROL,
            "members",
            "create_project",
            members::projects::CreateProjectInput {
                name: "Federation".into(),
                purpose: String::new(),
                level: ovn_domain::ProjectLevel::Network,
                parent: None,
                co_stewards: vec![],
            },
        )
        .await;
    peers.sync().await;
    let under_lower = change_to(Some(w.elsewhere.clone()), vec![peers.agent(CAROL)]);
    let astray = Proposal {
        project: network.action_address().clone(),
        settlements: vec![],
        equation: None,
        ..raw_proposal(w, under_lower)
    };
    let reason = "a Network project cannot sit under a Project project";
    rejects_raw(peers, CAROL, AnyEntry::Proposal(astray), reason).await;
    let fine = proposal_input(&w.project, to_bob(w), 20);
    let _: Record = peers.call(ALICE, "governance", "open_proposal", fine).await;
}

/// validate_create_project_version, rules 2 and 3, where decisions bind: alice, the only
/// steward, cannot change the project alone; she proposes handing it to bob, both vote for it
/// (two thirds of the contributors decide a project change), and carol, a member, carries
/// the decision out, once, as version 2; a version stating another change than the decision,
/// or misnumbered, is rejected.
pub async fn a_project_changes_only_on_the_passed_decision_naming_it(w: &World) {
    let peers = &w.peers;
    let alone = ChangeProjectInput {
        project: w.project.clone(),
        purpose: "An open lab".into(),
        parent: None,
        stewards: vec![peers.agent(BOB)],
    };
    let reason = "adopts a project change only by a decision";
    refuses(peers, ALICE, "members", "change_project", alone, reason).await;
    let version = |stewards: Vec<AgentPubKey>, number: u32, decision: Option<ActionHash>| {
        AnyEntry::ProjectVersion(ProjectVersion {
            project: w.project.clone(),
            version: number,
            replaces: None,
            purpose: "An open lab".into(),
            parent: None,
            stewards,
            decision,
        })
    };
    rejects_raw(
        peers,
        ALICE,
        version(vec![peers.agent(BOB)], 2, None),
        reason,
    )
    .await;

    let decision = passed(w, ALICE, to_bob(w)).await;

    let other = version(vec![peers.agent(CAROL)], 2, Some(decision.clone()));
    rejects_raw(peers, CAROL, other, "decided another change").await;
    let misnumbered = version(vec![peers.agent(BOB)], 3, Some(decision.clone()));
    rejects_raw(peers, CAROL, misnumbered, "must be version 2").await;
    let changed: Record = peers
        .call(CAROL, "members", "change_decided_project", decision.clone())
        .await;
    assert_eq!(entry::<ProjectVersion>(&changed).version, 2);
    let reason = "was already carried out";
    let again = decision.clone();
    refuses(
        peers,
        CAROL,
        "members",
        "change_decided_project",
        again,
        reason,
    )
    .await;
    peers.sync().await;
    let now: ProjectInForce = peers
        .call(ALICE, "members", "get_project_in_force", w.project.clone())
        .await;
    assert_eq!(now.number, 2);
    assert_eq!(now.version.as_ref(), Some(changed.action_address()));
    assert_eq!(now.stewards, vec![peers.agent(BOB)]);
    assert_eq!(now.decision, Some(decision));
    assert_eq!(now.purpose, "An open lab");
}

/// steward_of with a version (validate_create_resource, rule 3, and every act only stewards
/// make): bob registers a resource under version 2; alice, whom it removed, is refused, and
/// rejected naming version 2 or a version of another project; naming the project as created
/// she is accepted (validators cannot know it was replaced), and the audit reports it.
pub async fn stewards_act_under_the_version_they_name_and_the_audit_reports_a_replaced_one(
    w: &World,
) {
    let peers = &w.peers;
    let project = Some(&w.project);
    let bobs = create_resource(peers, BOB, "Lab bench", PropertyRegime::Commons, project).await;
    let record: Option<Record> = peers.call(BOB, "resources", "get_resource", bobs).await;
    let record = record.expect("bob's resource");
    let registered = entry::<Resource>(&record);
    let now: ProjectInForce = peers
        .call(BOB, "members", "get_project_in_force", w.project.clone())
        .await;
    assert_eq!(registered.project_version, now.version);
    let input = resource_input("Alice's bench", PropertyRegime::Commons, project);
    let reason = "is not a steward of project";
    refuses(peers, ALICE, "resources", "create_resource", input, reason).await;
    let named = |project_version: Option<ActionHash>| {
        AnyEntry::Resource(Resource {
            project_version,
            ..registered.clone()
        })
    };
    rejects_raw(peers, ALICE, named(now.version.clone()), reason).await;
    let astray = Some(w.project.clone());
    rejects_raw(peers, ALICE, named(astray), "is not a ProjectVersion").await;
    let stale = commit_raw(peers, ALICE, named(None)).await;
    peers.sync().await;
    let report: audit::report::AuditReport = peers
        .call(BOB, "audit", "audit_agent", peers.agent(ALICE))
        .await;
    let about = found_about(&report, &stale);
    let not_steward = Found::NotStewardInForce {
        project: w.project.clone(),
        in_force: now.version.clone(),
    };
    assert_eq!(about, vec![&not_steward], "{report:#?}");
    let stewards_acts = report.findings.iter();
    let not_in_force = stewards_acts.filter(|f| matches!(f.found, Found::NotStewardInForce { .. }));
    assert_eq!(
        not_in_force.count(),
        1,
        "alice's earlier resources were made while she stewarded: {report:#?}"
    );
    let update = hostile::UpdateEntryRaw {
        original: now.version.clone().expect("version 2"),
        entry: AnyEntry::ProjectVersion(ProjectVersion {
            project: w.project.clone(),
            version: 2,
            replaces: None,
            purpose: String::new(),
            parent: None,
            stewards: vec![peers.agent(ALICE)],
            decision: None,
        }),
    };
    let reason = "project versions cannot be updated";
    rejects(peers, BOB, "update_entry_raw", update, reason).await;
}

/// check_stands and the audit, where stewards decide (a license exception, by default): alice,
/// whom version 2 removed, opens a proposal naming the project as created, whose only steward
/// she was, to exempt carol's request on bob's bench, and consents alone. Validators accept it
/// (they cannot know the version was replaced) and the decision passes; nobody honest carries
/// it out, and the audit reports the proposal.
pub async fn a_removed_stewards_decision_is_not_carried_out_and_the_audit_reports_it(w: &World) {
    use ovn_domain::licenses::LicenseeCategory;
    use ovn_integrity::Category;
    let peers = &w.peers;
    let benches: Vec<Record> = peers
        .call(
            BOB,
            "resources",
            "get_resources_for_project",
            w.project.clone(),
        )
        .await;
    let bench = benches
        .iter()
        .find(|r| entry::<Resource>(r).name == "Lab bench")
        .expect("bob's bench")
        .action_address()
        .clone();
    attach_license(peers, BOB, &bench, "CBRL-1.0", &[]).await;
    peers.sync().await;
    let asked = request_license(peers, CAROL, &bench, None, LicenseeCategory::ForProfit).await;
    let request = asked.request.action_address().clone();
    peers.sync().await;
    let exempt = Change::Exception {
        request,
        category: Category::NonProfit,
        fee: 0,
        reason: "Carol's lab shares its results".into(),
    };
    let stale = Proposal {
        closes: in_secs(i64::from(MIN_WINDOW_SECS) + 4),
        project_version: None,
        ..raw_proposal(w, exempt)
    };
    let closes = stale.closes;
    let stale = commit_raw(peers, ALICE, AnyEntry::Proposal(stale)).await;
    let yes = vote_input(&stale, Choice::Yes);
    let _: Record = peers.call(ALICE, "governance", "cast_vote", yes).await;
    peers.sync().await;
    await_time_after(closes).await;
    let decided: Record = peers
        .call(CAROL, "governance", "decide", stale.clone())
        .await;
    assert!(entry::<Decision>(&decided).tally.passed(), "{decided:?}");
    peers.sync().await;
    let decision = decided.action_address().clone();
    let reason = "names other stewards than the project's version in force when it opened";
    refuses(
        peers,
        CAROL,
        "licenses",
        "adopt_decided_exception",
        decision,
        reason,
    )
    .await;
    let report: audit::report::AuditReport = peers
        .call(BOB, "audit", "audit_agent", peers.agent(ALICE))
        .await;
    let now: ProjectInForce = peers
        .call(BOB, "members", "get_project_in_force", w.project.clone())
        .await;
    let stale_version = Found::ProjectVersionNotInForce {
        named: None,
        in_force: now.version,
    };
    let about = found_about(&report, &stale);
    assert!(about.contains(&&stale_version), "{report:#?}");
}
