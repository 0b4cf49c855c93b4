//! License exceptions bind: where decisions bind, an exception is decided only by carrying out
//! a passed decision of the requested resource's project that decided exactly it.

use super::votes::vote_input;
use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use audit::findings::Found;
use holochain::prelude::*;
use hostile::AnyEntry;
use licenses::exceptions::DecideExceptionInput;
use ovn_domain::governance::tally::Choice;
use ovn_domain::licenses::LicenseeCategory;
use ovn_domain::PropertyRegime;
use ovn_integrity::{Category, LicenseException, Proposal};

pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(
            an_exception_is_decided_only_on_the_passed_decision_naming_it,
            needs: [a_decision_states_the_tally_of_what_it_names_after_the_close]
        ),
        rule!(
            a_grant_under_an_exception_whose_decision_does_not_stand_is_refused_and_reported,
            needs: [an_exception_is_decided_only_on_the_passed_decision_naming_it]
        ),
    ]
}

/// validate_create_license_exception, rule 2, where decisions bind: carol asks for a license
/// to alice's design as a for-profit; alice, its project's only steward, cannot exempt her
/// without a decision (the default exception rule lets the stewards decide by consent, so the
/// decision is hers, in the open, after the window), nor may carol's project decide it; alice
/// proposes treating her as a non-profit and consents; carol carries the decision out, once;
/// the licensor grants under it. And validate_create_proposal, rule 1: an exception proposed in
/// another project than its request's. And the audit: a proposal that leaves out a settlement
/// of its project.
pub async fn an_exception_is_decided_only_on_the_passed_decision_naming_it(w: &World) {
    let World { peers, project, .. } = w;
    let name = "Commons design";
    let design = create_resource(peers, ALICE, name, PropertyRegime::Commons, Some(project)).await;
    attach_license(peers, ALICE, &design, "CBRL-1.0", &[]).await;
    peers.sync().await;
    let asked = request_license(peers, CAROL, &design, None, LicenseeCategory::ForProfit).await;
    assert!(asked.owes, "a for-profit owes the CBRL's fee");
    let request = asked.request.action_address().clone();
    peers.sync().await;
    let exempt = LicenseException {
        project_version: None,
        request: request.clone(),
        category: Category::NonProfit,
        fee: 0,
        reason: "Carol's lab is a non-profit in all but name".into(),
        decision: None,
    };
    let alone = DecideExceptionInput {
        request: request.clone(),
        category: exempt.category.clone(),
        fee: exempt.fee,
        reason: exempt.reason.clone(),
    };
    let reason = "adopts a license exception only by a decision";
    refuses(peers, ALICE, "licenses", "decide_exception", alone, reason).await;
    rejects_raw(
        peers,
        ALICE,
        AnyEntry::LicenseException(exempt.clone()),
        reason,
    )
    .await;
    let astray = proposal_input(&w.elsewhere, exempt.as_change(), 20);
    let reason = "its own project decides its exceptions";
    refuses(peers, CAROL, "governance", "open_proposal", astray, reason).await;
    let astray = Proposal {
        project_version: None,
        governance_rules: None,
        project: w.elsewhere.clone(),
        title: "Exempt carol".into(),
        text: String::new(),
        change: exempt.as_change(),
        closes: in_secs(60),
        settlements: vec![],
        equation: None,
    };
    rejects_raw(peers, CAROL, AnyEntry::Proposal(astray), reason).await;
    // On the equation's decision: it decided another change.
    let on_equation = LicenseException {
        decision: Some(w.decision.get().clone()),
        ..exempt.clone()
    };
    let raw = AnyEntry::LicenseException(on_equation);
    rejects_raw(peers, CAROL, raw, "decided another change").await;
    // Its stewards decide an exception: a proposal naming none of the project's settlements is
    // valid, and the audit reports the settlement it left out.
    let now: ledger::equations::CurrentEquation = peers
        .call(ALICE, "ledger", "get_value_equation", project.clone())
        .await;
    let unsettled = Proposal {
        project_version: None,
        governance_rules: None,
        project: project.clone(),
        title: "Exempt carol".into(),
        text: String::new(),
        change: exempt.as_change(),
        closes: in_secs(60),
        settlements: vec![],
        equation: now.adopted,
    };
    let unsettled = commit_raw(peers, ALICE, AnyEntry::Proposal(unsettled)).await;
    peers.sync().await;
    let report: audit::report::AuditReport = peers
        .call(BOB, "audit", "audit_agent", peers.agent(ALICE))
        .await;
    let about = found_about(&report, &unsettled);
    let left_out = Found::SettlementLeftOut {
        settlement: w.settlement.clone(),
    };
    assert_eq!(about, vec![&left_out], "{report:#?}");
    let not_about = w.decision.get().clone();
    let reason = "is not about a license exception";
    refuses(
        peers,
        CAROL,
        "licenses",
        "adopt_decided_exception",
        not_about,
        reason,
    )
    .await;

    let decided = consented(w, &exempt).await;
    let decision = decided.action_address().clone();
    let cheaper = LicenseException {
        fee: 1,
        decision: Some(decision.clone()),
        ..exempt.clone()
    };
    let raw = AnyEntry::LicenseException(cheaper);
    rejects_raw(peers, CAROL, raw, "decided another change").await;
    let carried: Record = peers
        .call(
            CAROL,
            "licenses",
            "adopt_decided_exception",
            decision.clone(),
        )
        .await;
    let exception = entry::<LicenseException>(&carried);
    assert_eq!(exception.decision.as_ref(), Some(&decision));
    assert_eq!(
        (exception.category, exception.fee),
        (Category::NonProfit, 0)
    );
    peers.sync().await;
    let reason = "was already carried out";
    refuses(
        peers,
        BOB,
        "licenses",
        "adopt_decided_exception",
        decision,
        reason,
    )
    .await;
    let (_, grant) = grant_license(peers, ALICE, &request, Some(carried.action_address())).await;
    assert_eq!((grant.category, grant.fee), (Category::NonProfit, 0));
}

