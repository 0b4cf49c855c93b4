//! Members: a member's public and private profile, and projects with their stewards.
//!
//! # Layout
//! - [`profile`]: rules for a member's public and private profile.
//! - [`project`]: project levels, the rules for creating a project, and who is a steward.

pub mod profile;
pub mod project;
