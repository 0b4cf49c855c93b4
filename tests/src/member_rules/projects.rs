//! Projects: named, the creator their first steward among distinct stewards, under a project
//! of the same level or a higher one, never updated; changed, where decisions do not bind (this
//! world), by the stewards of the version in force.

use super::own_rules::only_the_stewards_in_force_change_governance_rules_where_decisions_do_not_bind;
use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use audit::findings::Found;
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
        rule!(only_the_stewards_in_force_change_a_project_where_decisions_do_not_bind),
        rule!(only_the_stewards_in_force_change_usage_rules_where_decisions_do_not_bind,
            needs: [only_the_stewards_in_force_change_a_project_where_decisions_do_not_bind]),
        rule!(only_the_stewards_in_force_change_governance_rules_where_decisions_do_not_bind,
            needs: [only_the_stewards_in_force_change_usage_rules_where_decisions_do_not_bind]),
        rule!(a_project_change_is_of_a_project_and_replaces_one_of_its_versions,
            needs: [only_the_stewards_in_force_change_a_project_where_decisions_do_not_bind]),
        rule!(a_project_version_is_indexed_by_its_author_under_its_project,
            needs: [only_the_stewards_in_force_change_a_project_where_decisions_do_not_bind]),
        rule!(a_forked_project_keeps_its_first_version_in_force_on_every_node,
            needs: [a_project_version_is_indexed_by_its_author_under_its_project]),
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

/// validate_create_project_version, rule 2, where decisions do not bind: bob, no steward, is
/// refused and rejected; alice makes him a second steward (version 2); bob, under version 2,
/// hands the project to himself alone (version 3); alice, whom it removed, is refused, and
/// rejected naming version 3.
pub async fn only_the_stewards_in_force_change_a_project_where_decisions_do_not_bind(w: &Members) {
    use members::changes::{ChangeProjectInput, ProjectInForce};
    use ovn_integrity::ProjectVersion;
    let peers = &w.peers;
    let change = |stewards: Vec<AgentPubKey>| ChangeProjectInput {
        project: w.project.clone(),
        purpose: "Spectra for every lab".into(),
        parent: None,
        stewards,
    };
    let version = |number: u32, replaces: Option<ActionHash>, stewards: Vec<AgentPubKey>| {
        AnyEntry::ProjectVersion(ProjectVersion {
            project: w.project.clone(),
            version: number,
            replaces,
            purpose: String::new(),
            parent: None,
            stewards,
            decision: None,
        })
    };
    let reason = "is not a steward of project";
    let grab = change(vec![w.bob.clone()]);
    refuses(peers, BOB, "members", "change_project", grab, reason).await;
    rejects(
        peers,
        BOB,
        "commit_entry_raw",
        version(2, None, vec![w.bob.clone()]),
        reason,
    )
    .await;
    let both = change(vec![w.alice.clone(), w.bob.clone()]);
    let two: Record = peers.call(ALICE, "members", "change_project", both).await;
    assert_eq!(entry::<ProjectVersion>(&two).version, 2);
    w.version_two.set(two.action_address().clone());
    peers.sync().await;
    let bobs = change(vec![w.bob.clone()]);
    let three: Record = peers.call(BOB, "members", "change_project", bobs).await;
    let three = three.action_address().clone();
    peers.sync().await;
    let now: ProjectInForce = peers
        .call(ALICE, "members", "get_project_in_force", w.project.clone())
        .await;
    assert_eq!((now.number, now.stewards), (3, vec![w.bob.clone()]));
    assert_eq!(now.purpose, "Spectra for every lab");
    let back = change(vec![w.alice.clone()]);
    refuses(peers, ALICE, "members", "change_project", back, reason).await;
    let raw = version(4, Some(three), vec![w.alice.clone()]);
    rejects(peers, ALICE, "commit_entry_raw", raw, reason).await;
}

