//! Two-party custody of a resource: the custodian offers it ([`CustodyEvent::Transfer`]) and
//! custody moves only when the named recipient accepts ([`CustodyEvent::Accept`]) by the offer's
//! expiry. Each acceptance (and the resource's creation) is a *custody state*; a transfer names
//! the state it hands on (`prev`). The recipient may decline ([`CustodyEvent::Decline`]); a
//! declined or expired offer lapses and the custodian may offer the state again, so an offer to
//! someone who never answers does not lock a shared tool.
//!
//! Validators keep each chain honest: only the custodian as of a state may offer it, only from
//! their latest state, and again only once the last offer lapsed (the author's own chain); only
//! the named recipient answers, once, accepting by the expiry. One thing they cannot see is an
//! acceptance on another chain: a custodian may offer again a state whose earlier offer was
//! accepted in time, and that second branch is valid too. [`replay`] names one history for
//! everyone, the first offer accepted in time, so reads agree on a single path. [`Custody`] applies these rules one event at a time,
//! as validators do; [`replay`] reads a resource's history from its events in any order, as the
//! coordinator does. `A` names agents, `E` events (an `ActionHash` in the zomes).
//!
//! # Layout
//! - this file: what a transfer hands over ([`Rights`]), who holds a resource ([`Holding`]) and
//!   the rules on one hand-over.
//! - `history`: [`CustodyEvent`], [`History`] and [`replay`], reading a history from its events.
//! - `model`: [`Custody`], the state machine validators apply one event at a time.

use crate::bounds::{check_at_most, MAX_AMOUNT};
use crate::resources::resource::PropertyRegime;
use crate::text::{check_optional_text, MAX_PROSE};
use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt::Display;

mod history;
mod model;

pub use history::{replay, CustodyEvent, Declined, History, Pending, Step};
pub use model::Custody;

/// What a transfer hands over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Rights {
    /// Custody only: who holds and looks after it. The owner, if any, stays.
    Custody,
    /// Custody and ownership: a sale (`price` in minor units) or, at price 0, a gift. Only for
    /// resources that have an owner (Shared, Private), and only by that owner.
    Ownership { price: u64 },
}

/// Who holds a resource in one custody state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding<A> {
    pub custodian: A,
    /// `None` for regimes without an owner (Nondominium, Commons, Public).
    pub owner: Option<A>,
}

impl<A: Clone + PartialEq + Display> Holding<A> {
    /// The creator is the first custodian, and the owner when the regime has one.
    pub fn created(creator: &A, regime: PropertyRegime) -> Self {
        Self {
            custodian: creator.clone(),
            owner: regime.has_owner().then(|| creator.clone()),
        }
    }

