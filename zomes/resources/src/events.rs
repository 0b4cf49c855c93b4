//! A resource's custody events as this conductor sees them: the DHT's index, the caller's own
//! records, every earlier event they point back at, and open offers' answers on their
//! recipients' chains; what the network warranted dropped. [`crate::history`] replays them.

use hdk::prelude::*;
use ovn_integrity::{
    CustodyAcceptance, CustodyDecline, CustodyTransfer, LinkTypes, UnitEntryTypes,
};
use ovn_zome_support::records::{get_targets, own_entries, without_warranted};
use std::collections::{BTreeMap, BTreeSet};

/// A custody event with its record.
pub(crate) enum Event {
    Transfer(Record, CustodyTransfer),
    Accept(Record, CustodyAcceptance),
    Decline(Record, CustodyDecline),
}

/// The caller's own custody records: the DHT may not show them yet.
pub(crate) fn own_custody_records() -> ExternResult<Vec<Record>> {
    let mut own = own_entries(UnitEntryTypes::CustodyTransfer.try_into()?)?;
    own.extend(own_entries(UnitEntryTypes::CustodyAcceptance.try_into()?)?);
    own.extend(own_entries(UnitEntryTypes::CustodyDecline.try_into()?)?);
    Ok(own)
}

/// The custody events of `resource`: the DHT's index and the caller's `own` records, plus every
/// earlier event they point back at (a transfer's `prev`, an acceptance's transfer) that an
/// author left out of the index, so one unlinked event cannot hide the custody of everyone
/// after it. What the network warranted is dropped; [`replay`] keeps to validation's choice
/// among what is left (an author's earlier action over a later one).
pub(crate) fn custody_events(
    resource: &ActionHash,
    own: &[Record],
) -> ExternResult<BTreeMap<ActionHash, Event>> {
    let mut linked = get_targets(get_links(
        LinkQuery::try_new(resource.clone(), LinkTypes::ResourceToCustody)?,
        GetStrategy::default(),
    )?)?;
    linked.extend(own.iter().cloned());
    let mut records = without_warranted(linked)?;
    let mut events = BTreeMap::new();
    while !records.is_empty() {
        let mut missing = BTreeSet::new();
        for record in records.drain(..) {
            let hash = record.action_address().clone();
            if events.contains_key(&hash) {
                continue;
            }
            let event = if let Ok(Some(t)) = record.entry().to_app_option::<CustodyTransfer>() {
                missing.insert(t.prev.clone());
                (&t.resource == resource).then_some(Event::Transfer(record, t))
            } else if let Ok(Some(a)) = record.entry().to_app_option::<CustodyAcceptance>() {
                missing.insert(a.transfer.clone());
                (&a.resource == resource).then_some(Event::Accept(record, a))
            } else if let Ok(Some(d)) = record.entry().to_app_option::<CustodyDecline>() {
                missing.insert(d.transfer.clone());
                (&d.resource == resource).then_some(Event::Decline(record, d))
            } else {
                None
            };
            if let Some(event) = event {
                events.insert(hash, event);
            }
        }
        let mut fetched = vec![];
        for hash in missing {
            if &hash != resource && !events.contains_key(&hash) {
                fetched.extend(get(hash, GetOptions::default())?);
            }
        }
        records = without_warranted(fetched)?;
    }
    for record in without_warranted(unindexed_answers(&events)?)? {
        let hash = record.action_address().clone();
        if let Ok(Some(a)) = record.entry().to_app_option::<CustodyAcceptance>() {
            if &a.resource == resource && events.contains_key(&a.transfer) {
                events.insert(hash, Event::Accept(record, a));
            }
        } else if let Ok(Some(d)) = record.entry().to_app_option::<CustodyDecline>() {
            if &d.resource == resource && events.contains_key(&d.transfer) {
                events.insert(hash, Event::Decline(record, d));
            }
        }
    }
    Ok(events)
}

/// The answers (acceptances and declines) on the chains of the recipients of the offers in
/// `events` that none of `events` answers yet. An answer's index link travels apart from the
/// answer itself (another basis, another stretch of the DHT), and nothing else points forward
/// from an offer to its answer; the recipient's chain says whether they answered, even while the
/// link has not arrived, when this conductor holds that chain (as one of its authorities: read
/// locally, so that no read waits on the network for it; otherwise the index alone decides).
fn unindexed_answers(events: &BTreeMap<ActionHash, Event>) -> ExternResult<Vec<Record>> {
    let answered: BTreeSet<&ActionHash> = events
        .values()
        .filter_map(|event| match event {
            Event::Accept(_, a) => Some(&a.transfer),
            Event::Decline(_, d) => Some(&d.transfer),
            Event::Transfer(..) => None,
        })
        .collect();
    let recipients: BTreeSet<&AgentPubKey> = events
        .iter()
        .filter_map(|(hash, event)| match event {
            Event::Transfer(_, t) if !answered.contains(hash) => Some(&t.to),
            _ => None,
        })
        .collect();
    let mut answers = vec![];
    for recipient in recipients {
        let filter = ChainQueryFilter::new()
            .entry_type(UnitEntryTypes::CustodyAcceptance.try_into()?)
            .entry_type(UnitEntryTypes::CustodyDecline.try_into()?);
        let Ok(activity) = get_agent_activity(
            recipient.clone(),
            filter,
            ActivityRequest::Full,
            GetOptions::local(),
        ) else {
            continue;
        };
        for (_, hash) in activity.valid_activity {
            if !events.contains_key(&hash) {
                answers.extend(get(hash, GetOptions::local())?);
            }
        }
    }
    Ok(answers)
}
