//! Reading an agent's chain: the caller's own from their source chain (private entries
//! included), anyone else's from the DHT, as the authorities of their activity hold it. Another
//! agent's chain is walked with `must_get_agent_activity` back from the head those authorities
//! report; each public entry comes from the walk's cache, else from a network `get`.

use crate::AuditError;
use hdk::prelude::*;
use ovn_domain::export::ExportSource;

/// An agent's chain, genesis first, with the network's view of it.
pub struct Chain {
    pub source: ExportSource,
    pub records: Vec<Record>,
    /// What the authorities of the agent's activity report (status, warrants, rejections):
    /// read for another agent's chain (it names the head); not for the caller's own, which an
    /// agent other peers have blocked can still export.
    pub activity: Option<AgentActivityStatus>,
}

/// The chain of `agent`: the caller's own source chain, or what the DHT holds of another's.
pub fn chain_of(agent: &AgentPubKey) -> ExternResult<Chain> {
    if *agent == agent_info()?.agent_initial_pubkey {
        let mut records = query(ChainQueryFilter::new().include_entries(true))?;
        records.sort_by_key(|r| r.action().action_seq());
        return Ok(Chain {
            source: ExportSource::Author,
            records,
            activity: None,
        });
    }
    let activity = activity_of(agent)?;
    let Some(head) = head_of(&activity) else {
        // Nothing held: an agent the network never saw, or one whose actions honest peers
        // refused to hold (their warrants still say why).
        return Ok(Chain {
            source: ExportSource::Dht,
            records: vec![],
            activity: Some(activity),
        });
    };
    let walked = must_get_agent_activity(
        agent.clone(),
        ChainFilter::new(head.clone()).include_cached_entries(),
    )
    .map_err(|e| AuditError::Unreadable {
        agent: agent.clone(),
        head: head.clone(),
        reason: e.to_string(),
    })?;
    let mut records = Vec::with_capacity(walked.len());
    for step in walked.into_iter().rev() {
        let action = step.action.action();
        let entry = match (step.cached_entry, action.entry_type()) {
            (Some(entry), _) => Some(entry),
            (None, Some(_)) if !is_private(action) => {
                get(step.action.as_hash().clone(), GetOptions::network())?
                    .and_then(|r| r.entry().as_option().cloned())
            }
            _ => None,
        };
        let visibility = step.action.action().entry_type().map(|t| t.visibility());
        let entry = RecordEntry::new(visibility, entry);
        records.push(Record::new(step.action, entry));
    }
    Ok(Chain {
        source: ExportSource::Dht,
        records,
        activity: Some(activity),
    })
}

/// What the authorities of `agent`'s activity report, with the warrants and rejections this
/// conductor holds itself added: an authority may be the agent in question (in a small network,
/// a hostile agent answers for her own chain, without the warrants against her), and the caller
/// may be the only honest authority left. When the network answers with nothing, this
/// conductor's own view is the answer.
pub fn activity_of(agent: &AgentPubKey) -> ExternResult<AgentActivityStatus> {
    let ask = |options| {
        get_agent_activity(
            agent.clone(),
            ChainQueryFilter::new(),
            ActivityRequest::Full,
            options,
        )
    };
    let remote = ask(GetOptions::network())?;
    let local = ask(GetOptions::local())?;
    let (mut view, other) =
        if remote.status == ChainStatus::Empty && remote.highest_observed.is_none() {
            (local, remote)
        } else {
            (remote, local)
        };
    for w in other.warrants {
        if !view.warrants.contains(&w) {
            view.warrants.push(w);
        }
    }
    for r in other.rejected_activity {
        if !view.rejected_activity.contains(&r) {
            view.rejected_activity.push(r);
        }
    }
    Ok(view)
}

/// The highest action the authorities observed (the first, where they saw a fork), or the
/// head their status names.
fn head_of(activity: &AgentActivityStatus) -> Option<ActionHash> {
    if let Some(h) = activity
        .highest_observed
        .as_ref()
        .and_then(|h| h.hash.first())
    {
        return Some(h.clone());
    }
    match &activity.status {
        ChainStatus::Valid(h) | ChainStatus::Invalid(h) | ChainStatus::Closed(h) => {
            Some(h.hash.clone())
        }
        ChainStatus::Forked(f) => Some(f.first_action.clone()),
        ChainStatus::Empty => None,
    }
}

/// Whether the action creates or updates a private entry.
pub fn is_private(action: &Action) -> bool {
    action
        .entry_type()
        .is_some_and(|t| *t.visibility() == EntryVisibility::Private)
}
