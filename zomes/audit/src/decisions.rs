//! What validation cannot see in governance. Validators check a proposal, a decision and an
//! equation adopted on one *given* what they name, never against what they leave out:
//! - a proposal that leaves out a settlement of its project made before it opened shrinks its
//!   electorate (whose contributors would have voted) ([`Found::SettlementLeftOut`]); one that
//!   names as its equation another than the version in force chooses what weighs reputation
//!   and what a passed equation replaces ([`Found::EquationNotInForce`]); one naming other
//!   governance rules than the project's in force is decided by rules it chose
//!   ([`Found::GovernanceRulesNotInForce`]);
//! - a decision that leaves out a vote or a delegation the count holds may pass what the whole
//!   electorate did not ([`Found::VoteLeftOut`], [`Found::DelegationLeftOut`]), the count being
//!   the governance zome's own, as `get_proposal` gives it (one recount, never a second);
//! - an equation, a license exception, a project, usage-rule or governance-rule change or a
//!   grant under such an exception carried out on a
//!   decision that does not stand (another on the proposal counted more ballots, or as many and
//!   came first, or none is indexed: `ovn_domain::governance::rules::standing`) ([`Found::DecisionNotStanding`]), and
//!   on a decision or proposal with the findings above, which are reported against the change
//!   too, so auditing whoever carried it out (or granted under it) shows them.
//!
//! A count that cannot be read now is reported ([`Found::CountUnreadable`]), never dropped.

use crate::findings::Found;
use hdk::prelude::*;
use ovn_integrity::{Decision, LicenseException, Proposal};
use ovn_zome_support::governance::{count_view, proposal_omissions, CountView};
use ovn_zome_support::records::get_entry;

/// The proposal's count from this cell's governance zome, or why it cannot be read.
fn view_of(proposal: &ActionHash) -> ExternResult<Result<CountView, Found>> {
    Ok(count_view(proposal)?.map_err(|why| Found::CountUnreadable {
        proposal: proposal.clone(),
        why,
    }))
}

/// What the proposal `p` (opened at `opened`) left out or named wrongly.
pub fn proposal_findings(p: &Proposal, opened: Timestamp) -> ExternResult<Vec<Found>> {
    let omissions = proposal_omissions(p, opened)?;
    let settlements = omissions.settlements.into_iter();
    let mut found: Vec<Found> = settlements
        .map(|settlement| Found::SettlementLeftOut { settlement })
        .collect();
    if let Some((named, in_force)) = omissions.equation {
        found.push(Found::EquationNotInForce { named, in_force });
    }
    if let Some((named, in_force)) = omissions.project_version {
        found.push(Found::ProjectVersionNotInForce { named, in_force });
    }
    if let Some((named, in_force)) = omissions.governance_rules {
        let project = p.project.clone();
        found.push(Found::GovernanceRulesNotInForce {
            project,
            named,
            in_force,
        });
    }
    Ok(found)
}

/// What the decision `d` left out of the count.
pub fn decision_findings(d: &Decision) -> ExternResult<Vec<Found>> {
    let view = match view_of(&d.proposal)? {
        Ok(view) => view,
        Err(found) => return Ok(vec![found]),
    };
    Ok(left_out(d, &view))
}

fn left_out(d: &Decision, view: &CountView) -> Vec<Found> {
    let (votes, delegations) = view.left_out(d);
    let votes = votes
        .into_iter()
        .map(|vote| Found::VoteLeftOut { vote: vote.clone() });
    let delegations = delegations
        .into_iter()
        .map(|delegation| Found::DelegationLeftOut {
            delegation: delegation.clone(),
        });
    votes.chain(delegations).collect()
}

/// What is wrong with the decision a change (an equation, an exception) was carried out on,
/// and its proposal.
pub fn carried_out_findings(decision: Option<&ActionHash>) -> ExternResult<Vec<Found>> {
    let Some(decision) = decision else {
        return Ok(vec![]);
    };
    let Some(Ok((_, decided))) = get_entry::<Decision>(decision)? else {
        return Ok(vec![]); // validation read it; the replay reports what it cannot read
    };
    let mut found = match get_entry::<Proposal>(&decided.proposal)? {
        Some(Ok((record, proposal))) => proposal_findings(&proposal, record.action().timestamp())?,
        _ => vec![],
    };
    let view = match view_of(&decided.proposal)? {
        Ok(view) => view,
        Err(unreadable) => return Ok([found, vec![unreadable]].concat()),
    };
    found.extend(left_out(&decided, &view));
    if view.standing.as_ref() != Some(decision) {
        found.push(Found::DecisionNotStanding {
            decision: decision.clone(),
            standing: view.standing,
        });
    }
    Ok(found)
}

/// What is wrong with the decision behind the license exception a grant was made under.
pub fn exception_decision_findings(exception: &ActionHash) -> ExternResult<Vec<Found>> {
    match get_entry::<LicenseException>(exception)? {
        Some(Ok((_, e))) => carried_out_findings(e.decision.as_ref()),
        _ => Ok(vec![]), // validation read it; the replay reports what it cannot read
    }
}