/// Alice, the project's only steward, proposes `exception` and consents; once the window closed,
/// carol decides it (the decision that stands).
async fn consented(w: &World, exception: &LicenseException) -> Record {
    let peers = &w.peers;
    let window = i64::from(MIN_WINDOW_SECS) + 4;
    let input = proposal_input(&w.project, exception.as_change(), window);
    let opened: Record = peers
        .call(ALICE, "governance", "open_proposal", input)
        .await;
    let proposal = opened.action_address().clone();
    let yes = vote_input(&proposal, Choice::Yes);
    let _: Record = peers.call(ALICE, "governance", "cast_vote", yes).await;
    peers.sync().await;
    await_time_after(entry::<Proposal>(&opened).closes).await;
    let decided: Record = peers.call(CAROL, "governance", "decide", proposal).await;
    peers.sync().await;
    decided
}

/// licenses::grant_license refuses, and the audit reports against the grantor, a grant under an
/// exception carried out on a decision that does not stand: bob publishes a copy of carol's
/// decision after hers (the same ballots, later: it ties and loses) and carries that one out.
/// Validation cannot see the rival decision; the coordinator and the audit count them.
pub async fn a_grant_under_an_exception_whose_decision_does_not_stand_is_refused_and_reported(
    w: &World,
) {
    let peers = &w.peers;
    let tool = "Commons jig";
    let jig = create_resource(
        peers,
        ALICE,
        tool,
        PropertyRegime::Commons,
        Some(&w.project),
    )
    .await;
    attach_license(peers, ALICE, &jig, "CBRL-1.0", &[]).await;
    peers.sync().await;
    let asked = request_license(peers, CAROL, &jig, None, LicenseeCategory::ForProfit).await;
    let request = asked.request.action_address().clone();
    peers.sync().await;
    let exempt = LicenseException {
        project_version: None,
        request: request.clone(),
        category: Category::NonProfit,
        fee: 0,
        reason: "Carol builds jigs for the commons".into(),
        decision: None,
    };
    let standing = consented(w, &exempt).await;
    let copy = entry::<ovn_integrity::Decision>(&standing);
    let rival = commit_raw(peers, BOB, AnyEntry::Decision(copy.clone())).await;
    let indexed = raw_link(
        copy.proposal.clone(),
        rival.clone(),
        "ProposalToDecisions",
        "",
    );
    commit(peers, BOB, "create_link_raw", indexed)
        .await
        .expect("bob indexes his decision");
    let on_rival = LicenseException {
        decision: Some(rival.clone()),
        ..exempt
    };
    let exception = commit_raw(peers, BOB, AnyEntry::LicenseException(on_rival)).await;
    peers.sync().await;
    let input = licenses::grants::GrantLicenseInput {
        request: request.clone(),
        exception: Some(exception.clone()),
    };
    refuses(
        peers,
        ALICE,
        "licenses",
        "grant_license",
        input,
        "does not stand",
    )
    .await;
    // Granted anyway, by a conductor that skips the check: valid, and reported.
    let license: Option<licenses::catalogue::ResourceLicense> = peers
        .call(ALICE, "licenses", "get_license_of", jig.clone())
        .await;
    let asked = entry::<ovn_integrity::LicenseRequest>(&asked.request);
    let grant = ovn_integrity::LicenseGrant {
        project_version: None,
        request,
        resource: jig,
        licensee: asked.licensee,
        category: Category::NonProfit,
        terms: license.expect("the jig's license").terms,
        usage: asked.usage,
        fee: 0,
        exception: Some(exception),
    };
    let grant = commit_raw(peers, ALICE, AnyEntry::LicenseGrant(grant)).await;
    peers.sync().await;
    let report: audit::report::AuditReport = peers
        .call(CAROL, "audit", "audit_agent", peers.agent(ALICE))
        .await;
    let about = found_about(&report, &grant);
    let not_standing = Found::DecisionNotStanding {
        decision: rival,
        standing: Some(standing.action_address().clone()),
    };
    assert_eq!(about, vec![&not_standing], "{report:#?}");
}
