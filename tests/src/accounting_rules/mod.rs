//! The contribution accounting rules, each kept and broken on the author's own conductor, one
//! function per numbered rule (ARCHITECTURE.md's rules table maps them): a contribution is described
//! and never updated or deleted; an endorsement is a member's, of someone else's contribution,
//! a dispute with its reason, never updated; the accounting index links point at the linker's
//! own entries from the right base, and no index link is ever deleted. The coordinator's typed
//! refusals beside the rules they mirror.
//!
//! # Layout
//! - [`world`]: alice (a member) and her project, her hour and bob's half hour on it.
//! - [`endorsements`]: who endorses what, a dispute's reason, no update.
//! - [`contributions`]: a contribution's description and evidence, no update or deletion.
//! - [`index_links`]: the accounting index links, and the rule that no index link is deleted.

mod contributions;
mod endorsements;
mod index_links;
mod world;

use crate::rule_runner::{self, Rule};
use world::Accounts;

/// Every accounting rule, in the order they run: each file's rules after the earlier files'.
fn rules() -> Vec<Rule<Accounts>> {
    let files = [
        endorsements::rules(),
        contributions::rules(),
        index_links::rules(),
    ];
    files.into_iter().flatten().collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn accounting_rules_are_kept_and_broken_on_the_authors_conductor() {
    rule_runner::drive("accounting", rules(), Accounts::new()).await;
}
