//! Decisions: on a proposal, naming votes and delegations; after the close, stating exactly
//! the tally of what they name; never updated. And the governance index links, each its
//! author's own under what its entry names.

use super::votes::vote_input;
use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use governance::proposals::ProposalView;
use holochain::prelude::*;
use hostile::AnyEntry;
use ovn_domain::governance::rules::{Electorate, Weighting};
use ovn_domain::governance::tally::{Choice, Failed, Tally};
use ovn_integrity::{Change, Decision, Proposal, ValueEquation};

pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(a_decision_is_on_a_proposal_and_names_votes_and_delegations,
            needs: [a_vote_replaces_only_its_voters_own_vote]),
        rule!(a_decision_states_the_tally_of_what_it_names_after_the_close,
            needs: [a_delegation_is_to_a_project_or_the_network]),
        rule!(a_decision_is_never_updated,
            needs: [a_decision_states_the_tally_of_what_it_names_after_the_close]),
        rule!(an_equation_is_adopted_only_on_the_passed_decision_naming_it,
            needs: [a_decision_states_the_tally_of_what_it_names_after_the_close]),
        rule!(the_audit_reports_what_a_decision_left_out_and_an_equation_on_one_that_does_not_stand,
            needs: [an_equation_is_adopted_only_on_the_passed_decision_naming_it]),
        rule!(governance_records_are_indexed_by_their_authors_under_what_they_name,
            needs: [a_vote_replaces_only_its_voters_own_vote,
                a_delegation_is_to_a_project_or_the_network,
                a_decision_states_the_tally_of_what_it_names_after_the_close]),
    ]
}

fn empty_tally() -> Tally {
    Tally {
        yes: 0,
        no: 0,
        abstain: 0,
        block: 0,
        electorate: 0,
        failed: Some(Failed::NoQuorum),
    }
}

/// validate_create_decision, rules 1 and 2.
pub async fn a_decision_is_on_a_proposal_and_names_votes_and_delegations(w: &World) {
    let World { peers, .. } = w;
    let astray = Decision {
        proposal: w.project.clone(),
        votes: vec![],
        delegations: vec![],
        tally: empty_tally(),
    };
    rejects_raw(
        peers,
        CAROL,
        AnyEntry::Decision(astray),
        "is not a Proposal",
    )
    .await;
    let not_votes = Decision {
        proposal: w.open_hash().clone(),
        votes: vec![w.project.clone()],
        delegations: vec![],
        tally: empty_tally(),
    };
    rejects_raw(peers, CAROL, AnyEntry::Decision(not_votes), "is not a Vote").await;
    let not_delegations = Decision {
        proposal: w.open_hash().clone(),
        votes: vec![],
        delegations: vec![w.alices_vote.get().clone()],
        tally: empty_tally(),
    };
    let reason = "is not a Delegation";
    rejects_raw(peers, CAROL, AnyEntry::Decision(not_delegations), reason).await;
    let too_many = Decision {
        proposal: w.open_hash().clone(),
        votes: vec![w.alices_vote.get().clone(); 5_001],
        delegations: vec![],
        tally: empty_tally(),
    };
    let reason = "a decision names at most 5000 votes";
    rejects_raw(peers, CAROL, AnyEntry::Decision(too_many), reason).await;
}

