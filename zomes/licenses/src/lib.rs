//! The licenses coordinator zome: the licenses a resource (a design, a body of knowledge) is
//! shared under, and the grants that let others use it. Stewards add project licenses to the
//! network's catalogue; a resource's creator attaches one; anyone asks for a license, seeing
//! what they would owe; the licensor grants it with the fee the license's rule computes, or
//! with an exception its project decided. A paid fee is recorded with the ledger's
//! `record_income` as a `LicenseFee` income of the resource's project.
//!
//! # Layout
//! - [`error`]: [`LicensesError`], the typed errors of this zome's API.
//! - [`catalogue`]: `create_license`, `get_license_catalogue`, `attach_license`,
//!   `get_license_of`, `license_terms_for`.
//! - [`exceptions`]: `adopt_decided_exception`, `decide_exception`, `get_exceptions`.
//! - [`grants`]: `request_license`, `get_license_requests`, `grant_license`,
//!   `get_grants_for_resource`.

pub mod catalogue;
pub mod error;
pub mod exceptions;
pub mod grants;

pub use error::LicensesError;
