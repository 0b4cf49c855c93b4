//! [`Custody`]: the custody of one resource as validators see it, a state machine fed one
//! [`CustodyEvent`] at a time. Each event is checked against the states, transfers and
//! acceptances before it and refused, leaving nothing changed, if it breaks a rule; the property
//! tests hold it to the same answers as [`replay`](super::replay).

use super::{check_acceptance, CustodyEvent, Holding, Rights};
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
    /// Transfers: id → (prev, to, rights).
    transfers: BTreeMap<E, (E, A, Rights)>,
    offered: BTreeSet<E>,
    accepted: BTreeSet<E>,
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
            offered: BTreeSet::new(),
            accepted: BTreeSet::new(),
            current: creation,
        }
    }

    /// Applies one event, or says which rule it breaks (and changes nothing). Events come in the
    /// order they were made (their `seq` is not read).
    /// - A transfer's `prev` is a custody state the author held ([`Holding::check_transfer`]),
    ///   the author's latest, and not yet offered.
    /// - An acceptance names a transfer, is by its recipient, and is the first.
    pub fn apply(&mut self, event: CustodyEvent<A, E>) -> Result<(), DomainError> {
        match event {
            CustodyEvent::Transfer {
                id,
                prev,
                by,
                to,
                rights,
                ..
            } => self.apply_transfer(id, prev, by, to, rights),
            CustodyEvent::Accept {
                id, transfer, by, ..
            } => self.apply_accept(id, transfer, by),
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

    fn apply_transfer(
        &mut self,
        id: E,
        prev: E,
        by: A,
        to: A,
        rights: Rights,
    ) -> Result<(), DomainError> {
        let holding = self
            .states
            .get(&prev)
            .ok_or_else(|| DomainError::NotAState {
                state: prev.to_string(),
            })?;
        holding.check_transfer(self.regime, &by, &to, &rights)?;
        if self.latest.get(&by) != Some(&prev) || self.offered.contains(&prev) {
            return Err(DomainError::StaleCustodyState {
                state: prev.to_string(),
            });
        }
        self.offered.insert(prev.clone());
        self.transfers.insert(id, (prev, to, rights));
        Ok(())
    }

    fn apply_accept(&mut self, id: E, transfer: E, by: A) -> Result<(), DomainError> {
        let (prev, to, rights) =
            self.transfers
                .get(&transfer)
                .ok_or_else(|| DomainError::NotAState {
                    state: transfer.to_string(),
                })?;
        check_acceptance(to, &by)?;
        if self.accepted.contains(&transfer) {
            return Err(DomainError::AlreadyAccepted {
                transfer: transfer.to_string(),
            });
        }
        let holding = self.states[prev].after(to, rights);
        self.accepted.insert(transfer);
        self.states.insert(id.clone(), holding);
        self.latest.insert(by, id.clone());
        self.current = id;
        Ok(())
    }
}