/// validate_create_usage_rules_version, rules 2 and 3, where decisions do not bind: under
/// version 3 (bob alone stewards the project), bob registers a microscope; alice, whom it
/// removed, is refused changing its rules, and rejected naming version 3; bob changes them
/// twice (versions 2 and 3, each naming the project's version he acts under), and every node
/// holds the second in force; a change replacing nothing once there are versions is
/// misnumbered. The audit (`audit::rules`, `audit::stewards`) reports bob's side branch from
/// version 2 and alice's change naming the project's version 2, which listed her (valid:
/// validators cannot know version 3 replaced it).
pub async fn only_the_stewards_in_force_change_usage_rules_where_decisions_do_not_bind(
    w: &Members,
) {
    use ovn_domain::UsageRules;
    use ovn_integrity::UsageRulesVersion;
    use resources::rules::{ChangeUsageRulesInput, RulesInForce};
    let peers = &w.peers;
    let regime = ovn_domain::PropertyRegime::Commons;
    let scope = create_resource(peers, BOB, "Microscope", regime, Some(&w.project)).await;
    peers.sync().await;
    let hourly = |fee_per_hour: u64| UsageRules {
        fee_per_hour,
        ..printer_rules()
    };
    let change = |fee: u64| ChangeUsageRulesInput {
        resource: scope.clone(),
        rules: hourly(fee),
    };
    let now: members::changes::ProjectInForce = peers
        .call(BOB, "members", "get_project_in_force", w.project.clone())
        .await;
    let reason = "is not a steward of project";
    refuses(
        peers,
        ALICE,
        "resources",
        "change_usage_rules",
        change(0),
        reason,
    )
    .await;
    let raw = |version: u32, project_version: Option<ActionHash>| {
        AnyEntry::UsageRulesVersion(UsageRulesVersion {
            resource: scope.clone(),
            version,
            replaces: None,
            rules: hourly(0),
            decision: None,
            project_version,
        })
    };
    rejects(
        peers,
        ALICE,
        "commit_entry_raw",
        raw(2, now.version.clone()),
        reason,
    )
    .await;
    let two: Record = peers
        .call(BOB, "resources", "change_usage_rules", change(300))
        .await;
    let made = entry::<UsageRulesVersion>(&two);
    assert_eq!((made.version, made.replaces), (2, None));
    assert_eq!(made.project_version, now.version);
    let three: Record = peers
        .call(BOB, "resources", "change_usage_rules", change(400))
        .await;
    let made = entry::<UsageRulesVersion>(&three);
    assert_eq!(made.version, 3);
    assert_eq!(made.replaces.as_ref(), Some(two.action_address()));
    peers.sync().await;
    for i in [ALICE, BOB] {
        let held: RulesInForce = peers
            .call(i, "resources", "get_usage_rules_in_force", scope.clone())
            .await;
        assert_eq!(held.number, 3, "peer {i}");
        assert_eq!(held.version.as_ref(), Some(three.action_address()));
        assert_eq!(held.rules, hourly(400), "peer {i}");
    }
    let reason = "must be version 2, not 4";
    rejects(
        peers,
        BOB,
        "commit_entry_raw",
        raw(4, now.version.clone()),
        reason,
    )
    .await;

    let after = |replaces: &Record, version: u32, project_version: &ActionHash| {
        AnyEntry::UsageRulesVersion(UsageRulesVersion {
            replaces: Some(replaces.action_address().clone()),
            version,
            project_version: Some(project_version.clone()),
            ..entry::<UsageRulesVersion>(replaces)
        })
    };
    let project_three = now.version.clone().expect("project version 3");
    let branch = commit(
        peers,
        BOB,
        "commit_entry_raw",
        after(&two, 3, &project_three),
    )
    .await;
    let branch = branch.expect("bob's side branch is valid");
    let removed = after(&three, 4, w.version_two.get());
    let removed = commit(peers, ALICE, "commit_entry_raw", removed).await;
    let removed = removed.expect("alice's change under version 2 is valid");
    peers.sync().await;
    let audit = |i: usize| async move {
        let report: audit::report::AuditReport = peers
            .call(ALICE, "audit", "audit_agent", peers.agent(i))
            .await;
        report
    };
    let bobs = audit(BOB).await;
    let side = Found::UsageRulesNotInForce {
        resource: scope.clone(),
        named: Some(two.action_address().clone()),
        in_force: Some(three.action_address().clone()),
    };
    let about: Vec<_> = bobs
        .findings
        .iter()
        .filter(|f| f.record == branch)
        .collect();
    assert_eq!(about.len(), 1, "{bobs:#?}");
    assert_eq!(about[0].found, side);
    let alices = audit(ALICE).await;
    let not_steward = Found::NotStewardInForce {
        project: w.project.clone(),
        in_force: now.version,
    };
    let about: Vec<_> = alices
        .findings
        .iter()
        .filter(|f| f.record == removed)
        .collect();
    assert_eq!(about.len(), 1, "{alices:#?}");
    assert_eq!(about[0].found, not_steward);
}

