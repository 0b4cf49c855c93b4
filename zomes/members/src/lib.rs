//! The members coordinator zome: profiles and projects. Upgradable without forking the network
//! (coordinators are not part of the DNA hash).
//!
//! # Layout
//! - [`error`]: [`MembersError`], the typed errors of this zome's API.
//! - [`profiles`]: `create_profile`, `get_profile`, `get_my_profile`, `update_profile`,
//!   `get_my_private_profile`, `set_my_private_profile`.
//! - [`projects`]: `create_project`, `get_project`, `get_all_projects`.
//! - [`changes`]: `get_project_in_force`, `change_project` (stewards alone, where decisions
//!   do not bind), `change_decided_project` (carrying out a decision).
//! - [`invitations`]: `invite` (the progenitor of an invite-only network signs a newcomer's key).
//! - [`payout`]: `share_payout_details`, `revoke_payout_access`, `get_payout_shares`,
//!   `fetch_payout_details` (a capability grant lets a distributor read a payee's payout details).

pub mod changes;
pub mod error;
pub mod invitations;
pub mod payout;
pub mod profiles;
pub mod projects;

pub use error::MembersError;
use hdk::prelude::*;

/// Opens the one function a remote agent may call without a grant: receiving a payee's grant.
#[hdk_extern]
pub fn init() -> ExternResult<InitCallbackResult> {
    payout::open_receive_payout_access()?;
    Ok(InitCallbackResult::Pass)
}
