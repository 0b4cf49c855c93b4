//! The resources coordinator zome: things held in common and who holds them. A member creates
//! a resource (its first custodian); others ask for it; the custodian offers it and custody
//! moves when the recipient accepts; users record their uses with the fee the usage rules set.
//! Custody history is replayed by `ovn_domain::resources::custody::replay` from the resource's events.
//!
//! # Layout
//! - [`error`]: [`ResourcesError`], the typed errors of this zome's API.
//! - [`resources`]: `create_resource`, `get_resource`, `get_all_resources`,
//!   `get_resources_for_project`.
//! - [`custody`]: `request_custody`, `get_custody_requests`, `transfer_custody`,
//!   `accept_custody`.
//! - [`history`]: `get_custody_history`, `get_resources_held_by`, and the replay they share.
//! - [`events`]: a resource's custody events as this conductor sees them, for the replay.
//! - [`rules`]: `get_usage_rules_in_force`, `change_usage_rules`, `change_decided_usage_rules`.
//! - [`uses`]: `record_use`, `get_uses`.

pub mod custody;
pub mod error;
pub mod events;
pub mod history;
pub mod resources;
pub mod rules;
pub mod uses;

pub use error::ResourcesError;