/// validate_create_decision, rule 3: alice proposes an equation (weighed by reputation) and
/// votes for it; bob, who delegated to her in this project, does not vote; carol, who cannot
/// vote, publishes the decision once it closes.
pub async fn a_decision_states_the_tally_of_what_it_names_after_the_close(w: &World) {
    let World { peers, project, .. } = w;
    let change = Change::Equation {
        equation: Default::default(),
    };
    let opened: Record = peers
        .call(
            ALICE,
            "governance",
            "open_proposal",
            proposal_input(project, change, 20),
        )
        .await;
    let hash = opened.action_address().clone();
    w.equation_proposal.set(hash.clone());
    let yes: Record = peers
        .call(
            ALICE,
            "governance",
            "cast_vote",
            vote_input(&hash, Choice::Yes),
        )
        .await;
    // alice holds both records: her conductor answers at once, well before the close.
    let reason = "decide after it closes";
    refuses(peers, ALICE, "governance", "decide", hash.clone(), reason).await;
    let early = Decision {
        proposal: hash.clone(),
        votes: vec![yes.action_address().clone()],
        delegations: vec![w.bobs_delegation.get().clone()],
        tally: empty_tally(),
    };
    let reason = "before the proposal closes";
    rejects_raw(peers, ALICE, AnyEntry::Decision(early.clone()), reason).await;
    // carol's delegation in her own project, made while this proposal is open, does not speak
    // in this one.
    let elsewhere = ovn_integrity::Delegation {
        delegate: Some(peers.agent(ALICE)),
        scope: Some(w.elsewhere.clone()),
    };
    let carols = commit_raw(peers, CAROL, AnyEntry::Delegation(elsewhere)).await;
    peers.sync().await;
    await_time_after(entry::<Proposal>(&opened).closes).await;

    let view: ProposalView = peers
        .call(CAROL, "governance", "get_proposal", hash.clone())
        .await;
    assert!(view.closed);
    assert_eq!(view.rule.electorate, Electorate::Contributors);
    assert_eq!(view.rule.weighting, Weighting::Reputation);
    let weights: Vec<u64> = view.electorate.iter().map(|(_, w)| *w).collect();
    assert_eq!(
        weights.len(),
        2,
        "alice and bob, not carol: {:?}",
        view.electorate
    );
    // An hour at 25.00, decayed by seconds of a 105-day half-life: a unit at most.
    assert!(
        weights.iter().all(|w| (2_499..=2_500).contains(w)),
        "{weights:?}"
    );
    let tally = &view.count.tally;
    assert_eq!((tally.yes, tally.no), (weights.iter().sum(), 0));
    assert!(tally.passed(), "{tally:?}");
    assert_eq!(view.count.votes, vec![yes.action_address().clone()]);
    assert_eq!(
        view.count.delegations,
        vec![w.bobs_delegation.get().clone()]
    );

    let miscounted = Decision {
        tally: Tally {
            no: 1,
            ..tally.clone()
        },
        ..early.clone()
    };
    let reason = "the decision states";
    rejects_raw(peers, CAROL, AnyEntry::Decision(miscounted), reason).await;
    let twice = Decision {
        votes: vec![yes.action_address().clone(), yes.action_address().clone()],
        tally: tally.clone(),
        ..early.clone()
    };
    rejects_raw(peers, CAROL, AnyEntry::Decision(twice), "is counted twice").await;
    let foreign = Decision {
        delegations: vec![w.bobs_delegation.get().clone(), carols],
        tally: tally.clone(),
        ..early.clone()
    };
    let reason = "is for another project";
    rejects_raw(peers, CAROL, AnyEntry::Decision(foreign), reason).await;
    let decided: Record = peers
        .call(CAROL, "governance", "decide", hash.clone())
        .await;
    assert_eq!(entry::<Decision>(&decided).tally, *tally);
    w.decision.set(decided.action_address().clone());
    peers.sync().await;
    let view: ProposalView = peers.call(BOB, "governance", "get_proposal", hash).await;
    assert_eq!(view.standing.as_ref(), Some(decided.action_address()));
}

