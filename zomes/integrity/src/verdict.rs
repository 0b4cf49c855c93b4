//! Shared pieces of every validator: the `check!` macro that turns a rule error into `Invalid`,
//! typed fetches of the entries an action references, and scans of an author's own chain.

use crate::UnitEntryTypes;
use hdi::prelude::*;

/// A validator's answer about something it had to fetch: `Err` = cannot decide yet (a
/// dependency is missing); `Ok(Err(reason))` = decided, and invalid for `reason`; `Ok(Ok(t))` =
/// what the rule needed.
pub type Verdict<T> = ExternResult<Result<T, String>>;

/// Evaluates a `Result`; on `Err(e)` returns `Ok(Invalid(e.to_string()))` from the validator.
#[macro_export]
macro_rules! check {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Ok(ValidateCallbackResult::Invalid(e.to_string())),
        }
    };
}

#[macro_export]
/// `check!` inside a function returning a [`Verdict`]: a refusal becomes `Ok(Err(reason))`.
macro_rules! check_verdict {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Ok(Err(e.to_string())),
        }
    };
}

pub fn invalid(reason: impl Into<String>) -> ExternResult<ValidateCallbackResult> {
    Ok(ValidateCallbackResult::Invalid(reason.into()))
}

pub fn valid() -> ExternResult<ValidateCallbackResult> {
    Ok(ValidateCallbackResult::Valid)
}

/// The entry type of a record, if it is one of ours.
pub fn unit_entry_type(record: &Record) -> ExternResult<Option<UnitEntryTypes>> {
    let Some(def) = record.action().app_entry_def() else {
        return Ok(None);
    };
    for unit in UnitEntryTypes::iter() {
        let expected = AppEntryDef::try_from(unit)?;
        if def.zome_index == expected.zome_index && def.entry_index == expected.entry_index {
            return Ok(Some(unit));
        }
    }
    Ok(None)
}

/// A record a reference points at, with its entry read as `T`.
pub struct Referenced<T> {
    pub record: Record,
    pub entry: T,
}

impl<T> Referenced<T> {
    pub fn author(&self) -> &AgentPubKey {
        self.record.action().author()
    }
}

/// Fetches the valid record at `hash` and reads it as an entry of type `expected`.
/// `Err` means the record cannot be had yet; `Ok(Err(reason))` that it is not a `expected`.
pub fn must_get_app_entry<T>(hash: &ActionHash, expected: UnitEntryTypes) -> Verdict<Referenced<T>>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    fetched_app_entry(hash, must_get_valid_record(hash.clone())?, expected)
}

/// How a rule shared with coordinators reads a record: validators `must_get_valid_record`;
/// a coordinator's read gets it with a timeout instead (in Holochain 0.7.1 a `must_get` from a
/// zome call waits on one remote peer with no timeout, so a read could hang for ever).
pub type Fetch<'a> = &'a dyn Fn(&ActionHash) -> ExternResult<Record>;

/// Validation's fetch.
pub fn must_get(hash: &ActionHash) -> ExternResult<Record> {
    must_get_valid_record(hash.clone())
}

/// `record` (at `hash`) read as an entry of type `expected`.
pub fn fetched_app_entry<T>(
    hash: &ActionHash,
    record: Record,
    expected: UnitEntryTypes,
) -> Verdict<Referenced<T>>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    if unit_entry_type(&record)? != Some(expected) {
        return Ok(Err(format!("{hash} is not a {expected:?}")));
    }
    match record.entry().to_app_option::<T>() {
        Ok(Some(entry)) => Ok(Ok(Referenced { record, entry })),
        Ok(None) => Ok(Err(format!("{hash} has no readable {expected:?} entry"))),
        Err(e) => Ok(Err(format!("{hash} is not a readable {expected:?}: {e}"))),
    }
}

/// The author's earlier actions, newest first, from the action before `header`.
pub fn earlier_actions(header: &ActionHeader) -> ExternResult<Vec<Action>> {
    let Some(prev) = header.prev_action.clone() else {
        return Ok(vec![]);
    };
    Ok(
        must_get_agent_activity(header.author.clone(), ChainFilter::new(prev))?
            .into_iter()
            .map(|a| a.action.hashed.content)
            .collect(),
    )
}

/// The author's actions from the one before `header` back to `since` (included), newest
/// first: a scan that costs what happened since `since`, not the whole chain. `since` must be
/// the author's own earlier action.
pub fn actions_since(header: &ActionHeader, since: &ActionHash) -> ExternResult<Vec<Action>> {
    Ok(hashed_actions_since(header, since)?
        .into_iter()
        .map(|(_, a)| a)
        .collect())
}

/// [`actions_since`], each with its hash.
pub fn hashed_actions_since(
    header: &ActionHeader,
    since: &ActionHash,
) -> ExternResult<Vec<(ActionHash, Action)>> {
    let Some(prev) = header.prev_action.clone() else {
        return Ok(vec![]);
    };
    Ok(must_get_agent_activity(
        header.author.clone(),
        ChainFilter::until_hash(prev, since.clone()),
    )?
    .into_iter()
    .map(|a| (a.action.hashed.hash, a.action.hashed.content))
    .collect())
}

/// Whether any of `actions` creates an entry of type `unit`.
pub fn creates_entry_of(actions: &[Action], unit: UnitEntryTypes) -> ExternResult<bool> {
    let expected = AppEntryDef::try_from(unit)?;
    Ok(actions.iter().any(|a| creates(a, &expected)))
}

/// The entries of type `unit` that `actions` create, read as `T`, in the actions' order.
pub fn entries_created<T>(actions: &[Action], unit: UnitEntryTypes) -> ExternResult<Vec<T>>
where
    T: TryFrom<Entry>,
{
    let expected = AppEntryDef::try_from(unit)?;
    let mut entries = vec![];
    for action in actions {
        entries.extend(created_entry(action, &expected)?);
    }
    Ok(entries)
}

/// [`entries_created`] with the hash and action that created each.
pub fn hashed_entries_created<T>(
    actions: &[(ActionHash, Action)],
    unit: UnitEntryTypes,
) -> ExternResult<Vec<(ActionHash, Action, T)>>
where
    T: TryFrom<Entry>,
{
    let expected = AppEntryDef::try_from(unit)?;
    let mut entries = vec![];
    for (hash, action) in actions {
        if let Some(entry) = created_entry(action, &expected)? {
            entries.push((hash.clone(), action.clone(), entry));
        }
    }
    Ok(entries)
}

/// The entry `action` creates, if it creates one of type `expected` readable as `T`.
fn created_entry<T: TryFrom<Entry>>(
    action: &Action,
    expected: &AppEntryDef,
) -> ExternResult<Option<T>> {
    let Some(entry_hash) = action.entry_hash().filter(|_| creates(action, expected)) else {
        return Ok(None);
    };
    let entry = must_get_entry(entry_hash.clone())?;
    Ok(T::try_from(entry.as_content().clone()).ok())
}

/// Whether `action` creates an entry of the type `expected`.
pub fn creates(action: &Action, expected: &AppEntryDef) -> bool {
    matches!(action.data, ActionData::Create(_))
        && action.app_entry_def().is_some_and(|d| {
            d.zome_index == expected.zome_index && d.entry_index == expected.entry_index
        })
}
