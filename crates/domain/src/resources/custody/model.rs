//! [`Custody`]: the custody of one resource as validators see it, a state machine fed one
//! [`CustodyEvent`] at a time, in the order they were made. Each event is checked against the
//! states, offers and answers before it and refused, leaving nothing changed, if it breaks a
//! rule; the property tests hold it to the same answers as [`replay`](super::replay).

use super::{check_acceptance, check_in_time, check_reoffer, CustodyEvent, EarlierOffer, Holding};
use super::{check_offer_window, Rights};
use crate::resources::resource::PropertyRegime;
use crate::DomainError;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// The custody of one resource as validators see it, one event at a time: each event is
/// checked against what came before and refused if it breaks a rule.
#[derive(Debug, Clone)]
pub struct Custody<A, E> {
    regime: PropertyRegime,
    /// Every custody state (the creation and each acceptance) with who held it then.
    states: BTreeMap<E, Holding<A>>,
    /// Each agent's latest custody state of this resource.
    latest: BTreeMap<A, E>,
    /// Transfers: id → (prev, to, rights, expires).
    transfers: BTreeMap<E, (E, A, Rights, i64)>,
    /// Each offered state's last offer.
    last_offer: BTreeMap<E, E>,
    answered: BTreeSet<E>,
    /// Declines: the declined transfer → the decline.
    declines: BTreeMap<E, E>,
    current: E,
}

impl<A, E> Custody<A, E>
where
    A: Clone + Ord + Display,
    E: Clone + Ord + Display,
{
    pub fn new(creation: E, creator: A, regime: PropertyRegime) -> Self {
        let holding = Holding::created(&creator, regime);
        Self {
            regime,
            states: BTreeMap::from([(creation.clone(), holding)]),
            latest: BTreeMap::from([(creator, creation.clone())]),
            transfers: BTreeMap::new(),
            last_offer: BTreeMap::new(),
            answered: BTreeSet::new(),
            declines: BTreeMap::new(),
            current: creation,
        }
    }

    /// Applies one event, or says which rule it breaks (and changes nothing).
    /// - A transfer's `prev` is a custody state the author held ([`Holding::check_transfer`]),
    ///   the author's latest; it expires within the offer window; a state offered before is
    ///   offered again only once its last offer lapsed ([`check_reoffer`]).
    /// - An answer names a transfer, is by its recipient, and is their first; an acceptance is
    ///   made by the expiry. An acceptance of the current state's offer moves the custody on
    ///   (the first in time wins: a later one, of a re-offer, makes a state off the path).
    pub fn apply(&mut self, event: CustodyEvent<A, E>) -> Result<(), DomainError> {
        match event {
            CustodyEvent::Transfer {
                id,
                prev,
                by,
                to,
                rights,
                at,
                expires,
                after_decline,
                ..
            } => {
                check_offer_window(at, expires)?;
                let holding = self
                    .states
                    .get(&prev)
                    .ok_or_else(|| DomainError::NotAState {
                        state: prev.to_string(),
                    })?;
                holding.check_transfer(self.regime, &by, &to, &rights)?;
                if self.latest.get(&by) != Some(&prev) {
                    return Err(DomainError::StaleCustodyState {
                        state: prev.to_string(),
                    });
                }
                if let Some(last) = self.last_offer.get(&prev) {
                    let declined = after_decline.is_some()
                        && self.declines.get(last) == after_decline.as_ref();
                    let earlier = EarlierOffer {
                        id: last,
                        expires_micros: self.transfers[last].3,
                        declined,
                    };
                    check_reoffer(&prev, &earlier, at)?;
                }
                self.last_offer.insert(prev.clone(), id.clone());
                self.transfers.insert(id, (prev, to, rights, expires));
                Ok(())
            }
            CustodyEvent::Accept {
                id,
                transfer,
                by,
                at,
                ..
            } => {
                let (prev, to, rights, expires) = self.answerable(&transfer, &by)?;
                check_in_time(&transfer, expires, at)?;
                let holding = self.states[&prev].after(&to, &rights);
                self.answered.insert(transfer);
                self.states.insert(id.clone(), holding);
                self.latest.insert(by, id.clone());
                if prev == self.current {
                    self.current = id;
                }
                Ok(())
            }
            CustodyEvent::Decline {
                id, transfer, by, ..
            } => {
                self.answerable(&transfer, &by)?;
                self.answered.insert(transfer.clone());
                self.declines.insert(transfer, id);
                Ok(())
            }
        }
    }

    /// Who holds the resource now.
    pub fn holding(&self) -> &Holding<A> {
        &self.states[&self.current]
    }

    /// The current custody state.
    pub fn state(&self) -> &E {
        &self.current
    }

    /// The transfer `by` may answer: one they were offered and have not answered.
    fn answerable(&self, transfer: &E, by: &A) -> Result<(E, A, Rights, i64), DomainError> {
        let (prev, to, rights, expires) =
            self.transfers
                .get(transfer)
                .ok_or_else(|| DomainError::NotAState {
                    state: transfer.to_string(),
                })?;
        check_acceptance(to, by)?;
        if self.answered.contains(transfer) {
            return Err(DomainError::AlreadyAnswered {
                transfer: transfer.to_string(),
            });
        }
        Ok((prev.clone(), to.clone(), rights.clone(), *expires))
    }
}
