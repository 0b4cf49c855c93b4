//! What every link rule shares: reading a link's base and target as the hash kinds they must be,
//! the anchor and bucket hashes indexes hang from, and the rule that no index link is deleted.

use crate::verdict::{invalid, must_get_app_entry, valid, Referenced, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::Period;

/// The target of a link that must point at an action.
pub fn target_action(link: &CreateLinkData) -> Result<ActionHash, String> {
    link.target_address
        .clone()
        .into_action_hash()
        .ok_or_else(|| format!("link target {} is not an action hash", link.target_address))
}

/// The base of a link that must be an action.
pub fn base_action(link: &CreateLinkData) -> Result<ActionHash, String> {
    link.base_address
        .clone()
        .into_action_hash()
        .ok_or_else(|| format!("link base {} is not an action hash", link.base_address))
}

/// The base of a link that must be the author's own agent key.
pub fn base_is_author(link: &CreateLinkData, header: &ActionHeader) -> Result<(), String> {
    let author: AnyLinkableHash = header.author.clone().into();
    if link.base_address != author {
        return Err(format!(
            "{} may only index under their own key, not under {}",
            header.author, link.base_address
        ));
    }
    Ok(())
}

/// The anchor every project is linked from.
pub fn all_projects_anchor() -> ExternResult<EntryHash> {
    Path::from("ovn.all_projects").path_entry_hash()
}

/// The anchor every resource is linked from.
pub fn all_resources_anchor() -> ExternResult<EntryHash> {
    Path::from("ovn.all_resources").path_entry_hash()
}

/// The bucket a project's contributions of one month are linked from: a hash nobody stores,
/// derived from the project and the period, so each month's listing reads only that month.
pub fn period_bucket(project: &ActionHash, period: Period) -> ExternResult<EntryHash> {
    Path::from(vec![
        Component::from("ovn.project_period"),
        Component::from(project.get_raw_39().to_vec()),
        Component::from(period.to_string()),
    ])
    .path_entry_hash()
}

/// Rules:
/// 1. Index links are never deleted: the ledger is append-only and corrections are new entries.
pub fn validate_delete_link() -> ExternResult<ValidateCallbackResult> {
    invalid("index links cannot be deleted: the ledger is append-only")
}

/// Rule 1 of every index of one's own entries: the target is an entry of type `unit` that the
/// link's author made. Returns the target and its entry for the index's other rules.
pub fn own_target<T>(
    header: &ActionHeader,
    link: &CreateLinkData,
    unit: UnitEntryTypes,
) -> Verdict<(ActionHash, Referenced<T>)>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    let target = match target_action(link) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let entry = match must_get_app_entry::<T>(&target, unit)? {
        Ok(e) => e,
        Err(e) => return Ok(Err(e)),
    };
    if entry.author() != &header.author {
        return Ok(Err(format!(
            "{target} is not {}'s {}",
            header.author,
            noun(unit)
        )));
    }
    Ok(Ok((target, entry)))
}

/// An entry type as a noun in a sentence: `LicenseGrant` → "license grant".
fn noun(unit: UnitEntryTypes) -> String {
    let mut words = String::new();
    for c in format!("{unit:?}").chars() {
        if c.is_uppercase() && !words.is_empty() {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    words
}

/// The rule of every index from an entry's owner record (a project, a distribution) to the
/// entries that name it:
/// 1. The target is an entry of type `unit` that the link's author made.
/// 2. The base is the record that entry names (`named_base`).
///
/// Returns the target for any further rule.
pub fn validate_index_of_own_entry<T>(
    header: &ActionHeader,
    link: &CreateLinkData,
    unit: UnitEntryTypes,
    named_base: impl Fn(&T) -> &ActionHash,
) -> ExternResult<Result<Referenced<T>, ValidateCallbackResult>>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    let refuse = |reason: String| Ok(Err(ValidateCallbackResult::Invalid(reason)));
    let base = match base_action(link) {
        Ok(b) => b,
        Err(e) => return refuse(e),
    };
    let (target, entry) = match own_target::<T>(header, link, unit)? {
        Ok(own) => own,
        Err(e) => return refuse(e),
    };
    if named_base(&entry.entry) != &base {
        return refuse(format!("{target} does not belong under {base}"));
    }
    Ok(Ok(entry))
}

/// [`validate_index_of_own_entry`] as a validator's whole answer.
pub fn index_of_own_entry<T>(
    header: &ActionHeader,
    link: &CreateLinkData,
    unit: UnitEntryTypes,
    named_base: impl Fn(&T) -> &ActionHash,
) -> ExternResult<ValidateCallbackResult>
where
    T: TryFrom<SerializedBytes, Error = SerializedBytesError>,
{
    match validate_index_of_own_entry(header, link, unit, named_base)? {
        Ok(_) => valid(),
        Err(refusal) => Ok(refusal),
    }
}
