//! Fetching records and reading their entries, with errors that name what was missing.

use hdk::prelude::*;
use ovn_integrity::governance::binding::NamedDecision;
use ovn_integrity::verdict::unit_entry_type;
use ovn_integrity::{Decision, EntryKind, Proposal, UnitEntryTypes};
use std::collections::BTreeSet;

/// The record at `hash` read as `T`: `Ok(None)` when nothing is there, `Err(what)` when it is
/// something else (`what` names it: "a Profile", "no entry of this app").
pub fn get_entry<T>(hash: &ActionHash) -> ExternResult<Option<Result<(Record, T), String>>>
where
    T: EntryKind + TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    let Some(record) = get(hash.clone(), GetOptions::default())? else {
        return Ok(None);
    };
    // One comparison of entry defs; naming another type asks the zome's info once per type.
    let expected = AppEntryDef::try_from(T::UNIT)?;
    let is_expected = record.action().app_entry_def().is_some_and(|d| {
        d.zome_index == expected.zome_index && d.entry_index == expected.entry_index
    });
    if !is_expected {
        return Ok(Some(Err(match unit_entry_type(&record)? {
            Some(unit) => a_kind(unit),
            None => "no entry of this app".into(),
        })));
    }
    match record.entry().to_app_option::<T>() {
        Ok(Some(entry)) => Ok(Some(Ok((record, entry)))),
        _ => Ok(Some(Err(format!("an unreadable {:?}", T::UNIT)))),
    }
}

/// A read of one record of type `T` by its hash: `None` when nothing is known there yet, an
/// error naming what it is when it is something else ("uhCkk… is a Profile, not a Project").
/// The `get_<entry>` functions answer through it; reads that need the record to go on (an
/// equation of a project, a contribution's status) use [`must_read`].
pub fn read_entry<T>(hash: &ActionHash) -> ExternResult<Option<Record>>
where
    T: EntryKind + TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    match get_entry::<T>(hash)? {
        None => Ok(None),
        Some(Ok((record, _))) => Ok(Some(record)),
        Some(Err(what)) => Err(guest(wrong_kind(hash, &what, T::UNIT))),
    }
}

/// The record at `hash` with its entry as `T`, or an error that says why not: "Project uhCkk…
/// not found" when nothing is known there yet, "uhCkk… is a Profile, not a Project" when it is
/// something else. Coordinators read every hash a caller names through it.
pub fn must_read<T>(hash: &ActionHash) -> ExternResult<(Record, T)>
where
    T: EntryKind + TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    match get_entry::<T>(hash)? {
        None => Err(guest(not_found(hash, T::UNIT))),
        Some(Ok(found)) => Ok(found),
        Some(Err(what)) => Err(guest(wrong_kind(hash, &what, T::UNIT))),
    }
}

/// The record at `hash` from the network, for a coordinator's reading of what an entry names
/// (validation's is `ovn_integrity::verdict::must_get`); an error when it is not found yet.
pub fn fetch(hash: &ActionHash) -> ExternResult<Record> {
    get(hash.clone(), GetOptions::network())?.ok_or_else(|| {
        guest(format!(
            "{hash}, which it names, is not found yet: try again in a few seconds"
        ))
    })
}

/// "`expected` `hash` not found".
pub fn not_found(hash: &ActionHash, expected: UnitEntryTypes) -> String {
    format!(
        "{expected:?} {hash} not found: nothing is known at this hash yet (a record just \
         written elsewhere can take a few seconds to arrive)"
    )
}

/// "`hash` is `what`, not a `expected`".
pub fn wrong_kind(hash: &ActionHash, what: &str, expected: UnitEntryTypes) -> String {
    format!("{hash} is {what}, not {}", a_kind(expected))
}

/// "a Profile", "an Endorsement".
fn a_kind(unit: UnitEntryTypes) -> String {
    let name = format!("{unit:?}");
    let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

/// `message` as a zome error.
fn guest(message: String) -> WasmError {
    wasm_error!(WasmErrorInner::Guest(message))
}

/// The records the links point at, each once, oldest link first, skipping any not yet reachable.
pub fn get_targets(mut links: Vec<Link>) -> ExternResult<Vec<Record>> {
    links.sort_by(|a, b| (a.timestamp, &a.target).cmp(&(b.timestamp, &b.target)));
    let mut seen = std::collections::HashSet::new();
    let mut records = Vec::with_capacity(links.len());
    for link in links {
        if !seen.insert(link.target.clone()) {
            continue;
        }
        if let Some(hash) = link.target.into_action_hash() {
            records.extend(get(hash, GetOptions::default())?);
        }
    }
    Ok(records)
}

/// `found`, a listing under `base`, after checking that `base` is a `T` when the listing is
/// empty: a listing of an unknown hash says "not found", and of a hash of another kind says
/// what it is ("uhCkk… is a Profile, not a Project"), never an empty list. A listing that found
/// something needs no read: each link type's validation ties its base to its target.
pub fn listed<T, L>(base: &ActionHash, found: Vec<L>) -> ExternResult<Vec<L>>
where
    T: EntryKind + TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    if found.is_empty() {
        must_read::<T>(base)?;
    }
    Ok(found)
}

