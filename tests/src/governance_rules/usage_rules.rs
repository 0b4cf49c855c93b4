//! A project resource's usage rules change by decision: a UsageRulesVersion carries out a
//! passed decision on a proposal to change exactly those rules, replacing the version then in
//! force; a use names the version it was charged under, and the audit reports one naming rules
//! no longer in force. After the stewards' rules: bob stewards the project and its lab bench
//! (the printer's rules: members, 5.00 an hour, up to four hours).

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use audit::findings::Found;
use holochain::prelude::*;
use hostile::AnyEntry;
use ovn_domain::{Permitted, PropertyRegime, UsageRules};
use ovn_integrity::{Change, Proposal, Resource, ResourceUse, UsageRulesVersion};
use resources::rules::{ChangeUsageRulesInput, RulesInForce};

pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(a_usage_rule_change_is_of_a_projects_resource_and_well_formed,
            needs: [stewards_act_under_the_version_they_name_and_the_audit_reports_a_replaced_one]),
        rule!(usage_rules_change_only_on_the_passed_decision_naming_them,
            needs: [a_usage_rule_change_is_of_a_projects_resource_and_well_formed]),
        rule!(a_use_pays_what_the_rules_it_names_charge_and_the_audit_reports_stale_ones,
            needs: [usage_rules_change_only_on_the_passed_decision_naming_them]),
    ]
}

/// What the bench's users propose: anyone, 12.00 an hour, up to two hours.
fn paid() -> UsageRules {
    UsageRules {
        who: Permitted::Anyone,
        max_minutes_per_use: 120,
        fee_per_hour: 1_200,
        ..UsageRules::default()
    }
}

/// bob's lab bench, registered under the project in the stewards' rules.
async fn bench(w: &World) -> ActionHash {
    by_name(w, "Lab bench").await
}

/// The resource called `name`.
async fn by_name(w: &World, name: &str) -> ActionHash {
    let found: Vec<Record> = w
        .peers
        .call(BOB, "resources", "get_all_resources", ())
        .await;
    let named = found.iter().find(|r| entry::<Resource>(r).name == name);
    named.expect(name).action_address().clone()
}

fn to_rules(resource: &ActionHash, rules: UsageRules, replaces: Option<ActionHash>) -> Change {
    Change::UsageRules {
        resource: resource.clone(),
        rules,
        replaces,
    }
}

/// A usage-rule change of `resource` as committed raw, numbered `version`.
fn raw_version(
    resource: &ActionHash,
    rules: UsageRules,
    version: u32,
    decision: Option<ActionHash>,
) -> AnyEntry {
    AnyEntry::UsageRulesVersion(UsageRulesVersion {
        resource: resource.clone(),
        version,
        replaces: None,
        rules,
        decision,
        project_version: None,
    })
}

/// A proposal in `w`'s project to make `change`, as committed raw.
fn raw_proposal(w: &World, change: Change) -> AnyEntry {
    AnyEntry::Proposal(Proposal {
        change,
        ..w.proposal()
    })
}