/// validate_create_value_equation, rule 2, where decisions bind: alice, who stewards the
/// project, cannot adopt an equation alone; nobody adopts another than the decision passed, nor
/// on what is no decision, nor on a decision that failed; bob, who stewards nothing, carries out the decision that passed
/// alice's equation, once. And validate_create_proposal, rule 3: carol's proposal in her
/// project cannot name this project's equation.
pub async fn an_equation_is_adopted_only_on_the_passed_decision_naming_it(w: &World) {
    let World { peers, project, .. } = w;
    let decided = w.decision.get();
    let alone = ledger::equations::SetValueEquationInput {
        project: project.clone(),
        equation: Default::default(),
    };
    let reason = "adopts a value equation only by a decision";
    refuses(peers, ALICE, "ledger", "set_value_equation", alone, reason).await;
    let version_one = ValueEquation {
        project_version: None,
        project: project.clone(),
        version: 1,
        replaces: None,
        equation: Default::default(),
        decision: None,
    };
    let raw = AnyEntry::ValueEquation(version_one.clone());
    rejects_raw(peers, ALICE, raw, reason).await;
    let mut other = version_one.equation.clone();
    other.buckets[0].name = "makers".into();
    let another = ValueEquation {
        equation: other,
        decision: Some(decided.clone()),
        ..version_one.clone()
    };
    let reason = "decided another change than this value equation";
    rejects_raw(peers, BOB, AnyEntry::ValueEquation(another), reason).await;
    let no_decision = ValueEquation {
        decision: Some(w.open_hash().clone()),
        ..version_one.clone()
    };
    let reason = "is not a Decision";
    rejects_raw(peers, BOB, AnyEntry::ValueEquation(no_decision), reason).await;
    let reason = "is a Proposal, not a Decision";
    let proposal = w.open_hash().clone();
    refuses(
        peers,
        BOB,
        "ledger",
        "adopt_decided_equation",
        proposal,
        reason,
    )
    .await;
    // A motion nobody voted on: its decision failed, and decided no equation (alice, who
    // published it, holds it at once).
    let quick: Record = peers
        .call(ALICE, "governance", "open_proposal", motion(project, 3))
        .await;
    await_time_after(entry::<Proposal>(&quick).closes).await;
    let failed: Record = peers
        .call(
            ALICE,
            "governance",
            "decide",
            quick.action_address().clone(),
        )
        .await;
    let failed = failed.action_address().clone();
    let reason = "is not about a value equation";
    refuses(
        peers,
        ALICE,
        "ledger",
        "adopt_decided_equation",
        failed.clone(),
        reason,
    )
    .await;
    let on_failed = ValueEquation {
        decision: Some(failed.clone()),
        ..version_one.clone()
    };
    let reason = "did not pass";
    rejects_raw(peers, ALICE, AnyEntry::ValueEquation(on_failed), reason).await;

    let adopted: Record = peers
        .call(BOB, "ledger", "adopt_decided_equation", decided.clone())
        .await;
    assert_eq!(
        entry::<ValueEquation>(&adopted),
        ValueEquation {
            project_version: None,
            decision: Some(decided.clone()),
            ..version_one
        }
    );
    peers.sync().await;
    let now: ledger::equations::CurrentEquation = peers
        .call(CAROL, "ledger", "get_value_equation", project.clone())
        .await;
    assert_eq!((now.version, now.decision.as_ref()), (1, Some(decided)));
    // What each decision adopted, as the proposal card reads it once a later version replaced it.
    let adopted_by = |decision: &ActionHash| {
        peers.call::<_, Option<u32>>(CAROL, "ledger", "get_version_adopted_by", decision.clone())
    };
    assert_eq!(adopted_by(decided).await, Some(1));
    assert_eq!(adopted_by(&failed).await, None);
    let reason = "was already carried out: it adopted version 1";
    refuses(
        peers,
        BOB,
        "ledger",
        "adopt_decided_equation",
        decided.clone(),
        reason,
    )
    .await;
    let again = ValueEquation {
        version: 2,
        replaces: Some(adopted.action_address().clone()),
        ..entry(&adopted)
    };
    let reason = "a decision is carried out once";
    rejects_raw(peers, BOB, AnyEntry::ValueEquation(again), reason).await;

    let foreign = Proposal {
        project: w.elsewhere.clone(),
        settlements: vec![],
        equation: Some(adopted.action_address().clone()),
        closes: in_secs(60),
        ..w.proposal()
    };
    let reason = "is another project's";
    rejects_raw(peers, CAROL, AnyEntry::Proposal(foreign), reason).await;
}

