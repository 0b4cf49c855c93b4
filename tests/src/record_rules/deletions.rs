//! No entry but a private profile is ever deleted: the ledger is append-only (the
//! dispatcher's rule for every entry type without a delete validator of its own).

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};

/// These rules in order.
pub fn rules() -> Vec<Rule<Records>> {
    vec![rule!(profiles_projects_and_endorsements_are_never_deleted)]
}

/// The dispatcher's `validate_delete_entry` (no numbered rule): alice cannot delete her
/// project, nor bob his profile or his confirmation of her hour.
pub async fn profiles_projects_and_endorsements_are_never_deleted(w: &Records) {
    let project = w.project.clone();
    rejects(&w.peers, ALICE, "delete_raw", project, "append-only").await;
    for own in [&w.bobs_profile, &w.bobs_confirmation] {
        rejects(&w.peers, BOB, "delete_raw", own.clone(), "append-only").await;
    }
}
