//! What every link rule shares: reading a link's base and target as the hash kinds they must be,
//! the anchor and bucket hashes indexes hang from, and the rule that no index link is deleted.

use crate::verdict::invalid;
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