/// validate_create_usage_rules_version and validate_create_proposal, rule 1: rules that allow
/// no use, a resource of no project, another project's resource, or a "version" that is a
/// project's are refused by the coordinator and rejected raw.
pub async fn a_usage_rule_change_is_of_a_projects_resource_and_well_formed(w: &World) {
    let peers = &w.peers;
    let bench = bench(w).await;
    let never = UsageRules {
        max_minutes_per_use: 0,
        ..paid()
    };
    let reason = "max_minutes_per_use must be positive";
    let input = proposal_input(&w.project, to_rules(&bench, never.clone(), None), 20);
    refuses(peers, BOB, "governance", "open_proposal", input, reason).await;
    let proposal = raw_proposal(w, to_rules(&bench, never.clone(), None));
    rejects_raw(peers, BOB, proposal, reason).await;
    rejects_raw(peers, BOB, raw_version(&bench, never, 2, None), reason).await;

    let commons = PropertyRegime::Commons;
    let ladder = create_resource(peers, CAROL, "Ladder", commons, None).await;
    let kiln = create_resource(peers, CAROL, "Kiln", commons, Some(&w.elsewhere)).await;
    peers.sync().await;
    let reason = "is of no project";
    let input = proposal_input(&w.project, to_rules(&ladder, paid(), None), 20);
    refuses(peers, BOB, "governance", "open_proposal", input, reason).await;
    rejects_raw(peers, CAROL, raw_version(&ladder, paid(), 2, None), reason).await;
    let reason = "its own project decides its usage rules";
    let input = proposal_input(&w.project, to_rules(&kiln, paid(), None), 20);
    refuses(peers, BOB, "governance", "open_proposal", input, reason).await;
    let proposal = raw_proposal(w, to_rules(&kiln, paid(), None));
    rejects_raw(peers, BOB, proposal, reason).await;
    let now: members::changes::ProjectInForce = peers
        .call(BOB, "members", "get_project_in_force", w.project.clone())
        .await;
    let project_version = now.version.expect("version 2");
    let astray = to_rules(&bench, paid(), Some(project_version));
    let reason = "is not a UsageRulesVersion";
    rejects_raw(peers, BOB, raw_proposal(w, astray), reason).await;
}

/// validate_create_usage_rules_version, rules 2 and 3, validate_update_usage_rules_version,
/// and validate_create_link_resource_to_rules_versions, where decisions bind: bob, the
/// steward, cannot change the bench's rules alone; he proposes paid use, alice and he consent,
/// and carol carries the decision out, once, as version 2; a version stating other rules, or
/// misnumbered, is rejected, and so is an update; only its author indexes it, under its
/// resource. A proposal starting from the rules as registered is then refused.
pub async fn usage_rules_change_only_on_the_passed_decision_naming_them(w: &World) {
    let peers = &w.peers;
    let bench = bench(w).await;
    let alone = ChangeUsageRulesInput {
        resource: bench.clone(),
        rules: paid(),
    };
    let reason = "adopts a usage-rule change only by a decision";
    refuses(peers, BOB, "resources", "change_usage_rules", alone, reason).await;
    rejects_raw(peers, BOB, raw_version(&bench, paid(), 2, None), reason).await;

    let decision = passed(w, BOB, to_rules(&bench, paid(), None)).await;

    let cheaper = UsageRules {
        fee_per_hour: 100,
        ..paid()
    };
    let other = raw_version(&bench, cheaper, 2, Some(decision.clone()));
    rejects_raw(peers, CAROL, other, "decided another change").await;
    let misnumbered = raw_version(&bench, paid(), 3, Some(decision.clone()));
    rejects_raw(peers, CAROL, misnumbered, "must be version 2").await;
    let changed: Record = peers
        .call(
            CAROL,
            "resources",
            "change_decided_usage_rules",
            decision.clone(),
        )
        .await;
    let two = changed.action_address().clone();
    assert_eq!(entry::<UsageRulesVersion>(&changed).version, 2);
    let again = decision.clone();
    let reason = "was already carried out";
    refuses(
        peers,
        CAROL,
        "resources",
        "change_decided_usage_rules",
        again,
        reason,
    )
    .await;
    let update = hostile::UpdateEntryRaw {
        original: two.clone(),
        entry: raw_version(&bench, paid(), 2, Some(decision.clone())),
    };
    let reason = "usage-rule versions cannot be updated";
    rejects(peers, CAROL, "update_entry_raw", update, reason).await;
    peers.sync().await;
    let kind = "ResourceToRulesVersions";
    let link = raw_link(bench.clone(), two.clone(), kind, "");
    let reason = format!("{two} is not {}'s", peers.agent(BOB));
    rejects(peers, BOB, "create_link_raw", link, &reason).await;
    let astray = raw_link(w.project.clone(), two.clone(), kind, "");
    let reason = format!("{two} does not belong under {}", w.project);
    rejects(peers, CAROL, "create_link_raw", astray, &reason).await;
    peers.sync().await;

    for i in [ALICE, BOB, CAROL] {
        let now: RulesInForce = peers
            .call(i, "resources", "get_usage_rules_in_force", bench.clone())
            .await;
        assert_eq!(now.number, 2, "peer {i}");
        assert_eq!(now.version.as_ref(), Some(&two), "peer {i}");
        assert_eq!(now.rules, paid(), "peer {i}");
        assert_eq!(now.decision.as_ref(), Some(&decision), "peer {i}");
    }
    let stale = proposal_input(
        &w.project,
        to_rules(&bench, UsageRules::default(), None),
        20,
    );
    let reason = "start from the rules in force";
    refuses(peers, BOB, "governance", "open_proposal", stale, reason).await;
}