/// What validation cannot see, the audit reports: alice publishes a decision on her equation
/// proposal naming her vote but not bob's delegation (valid: it states the tally of what it
/// names, and passes), indexes it; bob's coordinator will not carry it out (it does not
/// stand), and alice adopts the equation again on it raw (valid: a rival of version 1, never
/// in force). The audit of alice names the delegation left out, against the
/// decision and against the equation carried out on it, and that decision as one that does not
/// stand: carol's named one ballot more. A decision naming nothing is reported for the vote it
/// left out, a motion naming the default while version 1 is in force for its equation.
pub async fn the_audit_reports_what_a_decision_left_out_and_an_equation_on_one_that_does_not_stand(
    w: &World,
) {
    use audit::findings::{Finding, Found};
    let World { peers, project, .. } = w;
    let proposal = w.equation_proposal.get();
    let view: ProposalView = peers
        .call(ALICE, "governance", "get_proposal", proposal.clone())
        .await;
    let weight = |i: usize| {
        let agent = peers.agent(i);
        view.electorate.iter().find(|(a, _)| *a == agent).unwrap().1
    };
    let partial = Decision {
        proposal: proposal.clone(),
        votes: view.count.votes.clone(),
        delegations: vec![],
        tally: Tally {
            yes: weight(ALICE),
            no: 0,
            abstain: 0,
            block: 0,
            electorate: weight(ALICE) + weight(BOB),
            failed: None,
        },
    };
    let partial = commit_raw(peers, ALICE, AnyEntry::Decision(partial)).await;
    let indexed = raw_link(proposal.clone(), partial.clone(), "ProposalToDecisions", "");
    commit(peers, ALICE, "create_link_raw", indexed)
        .await
        .expect("alice indexes her decision");
    peers.sync().await;
    // The coordinator carries out only the decision that stands.
    let reason = "does not stand";
    let carry = partial.clone();
    refuses(
        peers,
        BOB,
        "ledger",
        "adopt_decided_equation",
        carry,
        reason,
    )
    .await;
    let again = ValueEquation {
        project_version: None,
        project: project.clone(),
        version: 1,
        replaces: None,
        equation: Default::default(),
        decision: Some(partial.clone()),
    };
    let again = commit_raw(peers, ALICE, AnyEntry::ValueEquation(again)).await;
    // Nobody's ballot: valid, and it fails; it left out alice's vote and bob's delegation.
    let nothing = Decision {
        proposal: proposal.clone(),
        votes: vec![],
        delegations: vec![],
        tally: Tally {
            yes: 0,
            no: 0,
            abstain: 0,
            block: 0,
            electorate: weight(ALICE) + weight(BOB),
            failed: Some(Failed::NoQuorum),
        },
    };
    let nothing = commit_raw(peers, ALICE, AnyEntry::Decision(nothing)).await;
    // A motion naming the default as its equation while version 1 is in force: valid (any
    // earlier equation of the project, or none, may be named), and reported.
    let stale = Proposal {
        closes: in_secs(60),
        ..w.proposal()
    };
    let stale = commit_raw(peers, ALICE, AnyEntry::Proposal(stale)).await;
    let now: ledger::equations::CurrentEquation = peers
        .call(ALICE, "ledger", "get_value_equation", project.clone())
        .await;
    peers.sync().await;
    let report: audit::report::AuditReport = peers
        .call(BOB, "audit", "audit_agent", peers.agent(ALICE))
        .await;
    let delegation_left_out = || Found::DelegationLeftOut {
        delegation: w.bobs_delegation.get().clone(),
    };
    let alices_vote = view.count.votes[0].clone();
    let expected = vec![
        Finding {
            record: partial.clone(),
            found: delegation_left_out(),
        },
        Finding {
            record: again.clone(),
            found: delegation_left_out(),
        },
        Finding {
            record: again,
            found: Found::DecisionNotStanding {
                decision: partial,
                standing: Some(w.decision.get().clone()),
            },
        },
        Finding {
            record: nothing.clone(),
            found: Found::VoteLeftOut { vote: alices_vote },
        },
        Finding {
            record: nothing,
            found: delegation_left_out(),
        },
        Finding {
            record: stale,
            found: Found::EquationNotInForce {
                named: None,
                in_force: now.adopted,
            },
        },
    ];
    assert_eq!(report.findings, expected, "{report:#?}");
    assert!(!report.clean);
}

