//! The members' rules, each kept and broken on the author's own conductor, one function per
//! numbered rule (ARCHITECTURE.md's rules table maps them): one public profile per agent, named,
//! edited only by its agent; private contact details bounded, updated and deleted only by their
//! author; a project named, its creator its first steward, under a project of its level or
//! higher, never updated; the profile and project index links point at the linker's own
//! entries from the right base. The coordinator's typed refusals beside the rules they mirror.
//!
//! # Layout
//! - [`world`]: bob (a member), alice (not yet one) and her project.
//! - [`profiles`]: public profiles, one per agent, edited by that agent.
//! - [`private_profiles`]: contact details, bounded, updated and deleted by their author.
//! - [`projects`]: a project's name, stewards and parent; no update.
//! - [`own_rules`]: a project's governance rules, changed by its stewards in force.
//! - [`index_links`]: `AgentToProfile` and `AllProjects`.

mod index_links;
mod own_rules;
mod private_profiles;
mod profiles;
mod projects;
mod world;

use crate::rule_runner::{self, Rule};
use world::Members;

/// Every member rule, in the order they run: each file's rules after the earlier files'.
fn rules() -> Vec<Rule<Members>> {
    let files = [
        profiles::rules(),
        private_profiles::rules(),
        projects::rules(),
        index_links::rules(),
    ];
    files.into_iter().flatten().collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn member_rules_are_kept_and_broken_on_the_authors_conductor() {
    rule_runner::drive("member", rules(), Members::new()).await;
}
