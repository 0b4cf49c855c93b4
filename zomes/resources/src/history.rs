//! Reading custody: a resource's history replayed from its custody events (the DHT's, plus
//! the caller's own not yet published) by `ovn_domain::resources::custody::replay`, and the
//! resources an agent holds. The events are followed back through each transfer's `prev` and
//! each acceptance's transfer, so an event its author left out of the index still counts; an
//! open offer's answer is also looked for on its recipient's chain (gathered in [`crate::events`]).

use crate::events::{custody_events, own_custody_records, Event};
use crate::resources::must_find_resource;
use hdk::prelude::*;
use ovn_domain::resources::custody::{replay, CustodyEvent, History};
use ovn_domain::{PropertyRegime, Rights};
use ovn_integrity::{CustodyAcceptance, LinkTypes, Resource, UnitEntryTypes};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::{get_entry, get_targets, own_entries};
use std::collections::{BTreeMap, BTreeSet};

/// One hand-over in a resource's history.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustodyStepReport {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub transfer: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub acceptance: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub from: AgentPubKey,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub to: AgentPubKey,
    pub rights: Rights,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub offered_at: Timestamp,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub accepted_at: Timestamp,
    /// The condition as handed over, and as received.
    pub condition_given: String,
    pub condition_received: String,
}

/// A transfer waiting for its recipient.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PendingReport {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub transfer: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub to: AgentPubKey,
    pub rights: Rights,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub offered_at: Timestamp,
    /// After this it can no longer be accepted, and the custodian may offer it again.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub expires: Timestamp,
}

/// A resource's custody, replayed from its events.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustodyReport {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    pub name: String,
    pub regime: PropertyRegime,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub creator: AgentPubKey,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub created_at: Timestamp,
    /// Who holds it now.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub custodian: AgentPubKey,
    /// Its owner, for Shared and Private resources.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::AgentPubKey>"))]
    pub owner: Option<AgentPubKey>,
    /// The current custody state: the creation or the last acceptance.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub state: ActionHash,
    /// Hand-overs in order.
    pub steps: Vec<CustodyStepReport>,
    /// The open offer (maybe expired: see its `expires`).
    pub pending: Option<PendingReport>,
    /// The last offer of the current state, when its recipient declined it.
    #[cfg_attr(
        feature = "ts",
        ts(as = "Option<(ovn_domain::ts::ActionHash, ovn_domain::ts::AgentPubKey)>")
    )]
    pub declined: Option<(ActionHash, AgentPubKey)>,
}

impl CustodyReport {
    /// The custody state in force at `at`: the last acceptance by then, else the creation (whose
    /// creator held the resource before it was registered too).
    pub fn state_at(&self, at: Timestamp) -> ActionHash {
        self.steps
            .iter()
            .rev()
            .find(|s| s.accepted_at <= at)
            .map_or_else(|| self.resource.clone(), |s| s.acceptance.clone())
    }
}

/// A resource's custody history in order, its current custodian and any pending offer.
#[hdk_extern]
pub fn get_custody_history(resource: Input) -> ExternResult<CustodyReport> {
    custody_history(resource.decode()?)
}