/// validate_update_decision, rule 1.
pub async fn a_decision_is_never_updated(w: &World) {
    let update = hostile::UpdateEntryRaw {
        original: w.decision.get().clone(),
        entry: AnyEntry::Decision(Decision {
            proposal: w.open_hash().clone(),
            votes: vec![],
            delegations: vec![],
            tally: empty_tally(),
        }),
    };
    let reason = "decisions cannot be updated";
    rejects(&w.peers, CAROL, "update_entry_raw", update, reason).await;
}

/// The governance index links' rules 1 and 2 each: ProjectToProposals,
/// ProposalToVotes, AgentToDelegations, ProposalToDecisions.
pub async fn governance_records_are_indexed_by_their_authors_under_what_they_name(w: &World) {
    let World { peers, .. } = w;
    let link = |base: AnyLinkableHash, target: &ActionHash, kind: &str| {
        raw_link(base, target.clone(), kind, "")
    };
    // Someone else's record.
    let foreign = link(
        w.project.clone().into(),
        w.open_hash(),
        "ProjectToProposals",
    );
    let reason = "is not";
    commit_and_reject(peers, BOB, foreign, reason).await;
    let foreign = link(
        w.open_hash().clone().into(),
        w.alices_vote.get(),
        "ProposalToVotes",
    );
    commit_and_reject(peers, BOB, foreign, reason).await;
    let foreign = link(
        w.open_hash().clone().into(),
        w.decision.get(),
        "ProposalToDecisions",
    );
    commit_and_reject(peers, ALICE, foreign, reason).await;
    // One's own, under the wrong base.
    let astray = link(
        w.elsewhere.clone().into(),
        w.open_hash(),
        "ProjectToProposals",
    );
    commit_and_reject(peers, ALICE, astray, "does not belong under").await;
    let astray = link(
        w.project.clone().into(),
        w.alices_vote.get(),
        "ProposalToVotes",
    );
    commit_and_reject(peers, ALICE, astray, "does not belong under").await;
    let astray = link(
        w.project.clone().into(),
        w.decision.get(),
        "ProposalToDecisions",
    );
    commit_and_reject(peers, CAROL, astray, "does not belong under").await;
    let under_alice = link(
        peers.agent(ALICE).into(),
        w.bobs_delegation.get(),
        "AgentToDelegations",
    );
    commit_and_reject(
        peers,
        BOB,
        under_alice,
        "may only index under their own key",
    )
    .await;
    let not_a_delegation = link(
        peers.agent(BOB).into(),
        w.alices_vote.get(),
        "AgentToDelegations",
    );
    commit_and_reject(peers, BOB, not_a_delegation, "is not a Delegation").await;
    // Kept: each author's own, under what it names.
    let own = link(
        w.open_hash().clone().into(),
        w.alices_vote.get(),
        "ProposalToVotes",
    );
    commit(peers, ALICE, "create_link_raw", own)
        .await
        .expect("alice indexes her own vote under its proposal");
    let own = link(
        peers.agent(BOB).into(),
        w.bobs_delegation.get(),
        "AgentToDelegations",
    );
    commit(peers, BOB, "create_link_raw", own)
        .await
        .expect("bob indexes his own delegation under his key");
}

async fn commit_and_reject(peers: &Peers, i: usize, link: hostile::RawLink, reason: &str) {
    rejects(peers, i, "create_link_raw", link, reason).await;
}
