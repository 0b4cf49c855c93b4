//! The governance rules, each kept and broken on the author's own conductor, one function per
//! numbered rule (ARCHITECTURE.md's rules table maps them): a proposal is titled, open as long
//! as the constitution asks, drawn from its project's own settlements and equation, and made by
//! one of its electorate; a vote is cast by the electorate while the proposal is open, a block
//! with a reason, replacing only the voter's own; a delegation is to another member, in a
//! project or the network; a decision comes after the close and states exactly the tally of
//! the votes and delegations it names; nothing is updated; each index link is its author's
//! own, under what its entry names. The coordinator's typed refusals beside the rules they
//! mirror.
//!
//! # Layout
//! - [`world`]: alice and bob, whose work a settlement counted; carol, who did none; an open
//!   motion.
//! - [`proposals`], [`votes`] (with delegations), [`decisions`] (with the index links),
//!   [`exceptions`] (a license exception decided by a decision): the rule functions;
//!   [`reputation`]: the reputation chart reads what validation weighs; [`packed`] (last: it
//!   settles carol's work): a packed electorate's decision is not carried out; [`stewards`]
//!   (after it: alice hands the project to bob): a project changes by decision, and its
//!   stewards act under the version they name; [`usage_rules`] (after it): a resource's usage
//!   rules change by decision, and a use names the rules it was charged under; [`own_rules`]
//!   (after it): the project's own governance rules change by decision, and a proposal is
//!   decided by those it names.
//! - [`hostile`]: a miscounted decision, a vote after the close, an equation no decision
//!   adopted, and a project, its resource's usage rules or its governance rules taken without
//!   one, published by a conductor with self-validation off, which honest peers warrant.

mod decisions;
mod exceptions;
mod hostile;
mod own_rules;
mod packed;
mod proposals;
mod reputation;
mod stewards;
mod usage_rules;
mod votes;
mod world;

use crate::rule_runner::{self, Rule};
use world::World;

fn rules() -> Vec<Rule<World>> {
    let files = [
        proposals::rules(),
        votes::rules(),
        decisions::rules(),
        exceptions::rules(),
        reputation::rules(),
        packed::rules(),
        stewards::rules(),
        usage_rules::rules(),
        own_rules::rules(),
    ];
    files.into_iter().flatten().collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn governance_rules_are_kept_and_broken_on_the_authors_conductor() {
    rule_runner::drive("governance", rules(), World::new()).await;
}