/// validate_create_project_version, rule 3, and validate_create_proposal, rule 3 (its project
/// version): a change of something that is no Project; a change of alice's other project
/// replacing a version of this one (she stewards that version); a proposal naming a Project
/// as its project version.
pub async fn a_project_change_is_of_a_project_and_replaces_one_of_its_versions(w: &Members) {
    use ovn_integrity::{Change, ProjectVersion, Proposal};
    let peers = &w.peers;
    let change = |project: &ActionHash, replaces: Option<ActionHash>| {
        AnyEntry::ProjectVersion(ProjectVersion {
            project: project.clone(),
            version: 2,
            replaces,
            purpose: String::new(),
            parent: None,
            stewards: vec![w.alice.clone()],
            decision: None,
        })
    };
    let profile = change(&w.bobs_profile, None);
    let reason = format!("{} is not a Project", w.bobs_profile);
    rejects(peers, ALICE, "commit_entry_raw", profile, &reason).await;
    let elsewhere = create_project(peers, ALICE, "Elsewhere").await;
    let two = w.version_two.get().clone();
    let crossed = change(&elsewhere, Some(two.clone()));
    let reason = format!(
        "{two} is a version of project {}, not of {elsewhere}",
        w.project
    );
    rejects(peers, ALICE, "commit_entry_raw", crossed, &reason).await;
    commit(peers, ALICE, "commit_entry_raw", change(&elsewhere, None))
        .await
        .expect("alice changes her own other project");
    let named = Proposal {
        project: w.project.clone(),
        title: "Meet on Thursdays".into(),
        text: String::new(),
        change: Change::Motion,
        // Four days: this world's constitution keeps a proposal open at least three.
        closes: Timestamp::from_micros(Timestamp::now().as_micros() + 4 * 86_400_000_000),
        settlements: vec![],
        equation: None,
        project_version: Some(w.project.clone()),
        governance_rules: None,
    };
    let reason = format!("{} is not a ProjectVersion", w.project);
    rejects(
        peers,
        ALICE,
        "commit_entry_raw",
        AnyEntry::Proposal(named),
        &reason,
    )
    .await;
}

/// validate_create_link_project_to_versions, rules 1 and 2: bob's version 3, which alice may
/// not index, nor bob under anything but its project.
pub async fn a_project_version_is_indexed_by_its_author_under_its_project(w: &Members) {
    let peers = &w.peers;
    let now: members::changes::ProjectInForce = peers
        .call(BOB, "members", "get_project_in_force", w.project.clone())
        .await;
    let three = now.version.expect("bob's version 3");
    let kind = "ProjectToVersions";
    let link = || raw_link(w.project.clone(), three.clone(), kind, "");
    let reason = format!("{three} is not {}'s project version", w.alice);
    rejects(peers, ALICE, "create_link_raw", link(), &reason).await;
    let astray = raw_link(w.bobs_profile.clone(), three.clone(), kind, "");
    let reason = format!("{three} does not belong under {}", w.bobs_profile);
    rejects(peers, BOB, "create_link_raw", astray, &reason).await;
    commit(peers, BOB, "create_link_raw", link())
        .await
        .expect("bob indexes his own version under its project");
}

