//! What validation cannot see in governance. A decision is checked *given* the votes and
//! delegations it names, so one that leaves out a vote (or a delegation) the count holds is
//! valid, and may pass what the whole electorate failed; and an equation adopted on such a
//! decision is valid too. For each decision the audited agent published, the audit reports the
//! votes and delegations that count now (the governance zome's own count, as `get_proposal`
//! gives it) that it does not name ([`Found::VoteLeftOut`], [`Found::DelegationLeftOut`]); for
//! each equation they adopted on a decision, a decision that does not stand (another on the same
//! proposal counted more votes: `ovn_domain::governance::rules::standing`,
//! [`Found::DecisionNotStanding`]).

use crate::completeness::Found;
use hdk::prelude::*;
use ovn_integrity::{Decision, ValueEquation};
use ovn_zome_support::records::get_entry;

/// The part of the governance zome's `ProposalView` the audit reads.
#[derive(Serialize, Deserialize, Debug)]
struct View {
    count: Counted,
    standing: Option<ActionHash>,
}

#[derive(Serialize, Deserialize, Debug)]
struct Counted {
    votes: Vec<ActionHash>,
    delegations: Vec<ActionHash>,
}

/// The proposal's view from this cell's governance zome.
fn view_of(proposal: &ActionHash) -> ExternResult<View> {
    let response = call(
        CallTargetCell::Local,
        ZomeName::from("governance"),
        FunctionName::from("get_proposal"),
        None,
        proposal.clone(),
    )?;
    match response {
        ZomeCallResponse::Ok(io) => io.decode().map_err(|e| wasm_error!(e)),
        other => Err(wasm_error!(WasmErrorInner::Guest(format!(
            "the count of proposal {proposal} cannot be read: {other:?}"
        )))),
    }
}

/// What the decision `d` left out of the count.
pub fn decision_findings(d: &Decision) -> ExternResult<Vec<Found>> {
    let view = view_of(&d.proposal)?;
    let votes = view
        .count
        .votes
        .into_iter()
        .filter(|v| !d.votes.contains(v));
    let delegations = view
        .count
        .delegations
        .into_iter()
        .filter(|x| !d.delegations.contains(x));
    Ok(votes
        .map(|vote| Found::VoteLeftOut { vote })
        .chain(delegations.map(|delegation| Found::DelegationLeftOut { delegation }))
        .collect())
}

/// Whether the decision the equation `e` was adopted on stands.
pub fn adoption_findings(e: &ValueEquation) -> ExternResult<Vec<Found>> {
    let Some(decision) = &e.decision else {
        return Ok(vec![]);
    };
    let Some(Ok((_, decided))) = get_entry::<Decision>(decision)? else {
        return Ok(vec![]); // validation read it; the replay reports what it cannot read
    };
    let standing = view_of(&decided.proposal)?.standing;
    Ok(match standing {
        Some(standing) if &standing != decision => vec![Found::DecisionNotStanding {
            decision: decision.clone(),
            standing,
        }],
        _ => vec![],
    })
}
