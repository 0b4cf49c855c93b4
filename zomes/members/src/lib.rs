//! The members coordinator zome: profiles and projects. Upgradable without forking the network
//! (coordinators are not part of the DNA hash).
//!
//! # Layout
//! - [`error`]: [`MembersError`], the typed errors of this zome's API.
//! - [`profiles`]: `create_profile`, `get_profile`, `get_my_profile`, `update_profile`,
//!   `get_my_private_profile`.
//! - [`projects`]: `create_project`, `get_project`, `get_all_projects`.

pub mod error;
pub mod profiles;
pub mod projects;

pub use error::MembersError;
