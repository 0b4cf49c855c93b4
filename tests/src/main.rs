//! The Sweettest suite: our zomes in the real Holochain 0.7.1 conductor, two or three peers per
//! test, each test on a network of its own (a fresh network seed). Build the bundles first
//! (`scripts/build`); `scripts/test` does both.
//!
//! `scripts/test` runs this binary in parts of at most 10 tests (`SWEETTEST_CHUNK`), one process
//! each: Holochain 0.7 never frees a test's conductors, so memory, threads and file descriptors
//! (most of them earlier tests' deleted databases) grow with every test, and the whole suite in
//! one process was killed by the kernel's OOM killer (figures: docs/figures.md). Another
//! Holochain project reports the same growth (happenings-community/requests-and-offers#265).
//! Because those conductors' threads still run when a part exits, OpenSSL 3's `atexit` cleanup
//! once segfaulted after all of a part's tests had passed; the fixture switches it off before
//! anything initialises OpenSSL (`common::no_openssl_cleanup_at_exit`).
//!
//! # Layout
//! - [`common`] (with `fixtures`), [`compiled_wasm`]: the harness, this package's library
//!   (`src/lib.rs`), which the figure examples use too.
//! - [`rule_runner`]: an area's rule functions run in turn on one shared world, each failure
//!   named (`OVN_RULE=substring` runs only the matching rules and those they need).
//! - [`constitution`]: the constitution shipped in `dnas/ovn/dna.yaml` decodes and is valid.
//! - [`profiles`], [`projects`], [`contributions`], [`endorsements`]: profiles, projects,
//!   contributions and endorsements as peers see them, and the contribution rules, accepted
//!   when kept and rejected by the author's own conductor when broken.
//! - [`member_rules`], [`accounting_rules`]: profile, private profile, project, contribution,
//!   endorsement and their index rules, one function per numbered rule, kept and broken on the
//!   author's conductor (ARCHITECTURE.md's rules table maps every rule to its function, here and
//!   in [`record_rules`] and [`membrane`]).
//! - [`ledger`]: a Sensorica-like income shared exactly as computed by hand, explained,
//!   exported and receipted; Debt repaid across incomes; settlements reused.
//! - [`ledger_rules`]: distributions, settlements, equations, incomes and receipts, one function
//!   per numbered rule, kept and broken on the author's conductor, and the coordinators' typed
//!   refusals (ARCHITECTURE.md's rules table maps every rule to its function, here and below).
//! - [`upstream`]: a citation of another project's design paid to that project, recorded by its
//!   first steward once as upstream income and shared by its own equation (NRP's rollup).
//! - [`resources`]: a printer passes alice → bob → carol and every peer reads its history; a
//!   use fee reaches those who funded and built it; a private resource lent, then sold.
//! - [`resource_rules`]: custody, use and resource index rules, one function per numbered
//!   rule, kept and broken on the author's conductor, and the resources coordinator's typed
//!   refusals.
//! - [`licenses`]: a cooperative licensed free; a for-profit's CBRL fee shared among the
//!   design's contributors (upstream citation included) as computed by hand, and the pie chart;
//!   a contributing for-profit exempt only with real, counted contributions.
//! - [`license_rules`]: license, attachment, request, exception, grant, license-fee and index
//!   rules, one function per numbered rule, kept and broken on the author's conductor, and the
//!   licenses coordinator's typed refusals.
//! - [`record_rules`]: ledger, custody and use records never updated, their index links and
//!   the license index links the author's own, under what they name; no record deleted.
//! - [`governance_rules`]: proposal, vote, delegation and decision rules, one function per
//!   numbered rule, kept and broken on the author's conductor; a miscounted decision and a late
//!   vote warranted by honest peers.
//! - [`membrane`]: an invite-only network admits the progenitor and invited agents only; no
//!   valid constitution, no entry.
//! - [`audit`]: alice's chain exported (by herself, and by bob from the DHT), verified offline
//!   by `ovn-audit` with every tampering of the real bytes found, audited online by bob; a
//!   distribution that left out a counted contribution; the byte-level facts, checked against
//!   Holochain's own types.
//! - [`hostile`]: rules broken by a conductor with self-validation off, which honest peers
//!   reject and answer with a warrant against the author.

use ovn_tests::{common, compiled_wasm};

mod accounting_rules;
mod audit;
mod bad_input;
mod constitution;
mod contributions;
mod endorsements;
mod governance_rules;
mod hostile;
mod ledger;
mod ledger_rules;
mod license_rules;
mod licenses;
mod member_rules;
mod membrane;
mod node;
mod profiles;
mod projects;
mod record_rules;
mod resource_rules;
mod resources;
mod rule_runner;
mod upstream;