/// The record just committed at `hash`.
pub fn committed(hash: ActionHash) -> ExternResult<Record> {
    get(hash.clone(), GetOptions::local())?.ok_or_else(|| {
        wasm_error!(WasmErrorInner::Guest(format!(
            "{hash} vanished after commit"
        )))
    })
}

/// The records on the caller's own chain that create entries of type `entry_type`, oldest
/// first: what the caller wrote, even before the DHT shows it.
pub fn own_entries(entry_type: EntryType) -> ExternResult<Vec<Record>> {
    query(
        ChainQueryFilter::new()
            .entry_type(entry_type)
            .action_type(ActionType::Create)
            .include_entries(true),
    )
}

/// The records read as `T`, each once, with the caller's own ones the DHT did not return,
/// keeping those `keep` accepts; in timestamp order.
pub fn with_own<T>(
    from_dht: Vec<Record>,
    own: Vec<Record>,
    keep: impl Fn(&T) -> bool,
) -> Vec<(ActionHash, T)>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    with_own_timed(from_dht, own, keep)
        .into_iter()
        .map(|(hash, _, e)| (hash, e))
        .collect()
}

/// [`with_own`], each with its action's timestamp.
pub fn with_own_timed<T>(
    from_dht: Vec<Record>,
    own: Vec<Record>,
    keep: impl Fn(&T) -> bool,
) -> Vec<(ActionHash, Timestamp, T)>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    let mut seen = BTreeSet::new();
    let mut records: Vec<Record> = from_dht
        .into_iter()
        .chain(own)
        .filter(|r| seen.insert(r.action_address().clone()))
        .collect();
    records.sort_by_key(|r| (r.action().timestamp(), r.action_address().clone()));
    records
        .into_iter()
        .filter_map(|r| {
            let e: T = r.entry().to_app_option().ok().flatten()?;
            keep(&e).then(|| (r.action_address().clone(), r.action().timestamp(), e))
        })
        .collect()
}

/// `records` without those an honest peer has warranted: reads that derive state (who holds a
/// resource, which equation is in force) drop what the network rejected. Holochain 0.7.1 keeps
/// ops fetched from others as valid, so a record's own validation status cannot be trusted; the
/// warrants against its author can: each names the action it proves invalid. Reads this
/// conductor's view of each author's activity, once per author, and asks the authorities of
/// that activity only when this conductor holds none of it (it is no authority for it). Not
/// both every time: in Holochain 0.7.1 a request's timeout starts only once it is sent, and a
/// send to a peer that others blocked (the warranted author, often) can wait for ever, taking
/// the read with it.
pub fn without_warranted(records: Vec<Record>) -> ExternResult<Vec<Record>> {
    let authors: BTreeSet<AgentPubKey> = records
        .iter()
        .map(|r| r.action().author().clone())
        .collect();
    let mut warranted = BTreeSet::new();
    for author in authors {
        let activity = |options| {
            get_agent_activity(
                author.clone(),
                ChainQueryFilter::new(),
                ActivityRequest::Status,
                options,
            )
        };
        let mut status = activity(GetOptions::local())?;
        if matches!(status.status, ChainStatus::Empty) && status.warrants.is_empty() {
            // An authority that does not answer leaves the (empty) local view to decide.
            if let Ok(remote) = activity(GetOptions::network()) {
                status = remote;
            }
        }
        for w in status.warrants {
            if let WarrantProof::ChainIntegrity(ChainIntegrityWarrant::InvalidChainOp {
                action,
                ..
            }) = &w.data().proof
            {
                warranted.insert(action.0.clone());
            }
        }
    }
    Ok(records
        .into_iter()
        .filter(|r| !warranted.contains(r.action_address()))
        .collect())
}

/// The Decision at `hash` with its Proposal, as a change carrying it out names it.
pub fn must_read_decision(hash: &ActionHash) -> ExternResult<NamedDecision> {
    let (record, decision) = must_read::<Decision>(hash)?;
    let (opened, proposal) = must_read::<Proposal>(&decision.proposal)?;
    Ok(NamedDecision {
        hash: hash.clone(),
        at: record.action().timestamp(),
        decision,
        opened: opened.action().timestamp(),
        proposal,
    })
}