/// [`get_custody_history`] of a hash already read.
pub fn custody_history(resource: ActionHash) -> ExternResult<CustodyReport> {
    let (record, entry) = must_find_resource(&resource)?;
    let events = custody_events(&resource, &own_custody_records()?)?;
    let history = replay_events(&record, &entry, &events);
    let transfer = |h: &ActionHash| match events.get(h) {
        Some(Event::Transfer(r, t)) => Some((r.action().timestamp(), t.condition_note.clone())),
        _ => None,
    };
    let acceptance = |h: &ActionHash| match events.get(h) {
        Some(Event::Accept(r, a)) => Some((r.action().timestamp(), a.condition_note.clone())),
        _ => None,
    };
    let steps = history
        .steps
        .iter()
        .filter_map(|s| {
            let (offered_at, condition_given) = transfer(&s.transfer)?;
            let (accepted_at, condition_received) = acceptance(&s.acceptance)?;
            Some(CustodyStepReport {
                transfer: s.transfer.clone(),
                acceptance: s.acceptance.clone(),
                from: s.from.clone(),
                to: s.to.clone(),
                rights: s.rights.clone(),
                offered_at,
                accepted_at,
                condition_given,
                condition_received,
            })
        })
        .collect();
    let pending = history.pending.as_ref().and_then(|p| {
        Some(PendingReport {
            transfer: p.transfer.clone(),
            to: p.to.clone(),
            rights: p.rights.clone(),
            offered_at: transfer(&p.transfer)?.0,
            expires: Timestamp::from_micros(p.expires),
        })
    });
    Ok(CustodyReport {
        resource,
        name: entry.name,
        regime: entry.regime,
        creator: record.action().author().clone(),
        created_at: record.action().timestamp(),
        custodian: history.holding.custodian,
        owner: history.holding.owner,
        state: history.state,
        steps,
        pending,
        declined: history.declined.map(|d| (d.transfer, d.by)),
    })
}

/// The resources `agent` holds now, oldest first.
#[hdk_extern]
pub fn get_resources_held_by(agent: Input) -> ExternResult<Vec<Record>> {
    let agent: AgentPubKey = agent.decode()?;
    let mut states = get_targets(get_links(
        LinkQuery::try_new(agent.clone(), LinkTypes::AgentToCustodyStates)?,
        GetStrategy::default(),
    )?)?;
    if agent == agent_info()?.agent_initial_pubkey {
        states.extend(own_entries(UnitEntryTypes::Resource.try_into()?)?);
        states.extend(own_entries(UnitEntryTypes::CustodyAcceptance.try_into()?)?);
    }
    let own = own_custody_records()?;
    let mut seen = BTreeSet::new();
    let mut held = vec![];
    for state in states {
        let resource = match state.entry().to_app_option::<CustodyAcceptance>() {
            Ok(Some(acceptance)) => acceptance.resource,
            _ => state.action_address().clone(),
        };
        if !seen.insert(resource.clone()) {
            continue;
        }
        let Some(Ok((record, entry))) = get_entry::<Resource>(&resource)? else {
            continue;
        };
        let history = replay_events(&record, &entry, &custody_events(&resource, &own)?);
        if history.holding.custodian == agent {
            held.push(record);
        }
    }
    held.sort_by_key(|r| (r.action().timestamp(), r.action_address().clone()));
    Ok(held)
}

/// The history of the resource at `record`, replayed from the caller's view of its events.
pub(crate) fn read_history(
    record: &Record,
    resource: &Resource,
) -> ExternResult<History<AgentPubKey, ActionHash>> {
    let events = custody_events(record.action_address(), &own_custody_records()?)?;
    Ok(replay_events(record, resource, &events))
}

fn replay_events(
    record: &Record,
    resource: &Resource,
    events: &BTreeMap<ActionHash, Event>,
) -> History<AgentPubKey, ActionHash> {
    let events = events.iter().map(|(hash, event)| match event {
        Event::Transfer(r, t) => CustodyEvent::Transfer {
            id: hash.clone(),
            prev: t.prev.clone(),
            by: r.action().author().clone(),
            to: t.to.clone(),
            rights: t.rights.clone(),
            seq: r.action().action_seq(),
            at: r.action().timestamp().as_micros(),
            expires: t.expires.as_micros(),
            after_decline: t.after_decline.clone(),
        },
        Event::Accept(r, a) => CustodyEvent::Accept {
            id: hash.clone(),
            transfer: a.transfer.clone(),
            by: r.action().author().clone(),
            seq: r.action().action_seq(),
            at: r.action().timestamp().as_micros(),
        },
        Event::Decline(r, d) => CustodyEvent::Decline {
            id: hash.clone(),
            transfer: d.transfer.clone(),
            by: r.action().author().clone(),
            seq: r.action().action_seq(),
        },
    });
    replay(
        record.action_address().clone(),
        record.action().author(),
        resource.regime,
        events,
    )
}
