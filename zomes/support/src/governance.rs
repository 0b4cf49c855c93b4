//! What the governance zome counts, for the zomes that carry a decision out and for the audit:
//! a proposal's count as `get_proposal` gives it (read by a local call: one recount, never a
//! second), and whether a decision may be carried out on it. Validators check a decision
//! given what it names; only the count shows what it left out and which decision stands.

use hdk::prelude::*;
use ovn_integrity::governance::binding::NamedDecision;
use ovn_integrity::Decision;

/// The part of the governance zome's `ProposalView` read here (the same field names; a rename
/// there fails every carrying-out and every decision's audit, which the governance rules test
/// would show).
#[derive(Serialize, Deserialize, Debug)]
pub struct CountView {
    pub count: Counted,
    /// The decision that stands on it (`ovn_domain::governance::rules::standing`).
    pub standing: Option<ActionHash>,
}

#[derive(Serialize, Deserialize, Debug)]
pub struct Counted {
    pub votes: Vec<ActionHash>,
    pub delegations: Vec<ActionHash>,
}

impl CountView {
    /// The votes and the delegations the count holds that `decision` does not name.
    pub fn left_out<'a>(
        &'a self,
        decision: &Decision,
    ) -> (Vec<&'a ActionHash>, Vec<&'a ActionHash>) {
        let votes = self.count.votes.iter();
        let delegations = self.count.delegations.iter();
        (
            votes.filter(|v| !decision.votes.contains(v)).collect(),
            delegations
                .filter(|d| !decision.delegations.contains(d))
                .collect(),
        )
    }
}

/// `proposal`'s count from this cell's governance zome, or why it cannot be read.
pub fn count_view(proposal: &ActionHash) -> ExternResult<Result<CountView, String>> {
    let response = match call(
        CallTargetCell::Local,
        ZomeName::from("governance"),
        FunctionName::from("get_proposal"),
        None,
        proposal.clone(),
    ) {
        Ok(response) => response,
        Err(e) => return Ok(Err(e.to_string())),
    };
    Ok(match response {
        ZomeCallResponse::Ok(io) => io.decode().map_err(|e| e.to_string()),
        other => Err(format!("{other:?}")),
    })
}

/// Whether `named` may be carried out now: it is the decision that stands on its proposal, and
/// names every vote and delegation the count holds. Otherwise why not, in words a member can
/// act on.
pub fn check_stands(named: &NamedDecision) -> ExternResult<Result<(), String>> {
    let decision = &named.hash;
    let view = match count_view(&named.decision.proposal)? {
        Ok(view) => view,
        Err(why) => {
            return Ok(Err(format!(
                "the count of its proposal cannot be read: {why}"
            )))
        }
    };
    match &view.standing {
        None => {
            return Ok(Err(format!(
                "no decision on proposal {} is known here yet: a decision just published can \
                 take a few seconds to arrive",
                named.decision.proposal
            )))
        }
        Some(standing) if standing != decision => {
            return Ok(Err(format!(
                "decision {decision} does not stand: decision {standing} on the same proposal \
                 counted more ballots, or as many and came first; carry that one out"
            )))
        }
        Some(_) => {}
    }
    let (votes, delegations) = view.left_out(&named.decision);
    if !votes.is_empty() || !delegations.is_empty() {
        return Ok(Err(format!(
            "decision {decision} leaves out {} vote(s) and {} delegation(s) this node counts: \
             publish the decision again, naming them",
            votes.len(),
            delegations.len()
        )));
    }
    Ok(Ok(()))
}