/// validate_create_resource_use, rule 4, with a version: carol's minute at the bench is
/// charged under version 2 (12.00 an hour: 20); a use naming version 2 at the old fee (5.00 an
/// hour: 9), a "version" of something else, or the bench's version for her ladder, is
/// rejected; one backdated to before the change, naming the rules as registered at their fee,
/// is valid, as validators cannot know they were replaced, and the audit reports it (a use is
/// charged under the rules in force when recorded), not the honest one.
pub async fn a_use_pays_what_the_rules_it_names_charge_and_the_audit_reports_stale_ones(w: &World) {
    let peers = &w.peers;
    let bench = bench(w).await;
    let now: RulesInForce = peers
        .call(
            CAROL,
            "resources",
            "get_usage_rules_in_force",
            bench.clone(),
        )
        .await;
    let until = Timestamp::from_micros(Timestamp::now().as_micros() - 1_000_000);
    let from = Timestamp::from_micros(until.as_micros() - 1_000_000);
    let honest = resources::uses::RecordUseInput {
        resource: bench.clone(),
        from,
        until,
        condition_report: "swept".into(),
    };
    let used: Record = peers.call(CAROL, "resources", "record_use", honest).await;
    let charged = entry::<ResourceUse>(&used);
    assert_eq!(charged.fee, 20, "a started minute at 12.00 an hour");
    assert_eq!(charged.rules_version, now.version);

    let named = |rules_version: Option<ActionHash>, fee: u64| {
        AnyEntry::ResourceUse(ResourceUse {
            rules_version,
            fee,
            ..charged.clone()
        })
    };
    let reason = "is 20 under the usage rules, not 9";
    rejects_raw(peers, CAROL, named(now.version.clone(), 9), reason).await;
    let astray = Some(w.project.clone());
    rejects_raw(
        peers,
        CAROL,
        named(astray, 20),
        "is not a UsageRulesVersion",
    )
    .await;
    let ladder = by_name(w, "Ladder").await;
    let ladders = AnyEntry::ResourceUse(ResourceUse {
        resource: ladder.clone(),
        custody: ladder.clone(),
        rules_version: now.version.clone(),
        ..charged.clone()
    });
    let reason = format!("is the usage rules of resource {bench}, not of {ladder}");
    rejects_raw(peers, CAROL, ladders, &reason).await;
    let hour_ago = Timestamp::from_micros(from.as_micros() - 3_600_000_000);
    let backdated = AnyEntry::ResourceUse(ResourceUse {
        from: hour_ago,
        until: Timestamp::from_micros(hour_ago.as_micros() + 1_000_000),
        rules_version: None,
        fee: 9,
        ..charged.clone()
    });
    let stale = commit_raw(peers, CAROL, backdated).await;
    peers.sync().await;
    let report: audit::report::AuditReport = peers
        .call(BOB, "audit", "audit_agent", peers.agent(CAROL))
        .await;
    let not_in_force = Found::UsageRulesNotInForce {
        resource: bench,
        named: None,
        in_force: now.version,
    };
    assert_eq!(
        found_about(&report, &stale),
        vec![&not_in_force],
        "{report:#?}"
    );
    assert!(
        found_about(&report, used.action_address()).is_empty(),
        "{report:#?}"
    );
}
