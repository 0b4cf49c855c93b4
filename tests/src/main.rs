//! The Sweettest suite: our zomes in the real Holochain 0.7.1 conductor, two or three peers per
//! test, each test on a network of its own (a fresh network seed). Build the bundles first
//! (`scripts/build`); `scripts/test` does both.
//!
//! # Layout
//! - [`compiled_wasm`]: compiles each zome once per process instead of once per conductor.
//! - [`common`]: the peers fixture (honest or with a hostile conductor) and assertions.
//! - [`fixtures`]: the entries and inputs tests create, with plausible defaults.
//! - [`constitution`]: the constitution shipped in `dnas/ovn/dna.yaml` decodes and is valid.
//! - [`profiles`], [`projects`], [`contributions`], [`endorsements`]: the protocol's rules,
//!   accepted when kept and rejected by the author's own conductor when broken (ARCHITECTURE.md
//!   lists which rule each test covers, and the few still without a breaking test).
//! - [`ledger`]: a Sensorica-like income shared exactly as computed by hand, explained,
//!   exported and receipted; Debt repaid across incomes; settlements reused.
//! - [`ledger_rules`]: distributions, settlements, equations, incomes and receipts, each rule
//!   kept and broken on the author's conductor, and the coordinators' typed refusals.
//! - [`resources`]: a printer passes alice → bob → carol and every peer reads its history; a
//!   use fee reaches those who funded and built it; a private resource lent, then sold.
//! - [`resource_rules`]: custody, use and resource index rules kept and broken on the author's
//!   conductor, and the resources coordinator's typed refusals.
//! - [`licenses`]: a cooperative licensed free; a for-profit's CBRL fee shared among the
//!   design's contributors (upstream citation included) as computed by hand, and the pie chart;
//!   a contributing for-profit exempt only with real, counted contributions.
//! - [`license_rules`]: license, attachment, request, exception, grant and license-fee rules
//!   kept and broken on the author's conductor, and the licenses coordinator's typed refusals.
//! - [`links`]: forged index links, projects and endorsements, and deletions, each rejected.
//! - [`membrane`]: an invite-only network admits the progenitor and invited agents only.
//! - [`audit`]: alice's chain exported (by herself, and by bob from the DHT), verified offline
//!   by `ovn-audit` with every tampering of the real bytes found, audited online by bob; a
//!   distribution that left out a counted contribution; the byte-level facts, checked against
//!   Holochain's own types.
//! - [`hostile`]: rules broken by a conductor with self-validation off, which honest peers
//!   reject and answer with a warrant against the author.

mod audit;
mod common;
mod compiled_wasm;
mod constitution;
mod contributions;
mod endorsements;
mod fixtures;
mod hostile;
mod ledger;
mod ledger_rules;
mod license_rules;
mod licenses;
mod links;
mod membrane;
mod node;
mod profiles;
mod projects;
mod resource_rules;
mod resources;
