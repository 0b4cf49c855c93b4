//! What the coordinator zomes share: reading records and their entries, the caller's own
//! profile, and where a contribution stands. A plain library: it defines no zome functions, so
//! linking it into several zomes exports nothing twice.
//!
//! # Layout
//! - [`input`]: decoding a zome function's input, with errors that name the field.
//! - [`index`]: a project's months and each month's contributions.
//! - [`governance`]: a proposal's count, and whether a decision may be carried out.
//! - [`records`]: fetching records and reading their entries, following links to records.
//! - [`membership`]: the caller's own profile creation (proof of membership).
//! - [`status`]: a contribution's standing from its endorsements and corrections.

pub mod governance;
pub mod index;
pub mod input;
pub mod membership;
pub mod records;
pub mod status;
