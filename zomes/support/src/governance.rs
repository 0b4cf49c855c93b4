//! What the governance zome counts, for the zomes that carry a decision out and for the audit:
//! a proposal's count as `get_proposal` gives it (read by a local call: one recount, never a
//! second), what a proposal left out, and whether a decision may be carried out on it.
//! Validators check a proposal and a decision given what they name; only the index shows the
//! settlements a proposal left out, and only the count the votes a decision left out and which
//! decision stands.

use crate::index::{
    governance_rules_in_force, project_version_in_force, settlements_before, version_in_force,
};
use crate::records::fetch;
use hdk::prelude::*;
use ovn_domain::governance::rules::{Electorate, Weighting};
use ovn_integrity::governance::binding::NamedDecision;
use ovn_integrity::governance::rules_version::rules_of;
use ovn_integrity::{Decision, Proposal};

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

/// What a proposal opened at `opened` left out or named wrongly, as this node's index shows it:
/// a proposal that leaves out a settlement shrinks its electorate (those whose work it settled
/// could not vote) or their weights; one naming another equation than the version then in force
/// weighs reputation by it and, for an equation, replaces it.
pub struct Omissions {
    /// The project's settlements made before it opened that it does not name.
    pub settlements: Vec<ActionHash>,
    /// `(named, in force)` when they differ.
    pub equation: Option<(Option<ActionHash>, Option<ActionHash>)>,
    /// The project's version, `(named, in force)` when they differ: whose stewards decide,
    /// and what a project change replaces.
    pub project_version: Option<(Option<ActionHash>, Option<ActionHash>)>,
    /// The project's governance rules, `(named, in force)` when they differ: how it is decided.
    pub governance_rules: Option<(Option<ActionHash>, Option<ActionHash>)>,
}

impl Omissions {
    /// Whether it names everything in force when it opened.
    pub fn none(&self) -> bool {
        self.settlements.is_empty()
            && self.equation.is_none()
            && self.project_version.is_none()
            && self.governance_rules.is_none()
    }
}

/// What `proposal`, opened at `opened`, left out or named wrongly.
pub fn proposal_omissions(proposal: &Proposal, opened: Timestamp) -> ExternResult<Omissions> {
    let settlements = settlements_before(&proposal.project, opened)?
        .into_iter()
        .filter(|s| !proposal.settlements.contains(s))
        .collect();
    let in_force = version_in_force(&proposal.project, opened)?.map(|(chosen, _)| chosen.hash);
    let equation = (in_force != proposal.equation).then(|| (proposal.equation.clone(), in_force));
    let version = project_version_in_force(&proposal.project, opened)?.map(|(v, _)| v.hash);
    let named = &proposal.project_version;
    let project_version = (&version != named).then(|| (named.clone(), version));
    let rules = governance_rules_in_force(&proposal.project, opened)?.map(|(v, _)| v.hash);
    let named = &proposal.governance_rules;
    let governance_rules = (&rules != named).then(|| (named.clone(), rules));
    Ok(Omissions {
        settlements,
        equation,
        project_version,
        governance_rules,
    })
}

/// Whether `named` may be carried out now: it is the decision that stands on its proposal and
/// names every vote and delegation the count holds; where settlements decide who votes or with
/// what weight (a contributors' electorate, or weights by reputation), its proposal names every
/// settlement of its project made before it opened (a packed electorate); where stewards
/// decide, it names the project's version then in force (whose stewards they are); it names the
/// project's governance rules then in force (how it is decided). Otherwise why
/// not, in words a member can act on. The audit reports each of these, and a proposal naming
/// another equation than the one in force, against whoever carried it out anyway; an equation's
/// own base is checked where it is adopted (`ledger::equations`).
pub fn check_stands(named: &NamedDecision) -> ExternResult<Result<(), String>> {
    let decision = &named.hash;
    let rules = match rules_of(&named.proposal, named.opened, &fetch)? {
        Ok(rules) => rules,
        Err(why) => return Ok(Err(why)),
    };
    let rule = rules.rule(named.proposal.change.kind());
    let omissions = proposal_omissions(&named.proposal, named.opened)?;
    if let Some((_, in_force)) = &omissions.governance_rules {
        return Ok(Err(format!(
            "its proposal {} is decided by other governance rules than the project's in force \
             when it opened ({}): propose it again",
            named.decision.proposal,
            in_force
                .as_ref()
                .map_or_else(|| "the network's".into(), |v| v.to_string())
        )));
    }
    if rule.electorate == Electorate::Stewards && omissions.project_version.is_some() {
        return Ok(Err(format!(
            "its proposal {} names other stewards than the project's version in force when it \
             opened: propose it again",
            named.decision.proposal
        )));
    }
    if rule.electorate == Electorate::Contributors || rule.weighting == Weighting::Reputation {
        let left_out = omissions.settlements;
        if !left_out.is_empty() {
            return Ok(Err(format!(
                "its proposal {} leaves out {} settlement(s) of the project made before it \
                 opened, which say who votes and with what weight: propose it again",
                named.decision.proposal,
                left_out.len()
            )));
        }
    }
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
