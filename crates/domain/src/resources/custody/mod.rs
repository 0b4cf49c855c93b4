//! Two-party custody of a resource: the custodian offers it ([`CustodyEvent::Transfer`]) and
//! custody moves only when the named recipient accepts ([`CustodyEvent::Accept`]). Each
//! acceptance (and the resource's creation) is a *custody state*; a transfer names the state it
//! hands on (`prev`).
//!
//! The protocol keeps the history a single path: only the custodian as of a state may offer it,
//! only from their latest state and only once (validators check the author's own chain), and
//! only the named recipient accepts, once. [`Custody`] applies these rules one event at a time,
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

pub use history::{replay, CustodyEvent, History, Pending, Step};
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

#[cfg(test)]
mod tests;
