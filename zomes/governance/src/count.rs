//! The count, as a decision's validators make it: each electorate member's latest vote cast
//! while the proposal was open, each member's latest delegation made before the close in this
//! project or the network, the tally `ovn_domain::governance::tally::tally` gives; without
//! what the network warranted. `get_proposal` shows it; `decide` publishes it.

use crate::votes::delegations_of;
use crate::GovernanceError;
use hdk::prelude::*;
use ovn_domain::governance::rules::check_vote_time;
use ovn_domain::governance::tally::{latest, tally, Choice, Tally};
use ovn_integrity::governance::electorate::electorate_of;
use ovn_integrity::governance::rules_version::rules_of;
use ovn_integrity::{Decision, Delegation, EntryTypes, LinkTypes, Proposal, UnitEntryTypes, Vote};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::{
    committed, fetch, get_targets, must_read, own_entries, without_warranted,
};
use std::collections::BTreeMap;

/// What a decision names, and what it states.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Count {
    /// Each voter's latest vote.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub votes: Vec<ActionHash>,
    /// Each delegator's latest delegation in scope, made before the close.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub delegations: Vec<ActionHash>,
    pub tally: Tally,
}

/// The count of `proposal` (at `hash`, opened at `opened`) from what this node can see now.
pub fn count(hash: &ActionHash, proposal: &Proposal, opened: Timestamp) -> ExternResult<Count> {
    let electorate = electorate_of(proposal, opened, &fetch)?.map_err(GovernanceError::Refused)?;
    let (open, closes) = (opened.as_micros(), proposal.closes.as_micros());
    let mut votes = without_warranted(get_targets(get_links(
        LinkQuery::try_new(hash.clone(), LinkTypes::ProposalToVotes)?,
        GetStrategy::default(),
    )?)?)?;
    for own in own_entries(UnitEntryTypes::Vote.try_into()?)? {
        if !votes
            .iter()
            .any(|r| r.action_address() == own.action_address())
        {
            votes.push(own);
        }
    }
    let cast = votes.iter().filter_map(|r| {
        let vote = r.entry().to_app_option::<Vote>().ok().flatten()?;
        let voter = r.action().author();
        let at = r.action().timestamp().as_micros();
        let counts = vote.proposal == *hash
            && check_vote_time(at, open, closes).is_ok()
            && electorate.contains_key(voter);
        counts.then(|| {
            let key = r.action().action_seq();
            (
                voter.clone(),
                key,
                (r.action_address().clone(), vote.choice),
            )
        })
    });
    let ballots: BTreeMap<AgentPubKey, (ActionHash, Choice)> = latest(cast);
    let mut named_delegations = Vec::new();
    let mut delegated = BTreeMap::new();
    for member in electorate.keys() {
        let chosen = delegations_of(member)?
            .into_iter()
            .filter(|r| r.action().timestamp().as_micros() < closes)
            .filter_map(|r| {
                let d = r.entry().to_app_option::<Delegation>().ok().flatten()?;
                let in_scope = d.scope.as_ref().is_none_or(|s| s == &proposal.project);
                in_scope.then_some((r.action().action_seq(), r.action_address().clone(), d))
            })
            .max_by_key(|(seq, _, _)| *seq);
        if let Some((_, at, d)) = chosen {
            named_delegations.push(at);
            if let Some(delegate) = d.delegate {
                delegated.insert(member.clone(), delegate);
            }
        }
    }
    let method = rules_of(proposal, opened, &fetch)?
        .map_err(GovernanceError::Refused)?
        .rule(proposal.change.kind())
        .method;
    let choices = ballots
        .iter()
        .map(|(voter, (_, choice))| (voter.clone(), choice.clone()))
        .collect();
    let tally = tally(method, &electorate, &choices, &delegated).map_err(GovernanceError::from)?;
    Ok(Count {
        votes: ballots.into_values().map(|(hash, _)| hash).collect(),
        delegations: named_delegations,
        tally,
    })
}

/// Publishes the decision on a closed proposal: the count this node sees, which every
/// validator recomputes.
#[hdk_extern]
pub fn decide(proposal: Input) -> ExternResult<Record> {
    let hash: ActionHash = proposal.decode()?;
    let (record, proposal) = must_read::<Proposal>(&hash)?;
    if sys_time()? < proposal.closes {
        return Err(GovernanceError::StillOpen {
            proposal: hash,
            closes: proposal.closes,
        }
        .into());
    }
    let counted = count(&hash, &proposal, record.action().timestamp())?;
    let decision = create_entry(EntryTypes::Decision(Decision {
        proposal: hash.clone(),
        votes: counted.votes,
        delegations: counted.delegations,
        tally: counted.tally,
    }))?;
    create_link(hash, decision.clone(), LinkTypes::ProposalToDecisions, ())?;
    committed(decision)
}

/// The decisions published on a proposal, oldest first, with their entries.
pub fn decisions_of(proposal: &ActionHash) -> ExternResult<Vec<(Record, Decision)>> {
    let found = without_warranted(get_targets(get_links(
        LinkQuery::try_new(proposal.clone(), LinkTypes::ProposalToDecisions)?,
        GetStrategy::default(),
    )?)?)?;
    Ok(found
        .into_iter()
        .filter_map(|r| {
            let d = r.entry().to_app_option::<Decision>().ok().flatten()?;
            (&d.proposal == proposal).then_some((r, d))
        })
        .collect())
}
