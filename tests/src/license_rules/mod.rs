//! The license rules, each kept and broken on the author's own conductor, one function per
//! numbered rule (ARCHITECTURE.md's rules table maps them): stewards add project licenses; a resource's
//! creator attaches its license once, at least as reciprocal as the share-alike works it
//! derives from; a request speaks for its author; a contributing for-profit names its own
//! counted contributions to this commons; a grant is the licensor's, under the resource's
//! terms, with the rule's category and fee unless an exception for that request (here a
//! steward's: decisions do not bind in this world) decides otherwise; a license fee income is the grant's fee, of the resource's project;
//! nothing is updated. The coordinator's typed refusals beside the rules they mirror.
//!
//! # Layout
//! - [`world`]: alice, bob, their projects, designs and work; what rules record for later ones.
//! - [`licenses`]: project licenses, and resources registered under a project.
//! - [`attachments`]: a resource's license and the works it derives from.
//! - [`requests`]: who asks, for whom, as what.
//! - [`exceptions`]: a steward's decision for one request.
//! - [`grants`]: what the licensor grants, once.
//! - [`fees`]: a license fee as the project's income.
//! - [`index_links`]: the license index links.

mod attachments;
mod exceptions;
mod fees;
mod grants;
mod index_links;
mod licenses;
mod requests;
mod world;

use crate::rule_runner::{self, Rule};
use world::World;

/// Every license rule, in the order they run: each file's rules after the earlier files'.
fn rules() -> Vec<Rule<World>> {
    let files = [
        licenses::rules(),
        attachments::rules(),
        requests::rules(),
        exceptions::rules(),
        grants::rules(),
        fees::rules(),
        index_links::rules(),
    ];
    files.into_iter().flatten().collect()
}

// One conductor pair for all the license rules; the world and each rule's future are boxed,
// so the test's future stays small enough for the test thread's stack.
#[tokio::test(flavor = "multi_thread")]
async fn license_rules_are_kept_and_broken_on_the_authors_conductor() {
    rule_runner::drive("license", rules(), World::new()).await;
}
