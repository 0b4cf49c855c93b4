//! A project's own governance rules change by decision: a GovernanceRulesVersion carries out a
//! passed decision on a proposal to make exactly those rules, within the network's, replacing
//! the version then in force; a proposal names the rules in force when it opened and is decided
//! by them; the audit reports one naming others. After the usage rules: bob stewards the
//! project, and alice, bob and carol have counted work in it.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule as RuleFn};
use audit::findings::Found;
use governance::rules::{ChangeGovernanceRulesInput, GovernanceInForce};
use holochain::prelude::*;
use hostile::AnyEntry;
use ovn_domain::governance::rules::{Electorate, GovernanceRules, Rule, Weighting};
use ovn_domain::governance::tally::{Choice, Method};
use ovn_integrity::{Change, Decision, GovernanceRulesVersion, Proposal};

pub fn rules() -> Vec<RuleFn<World>> {
    vec![
        rule!(a_projects_own_governance_rules_stay_within_the_networks,
            needs: [a_use_pays_what_the_rules_it_names_charge_and_the_audit_reports_stale_ones]),
        rule!(governance_rules_change_only_on_the_passed_decision_naming_them,
            needs: [a_projects_own_governance_rules_stay_within_the_networks]),
        rule!(a_proposal_is_decided_by_the_governance_rules_it_names_and_the_audit_reports_others,
            needs: [governance_rules_change_only_on_the_passed_decision_naming_them]),
    ]
}

/// This world's network rules.
fn network() -> GovernanceRules {
    GovernanceRules {
        min_window_secs: MIN_WINDOW_SECS,
        ..Default::default()
    }
}

/// What the project adopts: its motions decided by its stewards, by consent.
fn own() -> GovernanceRules {
    GovernanceRules {
        motion: Rule {
            method: Method::Consent { quorum_bp: 5000 },
            electorate: Electorate::Stewards,
            weighting: Weighting::Equal,
        },
        ..network()
    }
}

fn to_rules(rules: GovernanceRules, replaces: Option<ActionHash>) -> Change {
    Change::Rules { rules, replaces }
}

/// A change of `project`'s governance rules as committed raw, numbered `version`.
fn raw_version(
    project: &ActionHash,
    rules: GovernanceRules,
    version: u32,
    decision: Option<ActionHash>,
) -> AnyEntry {
    AnyEntry::GovernanceRulesVersion(GovernanceRulesVersion {
        project: project.clone(),
        version,
        replaces: None,
        rules,
        decision,
        project_version: None,
    })
}

/// A proposal in `w`'s project, as committed raw: the world's motion (opened long before) with
/// `change`, decided by `governance_rules`, open from now for twenty seconds.
fn raw_proposal(w: &World, change: Change, governance_rules: Option<ActionHash>) -> AnyEntry {
    AnyEntry::Proposal(Proposal {
        change,
        governance_rules,
        closes: in_secs(20),
        ..w.proposal()
    })
}

/// validate_create_governance_rules_version and validate_create_proposal, rule 1: rules whose
/// proposals may close sooner than the network's allow, or with a lower quorum, are refused by
/// the coordinator and rejected raw; so is a change of rules for something that is no project,
/// or replacing a "version" that is a settlement.
pub async fn a_projects_own_governance_rules_stay_within_the_networks(w: &World) {
    let peers = &w.peers;
    let hasty = GovernanceRules {
        min_window_secs: MIN_WINDOW_SECS - 1,
        ..own()
    };
    let reason = "the network's proposals stay open at least 2 s";
    let input = proposal_input(&w.project, to_rules(hasty.clone(), None), 20);
    refuses(peers, BOB, "governance", "open_proposal", input, reason).await;
    let proposal = raw_proposal(w, to_rules(hasty.clone(), None), None);
    rejects_raw(peers, BOB, proposal, reason).await;
    rejects_raw(peers, BOB, raw_version(&w.project, hasty, 2, None), reason).await;
    let unheard = GovernanceRules {
        motion: Rule {
            method: Method::Consent { quorum_bp: 0 },
            ..own().motion
        },
        ..own()
    };
    let reason = "the Motion quorum is 0 bp; the network asks at least 1000 bp";
    rejects_raw(
        peers,
        BOB,
        raw_version(&w.project, unheard, 2, None),
        reason,
    )
    .await;
    let nowhere = raw_version(&w.settlement, own(), 2, None);
    rejects_raw(peers, BOB, nowhere, "is not a Project").await;
    let astray = to_rules(own(), Some(w.settlement.clone()));
    let proposal = raw_proposal(w, astray, Some(w.settlement.clone()));
    rejects_raw(peers, BOB, proposal, "is not a GovernanceRulesVersion").await;
}

