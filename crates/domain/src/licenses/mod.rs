//! Licenses and reciprocity: who owes what under a license, and which licenses a derivative
//! may take. Under a Commons-Based Reciprocity License (CBRL) use is free for common-good
//! entities, non-profits, non-commercial use, small worker cooperatives and for-profits that
//! contribute to the commons; other for-profits pay. Under the Peer Production License (PPL)
//! worker-owned (of any size) and commons-contributing users are free; other for-profits pay.
//! CC BY-SA and the GPL charge nobody but require share-alike. `R` names a contribution.
//!
//! The integrity zome's license validators (`License`, `LicenseAttachment`, `LicenseRequest`,
//! `LicenseGrant`) and the licenses coordinator call these; the network's catalogue
//! ([`CatalogueLicense`]) is part of the constitution.
//!
//! # Layout
//! Every item is re-exported here: callers name `ovn_domain::licenses::X`.
//! - `terms`: license kinds, fee schedules, licensee categories, and who owes.
//! - `catalogue`: the network's catalogue and its default.
//! - `fee`: [`license_fee`], [`check_grant`], exceptions ([`check_exception`],
//!   [`check_exception_for`], [`deciding_project`]), a derivative's sources ([`check_sources`],
//!   [`check_derivative`]).
//! - `claim`: a contributing for-profit's claim to its own contributions.

mod catalogue;
mod claim;
mod fee;
mod terms;

pub use catalogue::*;
pub use claim::*;
pub use fee::*;
pub use terms::*;

#[cfg(test)]
mod tests;
