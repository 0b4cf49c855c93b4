//! The remaining rules of the ledger, resources and licenses, each kept and broken on the
//! author's own conductor, one function per numbered rule (ARCHITECTURE.md's rules table maps them):
//! incomes, equations, settlements, distributions, receipts, custody requests, transfers,
//! acceptances and uses are never updated, only recorded anew; and the index links from a
//! project, a distribution or a resource point at the linker's own entry, under the record
//! that entry names (the rules `links::validate_index_of_own_entry` states once for them all);
//! and no record but a private profile is ever deleted.
//!
//! # Layout
//! - [`world`]: alice and bob, members, with an hour each the other confirmed, their projects
//!   and alice's printer; what rules record for later ones.
//! - [`ledger`]: ledger records and their index links.
//! - [`resources`]: custody and use records and their index links.
//! - [`licenses`]: the project-license and resource-license index links.
//! - [`deletions`]: profiles, projects and endorsements are never deleted.

mod deletions;
mod ledger;
mod licenses;
mod resources;
mod world;

use crate::rule_runner::{self, Rule};
use world::Records;

/// Every rule here, in the order they run: each file's rules after the earlier files'.
fn rules() -> Vec<Rule<Records>> {
    let files = [
        ledger::rules(),
        resources::rules(),
        licenses::rules(),
        deletions::rules(),
    ];
    files.into_iter().flatten().collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn records_are_never_updated_and_indexed_only_by_their_authors() {
    rule_runner::drive("record", rules(), Records::new()).await;
}