/// The version in force (`ovn_domain::members::versions::chained_in_force`): alice, whom
/// version 3 removed but version 2 lists, builds a longer side branch from version 2 (3′ and
/// 4′, raw and indexed, both valid); bob, steward of version 3, makes two version 4s (the
/// second raw and indexed), both valid. Every node holds bob's first version 4 in force and
/// names his second its rival, never alice's branch, which the audit reports; alice, a
/// steward of the version in force, changes the project again from it (version 5).
pub async fn a_forked_project_keeps_its_first_version_in_force_on_every_node(w: &Members) {
    use members::changes::{ChangeProjectInput, ProjectInForce};
    use ovn_integrity::ProjectVersion;
    let peers = &w.peers;
    let read = |i: usize| async move {
        let now: ProjectInForce = peers
            .call(i, "members", "get_project_in_force", w.project.clone())
            .await;
        now
    };
    let three = read(BOB).await.version.expect("bob's version 3");
    let side = |version: u32, replaces: &ActionHash| {
        AnyEntry::ProjectVersion(ProjectVersion {
            project: w.project.clone(),
            version,
            replaces: Some(replaces.clone()),
            purpose: String::new(),
            parent: None,
            stewards: vec![w.alice.clone()],
            decision: None,
        })
    };
    let mut branch = vec![];
    for version in [3, 4] {
        let replaces = branch.last().unwrap_or(w.version_two.get()).clone();
        let made = commit(peers, ALICE, "commit_entry_raw", side(version, &replaces))
            .await
            .expect("alice stewards what her branch replaces");
        let link = raw_link(w.project.clone(), made.clone(), "ProjectToVersions", "");
        commit(peers, ALICE, "create_link_raw", link)
            .await
            .expect("alice indexes her branch");
        branch.push(made);
    }
    let change = |stewards: Vec<AgentPubKey>| ChangeProjectInput {
        project: w.project.clone(),
        purpose: String::new(),
        parent: None,
        stewards,
    };
    let first = change(vec![w.bob.clone(), w.alice.clone()]);
    let first: Record = peers.call(BOB, "members", "change_project", first).await;
    let first = first.action_address().clone();
    let rival = AnyEntry::ProjectVersion(ProjectVersion {
        project: w.project.clone(),
        version: 4,
        replaces: Some(three.clone()),
        purpose: String::new(),
        parent: None,
        stewards: vec![w.bob.clone()],
        decision: None,
    });
    let rival = commit(peers, BOB, "commit_entry_raw", rival)
        .await
        .expect("bob stewards version 3");
    let link = raw_link(w.project.clone(), rival.clone(), "ProjectToVersions", "");
    commit(peers, BOB, "create_link_raw", link)
        .await
        .expect("bob indexes his rival");
    peers.sync().await;
    for i in [ALICE, BOB] {
        let now = read(i).await;
        assert_eq!(now.number, 4, "node {i}");
        assert_eq!(now.version.as_ref(), Some(&first), "node {i}");
        assert_eq!(now.rivals, vec![rival.clone()], "node {i}");
    }
    let report: audit::report::AuditReport = peers
        .call(BOB, "audit", "audit_agent", w.alice.clone())
        .await;
    let side_branch = Found::ProjectVersionNotInForce {
        named: Some(w.version_two.get().clone()),
        in_force: Some(three.clone()),
    };
    let about = report.findings.iter().filter(|f| f.record == branch[0]);
    assert_eq!(
        about.map(|f| &f.found).collect::<Vec<_>>(),
        vec![&side_branch]
    );
    let again = change(vec![w.alice.clone()]);
    let five: Record = peers.call(ALICE, "members", "change_project", again).await;
    let five = entry::<ProjectVersion>(&five);
    assert_eq!((five.version, five.replaces), (5, Some(first)));
}
