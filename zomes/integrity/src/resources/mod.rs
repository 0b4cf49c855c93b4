//! Resources and custody: resources under a property regime with typed usage rules, custody
//! handed on in two steps (an offer that expires; an acceptance or a decline), and uses with their fees.
//!
//! # Layout
//! - [`resource`] and its links [`all_resources`], [`project_to_resources`].
//! - [`custody_request`] and its link [`resource_to_custody_requests`].
//! - [`custody_transfer`], [`custody_acceptance`], [`custody_decline`] and their links
//!   [`resource_to_custody`], [`agent_to_custody_states`].
//! - [`resource_use`] and its link [`resource_to_uses`].
//! - [`usage_rules_version`] (its rules changed) and its link [`resource_to_rules_versions`].

pub mod agent_to_custody_states;
pub mod all_resources;
pub mod custody_acceptance;
pub mod custody_decline;
pub mod custody_request;
pub mod custody_transfer;
pub mod project_to_resources;
pub mod resource;
pub mod resource_to_custody;
pub mod resource_to_custody_requests;
pub mod resource_to_rules_versions;
pub mod resource_to_uses;
pub mod resource_use;
pub mod usage_rules_version;