/// validate_create_governance_rules_version, rules 2 and 3,
/// validate_update_governance_rules_version and validate_create_link_project_to_rules, where
/// decisions bind: bob, the steward, cannot change the project's rules alone; he proposes that
/// stewards decide motions, alice and he agree, and carol carries the decision out, once, as
/// version 2; a version stating other rules, or misnumbered, is rejected, and so is an update;
/// only its author indexes it, under its project. A proposal starting from the network's rules
/// is then refused. A second version 2 carrying out the same decision, committed raw, is valid
/// (validators cannot know version 2 exists) and the audit reports it: it replaces the
/// network's rules where version 2 was in force.
pub async fn governance_rules_change_only_on_the_passed_decision_naming_them(w: &World) {
    let peers = &w.peers;
    let alone = ChangeGovernanceRulesInput {
        project: w.project.clone(),
        rules: own(),
    };
    let reason = "adopts a governance-rules change only by a decision";
    refuses(
        peers,
        BOB,
        "governance",
        "change_governance_rules",
        alone,
        reason,
    )
    .await;
    rejects_raw(peers, BOB, raw_version(&w.project, own(), 2, None), reason).await;

    let decision = passed(w, BOB, to_rules(own(), None)).await;

    let other = raw_version(&w.project, network(), 2, Some(decision.clone()));
    rejects_raw(peers, CAROL, other, "decided another change").await;
    let misnumbered = raw_version(&w.project, own(), 3, Some(decision.clone()));
    rejects_raw(peers, CAROL, misnumbered, "must be version 2").await;
    let carry_out = "change_decided_governance_rules";
    let changed: Record = peers
        .call(CAROL, "governance", carry_out, decision.clone())
        .await;
    let two = changed.action_address().clone();
    assert_eq!(entry::<GovernanceRulesVersion>(&changed).version, 2);
    let reason = "was already carried out";
    refuses(
        peers,
        CAROL,
        "governance",
        carry_out,
        decision.clone(),
        reason,
    )
    .await;
    let update = hostile::UpdateEntryRaw {
        original: two.clone(),
        entry: raw_version(&w.project, own(), 2, Some(decision.clone())),
    };
    let reason = "governance-rules versions cannot be updated";
    rejects(peers, CAROL, "update_entry_raw", update, reason).await;
    peers.sync().await;
    let kind = "ProjectToGovernanceRules";
    let link = raw_link(w.project.clone(), two.clone(), kind, "");
    let reason = format!("{two} is not {}'s", peers.agent(BOB));
    rejects(peers, BOB, "create_link_raw", link, &reason).await;
    let astray = raw_link(w.elsewhere.clone(), two.clone(), kind, "");
    let reason = format!("{two} does not belong under {}", w.elsewhere);
    rejects(peers, CAROL, "create_link_raw", astray, &reason).await;

    for i in [ALICE, BOB, CAROL] {
        let now: GovernanceInForce = peers
            .call(
                i,
                "governance",
                "get_governance_rules_in_force",
                w.project.clone(),
            )
            .await;
        assert_eq!(now.number, 2, "peer {i}");
        assert_eq!(now.version.as_ref(), Some(&two), "peer {i}");
        assert_eq!(now.rules, own(), "peer {i}");
        assert_eq!(now.network, network(), "peer {i}");
        assert_eq!(now.decision.as_ref(), Some(&decision), "peer {i}");
    }
    let stale = proposal_input(&w.project, to_rules(network(), None), 20);
    let reason = "start from the rules in force";
    refuses(peers, BOB, "governance", "open_proposal", stale, reason).await;

    let twin = raw_version(&w.project, own(), 2, Some(decision.clone()));
    let twin = commit_raw(peers, BOB, twin).await;
    peers.sync().await;
    let report: audit::report::AuditReport = peers
        .call(ALICE, "audit", "audit_agent", peers.agent(BOB))
        .await;
    let side_branch = Found::GovernanceRulesNotInForce {
        project: w.project.clone(),
        named: None,
        in_force: Some(two),
    };
    assert_eq!(
        found_about(&report, &twin),
        vec![&side_branch],
        "{report:#?}"
    );
}

