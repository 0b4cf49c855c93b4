//! [`Delegation`]: liquid democracy. Its author (the delegator) is represented, where they do
//! not vote, by their delegate (transitively: the first voter along the chain), in one
//! project or the whole network. A later delegation replaces it; one naming nobody revokes it.
//! Immutable.

use crate::members::project::Project;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Delegation {
    /// Who represents the delegator; `None` revokes their earlier delegation in this scope.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::AgentPubKey>"))]
    pub delegate: Option<AgentPubKey>,
    /// The project it applies to; `None` for every project.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub scope: Option<ActionHash>,
}

/// Rules:
/// 1. The delegate is not the delegator.
/// 2. A scope is a Project.
pub fn validate_create_delegation(
    header: &ActionHeader,
    delegation: &Delegation,
) -> ExternResult<ValidateCallbackResult> {
    if delegation.delegate.as_ref() == Some(&header.author) {
        return invalid("a member cannot delegate to themselves: revoke instead");
    }
    if let Some(scope) = &delegation.scope {
        check!(must_get_app_entry::<Project>(
            scope,
            UnitEntryTypes::Project
        )?);
    }
    valid()
}

/// Rules:
/// 1. Delegations are never updated: delegate again.
pub fn validate_update_delegation() -> ExternResult<ValidateCallbackResult> {
    invalid("delegations cannot be updated: delegate again, or revoke")
}