    /// Rules on a transfer from this state by `author` to `to`:
    /// 1. The author is the custodian.
    /// 2. The recipient is someone else.
    /// 3. Ownership changes hands only for a regime with an owner, and only by the owner, at a
    ///    price of at most [`MAX_AMOUNT`].
    pub fn check_transfer(
        &self,
        regime: PropertyRegime,
        author: &A,
        to: &A,
        rights: &Rights,
    ) -> Result<(), DomainError> {
        if author != &self.custodian {
            return Err(DomainError::NotCustodian {
                agent: author.to_string(),
                custodian: self.custodian.to_string(),
            });
        }
        if to == author {
            return Err(DomainError::SelfTransfer);
        }
        if let Rights::Ownership { price } = rights {
            check_at_most("price", *price, MAX_AMOUNT)?;
            if !regime.has_owner() {
                return Err(DomainError::NotForSale { regime });
            }
            if self.owner.as_ref() != Some(author) {
                return Err(DomainError::NotOwner {
                    agent: author.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Who collects, and records as income, the fees of uses made in this state: the owner when
    /// the resource has one, else the custodian. One collector per state, so a use fee cannot be
    /// recorded by two people.
    pub fn fee_collector(&self) -> &A {
        self.owner.as_ref().unwrap_or(&self.custodian)
    }

    /// The state after `to` accepts a transfer of `rights` from this one.
    pub fn after(&self, to: &A, rights: &Rights) -> Self {
        Self {
            custodian: to.clone(),
            owner: match rights {
                Rights::Custody => self.owner.clone(),
                Rights::Ownership { .. } => Some(to.clone()),
            },
        }
    }
}

/// The longest an offer stays open: 30 days, in microseconds.
pub const MAX_OFFER_MICROS: i64 = 30 * DAY_MICROS;
/// How long an offer stays open when the custodian does not say: 7 days.
pub const DEFAULT_OFFER_MICROS: i64 = 7 * DAY_MICROS;
const DAY_MICROS: i64 = 24 * 3_600 * 1_000_000;

/// An offer expires after it is made, at most [`MAX_OFFER_MICROS`] later.
pub fn check_offer_window(made_micros: i64, expires_micros: i64) -> Result<(), DomainError> {
    let open = expires_micros.saturating_sub(made_micros);
    if open <= 0 || open > MAX_OFFER_MICROS {
        return Err(DomainError::BadOfferWindow {
            max_days: MAX_OFFER_MICROS / DAY_MICROS,
        });
    }
    Ok(())
}

/// The last offer of a custody state, as a new offer of the same state sees it.
pub struct EarlierOffer<'a, E> {
    pub id: &'a E,
    pub expires_micros: i64,
    /// Its recipient declined it (the new offer names the decline).
    pub declined: bool,
}

/// How long after an offer's expiry its state may be offered again (without a decline): an
/// hour, for an acceptance made in time to reach the custodian and the next recipient, whose
/// nodes then refuse the re-offer (reads take the first offer accepted in time).
pub const REOFFER_GRACE_MICROS: i64 = 3_600_000_000;

/// A state offered before is offered again only once its last offer lapsed: its recipient
/// declined it, or it expired at least [`REOFFER_GRACE_MICROS`] before the new offer was made.
/// Acceptances are made by the expiry ([`check_in_time`]) and re-offers an hour after it, so
/// the two windows never overlap.
pub fn check_reoffer<E: Display>(
    state: &E,
    earlier: &EarlierOffer<'_, E>,
    made_micros: i64,
) -> Result<(), DomainError> {
    if earlier.declined || lapsed_by_expiry(earlier.expires_micros, made_micros) {
        return Ok(());
    }
    Err(DomainError::OfferStillOpen {
        state: state.to_string(),
        transfer: earlier.id.to_string(),
        expires: earlier.expires_micros,
    })
}

/// Whether an offer that expires at `expires_micros` lapsed, by its expiry alone, for an offer
/// made at `made_micros`.
pub fn lapsed_by_expiry(expires_micros: i64, made_micros: i64) -> bool {
    made_micros > expires_micros.saturating_add(REOFFER_GRACE_MICROS)
}

/// An offer is accepted by its expiry.
pub fn check_in_time<E: Display>(
    transfer: &E,
    expires_micros: i64,
    accepted_micros: i64,
) -> Result<(), DomainError> {
    if accepted_micros > expires_micros {
        return Err(DomainError::OfferExpired {
            transfer: transfer.to_string(),
            expires: expires_micros,
        });
    }
    Ok(())
}

/// A condition note (on a transfer or an acceptance) may be empty and is bounded.
pub fn check_condition_note(note: &str) -> Result<(), DomainError> {
    check_optional_text("condition_note", note, MAX_PROSE)
}

/// Only the named recipient accepts a transfer.
pub fn check_acceptance<A: PartialEq + Display>(
    recipient: &A,
    author: &A,
) -> Result<(), DomainError> {
    if author != recipient {
        return Err(DomainError::NotRecipient {
            agent: author.to_string(),
            recipient: recipient.to_string(),
        });
    }
    Ok(())
}

/// A member asks for a resource they do not hold: the custodian of the state a request is
/// made under does not request it.
pub fn check_requester<A: PartialEq + Display>(
    requester: &A,
    custodian: &A,
) -> Result<(), DomainError> {
    if requester == custodian {
        return Err(DomainError::RequestsOwnCustody {
            agent: requester.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
