//! The rules on resources, custody and use, each kept and broken on the author's own
//! conductor, one function per numbered rule (ARCHITECTURE.md's rules table maps them): only the
//! custodian hands a resource on, from their latest custody state, once, to a member; only the
//! recipient answers, once, accepting by the offer's expiry or declining; a lapsed offer is made
//! again; a nondominium resource is never sold; a use keeps to its rules'
//! duration, fee, users and reports; resources are never updated; their index links point at
//! the linker's own entries. The coordinator refuses bad input with typed errors before
//! anything is written.
//!
//! # Layout
//! - [`world`]: the custody world (alice's printer) and the use world (her printer and laser).
//! - [`custody`]: custody moving in two steps, transfer and acceptance.
//! - [`offers`]: offers that expire or are declined, and offered again.
//! - [`resource_entries`]: resources and custody requests.
//! - [`index_links`]: the resource index links.
//! - [`uses`]: uses of a resource, and a use logged as a contribution.
//! - [`citations`]: a citation names a design made elsewhere (run with the use rules).
//! - [`coordinator`]: the coordinator's typed refusals.

mod citations;
mod coordinator;
mod custody;
mod index_links;
mod offers;
mod resource_entries;
mod uses;
mod world;

use crate::rule_runner::{self, Rule};
use world::{Custody, Uses};

/// Every custody rule, in the order they run: each file's rules after the earlier files'.
fn custody_rules() -> Vec<Rule<Custody>> {
    let files = [
        custody::rules(),
        resource_entries::rules(),
        index_links::rules(),
        offers::rules(),
    ];
    files.into_iter().flatten().collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn custody_rules_are_kept_and_broken_on_the_authors_conductor() {
    rule_runner::drive("custody", custody_rules(), Custody::new()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn use_rules_are_kept_and_broken_on_the_authors_conductor() {
    rule_runner::drive("use", uses::rules(), Uses::new()).await;
}
