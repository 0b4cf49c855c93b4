//! Fetching records and reading their entries, with errors that name what was missing.

use hdk::prelude::*;

/// The record at `hash` read as `T`: `Ok(None)` when nothing is there, `Err(())` when it is
/// something else.
pub fn get_entry<T>(hash: &ActionHash) -> ExternResult<Option<Result<(Record, T), ()>>>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    let Some(record) = get(hash.clone(), GetOptions::default())? else {
        return Ok(None);
    };
    match record.entry().to_app_option::<T>() {
        Ok(Some(entry)) => Ok(Some(Ok((record, entry)))),
        _ => Ok(Some(Err(()))),
    }
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

/// The record just committed at `hash`.
pub fn committed(hash: ActionHash) -> ExternResult<Record> {
    get(hash.clone(), GetOptions::local())?.ok_or_else(|| {
        wasm_error!(WasmErrorInner::Guest(format!(
            "{hash} vanished after commit"
        )))
    })
}
