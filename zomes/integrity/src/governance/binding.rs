//! Carrying out a decision: what a change bound by governance names, read from the DHT, and
//! the one rule (`ovn_domain::governance::binding::authority`) on whose authority it is made.
//! Validators and coordinators (the ledger's equations, the licenses' exceptions) both ask
//! [`authority_of`].

use super::decision::Decision;
use super::proposal::{Change, Proposal};
use super::vote::proposal_of;
use crate::constitution::network_constitution;
use crate::members::project::steward_of;
use crate::verdict::{must_get_app_entry, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::binding::{authority, Authority, Decided, Made};

/// A decision a change names, with its proposal and when it was published.
pub struct NamedDecision {
    pub hash: ActionHash,
    pub decision: Decision,
    pub proposal: Proposal,
    /// When the proposal opened (its action's time).
    pub opened: Timestamp,
    pub at: Timestamp,
}

impl NamedDecision {
    /// The decision as the binding rule reads it.
    pub fn decided(&self) -> Decided<'_, ActionHash, Change> {
        Decided {
            decision: &self.hash,
            project: &self.proposal.project,
            change: &self.proposal.change,
            against: self.proposal.against(),
            passed: self.decision.tally.passed(),
            at: self.at.as_micros(),
        }
    }
}

/// The Decision at `hash` and its Proposal.
pub fn named_decision(hash: &ActionHash) -> Verdict<NamedDecision> {
    let decision = match must_get_app_entry::<Decision>(hash, UnitEntryTypes::Decision)? {
        Ok(decision) => decision,
        Err(why) => return Ok(Err(why)),
    };
    let proposal = match proposal_of(&decision.entry.proposal)? {
        Ok(proposal) => proposal,
        Err(why) => return Ok(Err(why)),
    };
    Ok(Ok(NamedDecision {
        hash: hash.clone(),
        at: decision.record.action().timestamp(),
        decision: decision.entry,
        opened: proposal.record.action().timestamp(),
        proposal: proposal.entry,
    }))
}

/// On whose authority `made` is, naming `decision` or none, under the network's
/// `decisions_bind`. `what` names the kind of change in errors ("value equation").
pub fn authority_of(
    what: &str,
    made: &Made<'_, ActionHash, Change>,
    decision: Option<&ActionHash>,
) -> Verdict<Authority> {
    let binds = network_constitution()?.governance.decisions_bind;
    let named = match decision.map(named_decision).transpose()? {
        None => None,
        Some(Ok(named)) => Some(named),
        Some(Err(why)) => return Ok(Err(why)),
    };
    let decided = named.as_ref().map(NamedDecision::decided);
    Ok(authority(what, binds, made, decided.as_ref()).map_err(|e| e.to_string()))
}

/// Rule 2 of a change bound by governance and chained by versions (a ProjectVersion, a
/// UsageRulesVersion, a GovernanceRulesVersion): made on `decision`'s authority
/// ([`authority_of`]), or, where the network lets stewards act alone, by `author` as a steward
/// of `made.project`'s version `stewards` (to `act`: "change it").
pub fn decided_or_stewarded(
    what: &str,
    made: &Made<'_, ActionHash, Change>,
    decision: Option<&ActionHash>,
    stewards: Option<&ActionHash>,
    author: &AgentPubKey,
    act: &'static str,
) -> Verdict<()> {
    let authority = match authority_of(what, made, decision)? {
        Ok(authority) => authority,
        Err(why) => return Ok(Err(why)),
    };
    if authority == Authority::Stewards {
        return steward_of(made.project, stewards, author, act);
    }
    Ok(Ok(()))
}