/// validate_create_proposal, rule 3 (the governance rules it names), and
/// validate_create_decision, rule 3 (the tally under them): under version 2 only bob, the
/// steward, decides a motion; alice, who has counted work, is refused where the network's rules
/// would have let her propose, and his motion's decision, counted by consent among the stewards
/// alone, is valid. A motion alice commits raw naming the network's rules is valid, as
/// validators cannot know they were replaced, and the audit reports it, not bob's; one naming
/// a "rules version" that is a settlement is rejected, and so are a proposal in carol's project
/// naming this project's rules and a change of rules replacing other rules than those it names
/// (validate_create_proposal, rule 1).
pub async fn a_proposal_is_decided_by_the_governance_rules_it_names_and_the_audit_reports_others(
    w: &World,
) {
    let peers = &w.peers;
    let now: GovernanceInForce = peers
        .call(
            BOB,
            "governance",
            "get_governance_rules_in_force",
            w.project.clone(),
        )
        .await;
    let reason = "only those who decide propose";
    refuses(
        peers,
        ALICE,
        "governance",
        "open_proposal",
        motion(&w.project, 20),
        reason,
    )
    .await;
    let window = i64::from(MIN_WINDOW_SECS) + 2;
    let opened: Record = peers
        .call(
            BOB,
            "governance",
            "open_proposal",
            motion(&w.project, window),
        )
        .await;
    let proposal = entry::<Proposal>(&opened);
    assert_eq!(proposal.governance_rules, now.version);
    let hash = opened.action_address().clone();
    let yes = super::votes::vote_input(&hash, Choice::Yes);
    let _: Record = peers.call(BOB, "governance", "cast_vote", yes).await;
    await_time_after(proposal.closes).await;
    let decided: Record = peers.call(BOB, "governance", "decide", hash).await;
    let tally = entry::<Decision>(&decided).tally;
    assert!(tally.passed(), "{tally:?}");
    assert_eq!((tally.yes, tally.electorate), (1, 1), "the stewards alone");

    let theirs = commit_raw(peers, ALICE, raw_proposal(w, Change::Motion, None)).await;
    let astray = raw_proposal(w, Change::Motion, Some(w.settlement.clone()));
    let reason = "is not a GovernanceRulesVersion";
    rejects_raw(peers, ALICE, astray, reason).await;
    let two = now.version.clone().expect("version 2");
    let elsewhere = AnyEntry::Proposal(Proposal {
        project: w.elsewhere.clone(),
        change: Change::Motion,
        governance_rules: Some(two.clone()),
        closes: in_secs(20),
        ..w.proposal()
    });
    let reason = format!("is the governance rules of project {}, not of", w.project);
    rejects_raw(peers, CAROL, elsewhere, &reason).await;
    let crossed = raw_proposal(w, to_rules(own(), None), Some(two.clone()));
    let reason = format!("replaces those it is decided by ({two}), not the network's");
    rejects_raw(peers, BOB, crossed, &reason).await;
    peers.sync().await;
    let report: audit::report::AuditReport = peers
        .call(CAROL, "audit", "audit_agent", peers.agent(ALICE))
        .await;
    let not_in_force = Found::GovernanceRulesNotInForce {
        project: w.project.clone(),
        named: None,
        in_force: now.version,
    };
    // (It names what the open motion it copies named, since replaced: other findings too.)
    assert!(
        found_about(&report, &theirs).contains(&&not_in_force),
        "{report:#?}"
    );
    let report: audit::report::AuditReport = peers
        .call(CAROL, "audit", "audit_agent", peers.agent(BOB))
        .await;
    assert!(
        found_about(&report, opened.action_address()).is_empty(),
        "{report:#?}"
    );
}
