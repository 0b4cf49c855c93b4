//! Members: a member's public and private profile, and projects with their stewards.
//!
//! # Layout
//! - [`profile`], [`private_profile`] and the link [`agent_to_profile`].
//! - [`project`] and the link [`all_projects`]; its changes [`project_version`] and the link
//!   [`project_to_versions`].

pub mod agent_to_profile;
pub mod all_projects;
pub mod private_profile;
pub mod profile;
pub mod project;
pub mod project_to_versions;
pub mod project_version;
