//! Members: a member's public and private profile, and projects with their stewards.
//!
//! # Layout
//! - [`invitation`]: an invitation's text form, carrying the membrane proof of an invite-only
//!   network.
//! - [`profile`]: rules for a member's public and private profile.
//! - [`project`]: project levels, the rules for creating a project, and who is a steward.
//! - [`versions`]: which version of a project is in force (`chained_in_force`).

pub mod invitation;
pub mod profile;
pub mod project;
pub mod versions;
