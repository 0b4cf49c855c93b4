//! Votes and delegations: a member votes on an open proposal (a later vote names and replaces
//! their earlier one), and delegates, in a project or the whole network, to be represented
//! where they do not vote.

use crate::GovernanceError;
use hdk::prelude::*;
use ovn_domain::governance::tally::Choice;
use ovn_domain::text::{check_optional_text, check_text, MAX_PROSE};
use ovn_integrity::governance::electorate::electorate_of;
use ovn_integrity::{Delegation, EntryTypes, LinkTypes, Project, Proposal, UnitEntryTypes, Vote};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::{
    committed, fetch, get_targets, must_read, own_entries, without_warranted,
};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CastVoteInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub proposal: ActionHash,
    pub choice: Choice,
    pub reason: String,
}

/// Votes on an open proposal the caller may vote on, replacing their earlier vote on it.
#[hdk_extern]
pub fn cast_vote(input: Input) -> ExternResult<Record> {
    let input: CastVoteInput = input.decode()?;
    check_optional_text("reason", &input.reason, MAX_PROSE).map_err(GovernanceError::from)?;
    if let Choice::Block { reason } = &input.choice {
        check_text("block reason", reason, MAX_PROSE).map_err(GovernanceError::from)?;
    }
    let (record, proposal) = must_read::<Proposal>(&input.proposal)?;
    if sys_time()? >= proposal.closes {
        return Err(GovernanceError::Closed {
            proposal: input.proposal,
        }
        .into());
    }
    let me = agent_info()?.agent_initial_pubkey;
    let electorate = electorate_of(&proposal, record.action().timestamp(), &fetch)?
        .map_err(GovernanceError::Refused)?;
    if !electorate.contains_key(&me) {
        return Err(GovernanceError::NotInElectorate {
            agent: me,
            why: "it is fixed when the proposal opens".into(),
        }
        .into());
    }
    let replaces = own_entries(UnitEntryTypes::Vote.try_into()?)?
        .into_iter()
        .filter(|r| {
            matches!(r.entry().to_app_option::<Vote>(), Ok(Some(v)) if v.proposal == input.proposal)
        })
        .max_by_key(|r| r.action().action_seq())
        .map(|r| r.action_address().clone());
    let hash = create_entry(EntryTypes::Vote(Vote {
        proposal: input.proposal.clone(),
        choice: input.choice,
        reason: input.reason,
        replaces,
    }))?;
    create_link(input.proposal, hash.clone(), LinkTypes::ProposalToVotes, ())?;
    committed(hash)
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DelegateInput {
    /// Who represents the caller; `None` revokes.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::AgentPubKey>"))]
    pub delegate: Option<AgentPubKey>,
    /// A project, or `None` for the whole network.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub scope: Option<ActionHash>,
}

/// Delegates the caller's vote (or revokes it, with no delegate) in a project or the network.
#[hdk_extern]
pub fn delegate(input: Input) -> ExternResult<Record> {
    let input: DelegateInput = input.decode()?;
    let me = agent_info()?.agent_initial_pubkey;
    if input.delegate.as_ref() == Some(&me) {
        return Err(GovernanceError::Refused(
            "a member cannot delegate to themselves: revoke instead".into(),
        )
        .into());
    }
    if let Some(scope) = &input.scope {
        must_read::<Project>(scope)?;
    }
    let hash = create_entry(EntryTypes::Delegation(Delegation {
        delegate: input.delegate,
        scope: input.scope,
    }))?;
    create_link(me, hash.clone(), LinkTypes::AgentToDelegations, ())?;
    committed(hash)
}

/// An agent's delegations, oldest first, without what the network warranted (the caller's own
/// from their chain too).
#[hdk_extern]
pub fn get_delegations_of(agent: Input) -> ExternResult<Vec<Record>> {
    let agent: AgentPubKey = agent.decode()?;
    delegations_of(&agent)
}

pub fn delegations_of(agent: &AgentPubKey) -> ExternResult<Vec<Record>> {
    let mut found = without_warranted(get_targets(get_links(
        LinkQuery::try_new(agent.clone(), LinkTypes::AgentToDelegations)?,
        GetStrategy::default(),
    )?)?)?;
    if agent == &agent_info()?.agent_initial_pubkey {
        for own in own_entries(UnitEntryTypes::Delegation.try_into()?)? {
            if !found
                .iter()
                .any(|r| r.action_address() == own.action_address())
            {
                found.push(own);
            }
        }
    }
    found.retain(|r| r.action().author() == agent);
    found.sort_by_key(|r| r.action().action_seq());
    Ok(found)
}
