//! Resources held in common and their custody.
//!
//! # Layout
//! - [`resource`]: property regimes, typed usage rules, and the rules on one use.
//! - [`custody`]: two-party custody: the rules of a hand-over, a resource's history read from
//!   its events ([`replay`](custody::replay)), and the state machine validators apply
//!   ([`Custody`](custody::Custody)).

pub mod custody;
pub mod resource;
