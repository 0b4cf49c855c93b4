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

use crate::contribution::MAX_AMOUNT;
use crate::resource::PropertyRegime;
use crate::text::{check_optional_text, MAX_PROSE};
use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// What a transfer hands over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
            if *price > MAX_AMOUNT {
                return Err(DomainError::OutOfBounds {
                    field: "price",
                    value: *price,
                    max: MAX_AMOUNT,
                });
            }
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

/// One custody action of a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustodyEvent<A, E> {
    Transfer {
        id: E,
        prev: E,
        by: A,
        to: A,
        rights: Rights,
    },
    Accept {
        id: E,
        transfer: E,
        by: A,
    },
}

/// A transfer waiting for its recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending<A, E> {
    pub transfer: E,
    pub to: A,
    pub rights: Rights,
}

/// One completed hand-over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step<A, E> {
    pub transfer: E,
    pub acceptance: E,
    pub from: A,
    pub to: A,
    pub rights: Rights,
}

/// A resource's custody history read from its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History<A, E> {
    /// Hand-overs from the creation on, in order.
    pub steps: Vec<Step<A, E>>,
    /// Who holds it now.
    pub holding: Holding<A>,
    /// The current custody state: the creation or the last acceptance.
    pub state: E,
    pub pending: Option<Pending<A, E>>,
    /// Events off the path (none in validated data: a second offer of a state, an acceptance
    /// by someone else, an event of another resource).
    pub ignored: usize,
}

/// Reads a resource's custody history from its events, in any order. Walks from the creation:
/// at each state takes the transfer offered by its custodian, and moves on when the recipient
/// accepted it. Validated data has at most one transfer per state; should there be more, the
/// accepted one with the lowest id is taken, so the answer never depends on the events' order.
pub fn replay<A, E>(
    creation: E,
    creator: &A,
    regime: PropertyRegime,
    events: impl IntoIterator<Item = CustodyEvent<A, E>>,
) -> History<A, E>
where
    A: Clone + PartialEq + Display,
    E: Clone + Ord,
{
    let mut offers: BTreeMap<E, Vec<(E, A, A, Rights)>> = BTreeMap::new();
    let mut accepts: BTreeMap<E, Vec<(E, A)>> = BTreeMap::new();
    let mut total = 0usize;
    for event in events {
        total += 1;
        match event {
            CustodyEvent::Transfer {
                id,
                prev,
                by,
                to,
                rights,
            } => offers.entry(prev).or_default().push((id, by, to, rights)),
            CustodyEvent::Accept { id, transfer, by } => {
                accepts.entry(transfer).or_default().push((id, by))
            }
        }
    }
    let mut history = History {
        steps: vec![],
        holding: Holding::created(creator, regime),
        state: creation,
        pending: None,
        ignored: 0,
    };
    loop {
        let mut candidates: Vec<_> = offers
            .remove(&history.state)
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, by, to, rights)| {
                history
                    .holding
                    .check_transfer(regime, by, to, rights)
                    .is_ok()
            })
            .collect();
        candidates.sort_by(|a, b| a.0.cmp(&b.0));
        let accepted = candidates.iter().find_map(|(id, _, to, rights)| {
            let acceptance = accepts
                .get(id)?
                .iter()
                .filter(|(_, by)| by == to)
                .map(|(a, _)| a)
                .min()?;
            Some((id.clone(), acceptance.clone(), to.clone(), rights.clone()))
        });
        match accepted {
            Some((transfer, acceptance, to, rights)) => {
                history.steps.push(Step {
                    transfer,
                    acceptance: acceptance.clone(),
                    from: history.holding.custodian.clone(),
                    to: to.clone(),
                    rights: rights.clone(),
                });
                history.holding = history.holding.after(&to, &rights);
                history.state = acceptance;
            }
            None => {
                history.pending = candidates
                    .into_iter()
                    .next()
                    .map(|(transfer, _, to, rights)| Pending {
                        transfer,
                        to,
                        rights,
                    });
                break;
            }
        }
    }
    let used = 2 * history.steps.len() + usize::from(history.pending.is_some());
    history.ignored = total.saturating_sub(used);
    history
}

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

    /// Applies one event, or says which rule it breaks (and changes nothing).
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
            } => {
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
            }
            CustodyEvent::Accept { id, transfer, by } => {
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
            }
        }
        Ok(())
    }

    /// Who holds the resource now.
    pub fn holding(&self) -> &Holding<A> {
        &self.states[&self.current]
    }

    /// The current custody state.
    pub fn state(&self) -> &E {
        &self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use PropertyRegime::*;

    type Event = CustodyEvent<u8, u32>;

    fn transfer(id: u32, prev: u32, by: u8, to: u8) -> Event {
        Event::Transfer {
            id,
            prev,
            by,
            to,
            rights: Rights::Custody,
        }
    }

    fn accept(id: u32, transfer: u32, by: u8) -> Event {
        Event::Accept { id, transfer, by }
    }

    /// alice (1) → bob (2) → carol (3), ids: creation 0, transfers odd, acceptances even.
    fn printer() -> Vec<Event> {
        vec![
            transfer(1, 0, 1, 2),
            accept(2, 1, 2),
            transfer(3, 2, 2, 3),
            accept(4, 3, 3),
        ]
    }

    #[test]
    fn a_printer_passes_alice_bob_carol() {
        let mut custody = Custody::new(0, 1, Nondominium);
        for e in printer() {
            custody.apply(e).unwrap();
        }
        assert_eq!(
            custody.holding(),
            &Holding {
                custodian: 3,
                owner: None
            }
        );
        let history = replay(0, &1, Nondominium, printer().into_iter().rev());
        assert_eq!(history.holding.custodian, 3);
        assert_eq!(history.state, 4);
        let path: Vec<_> = history.steps.iter().map(|s| (s.from, s.to)).collect();
        assert_eq!(path, vec![(1, 2), (2, 3)]);
        assert_eq!((history.pending, history.ignored), (None, 0));
    }

    #[test]
    fn custody_moves_only_on_acceptance() {
        let mut custody = Custody::new(0, 1, Nondominium);
        custody.apply(transfer(1, 0, 1, 2)).unwrap();
        assert_eq!(custody.holding().custodian, 1);
        let history = replay(0, &1, Nondominium, [transfer(1, 0, 1, 2)]);
        assert_eq!(history.holding.custodian, 1);
        assert_eq!(history.pending.map(|p| p.to), Some(2));
    }

    #[test]
    fn the_rules_of_a_hand_over() {
        let mut custody = Custody::new(0, 1, Nondominium);
        assert!(matches!(
            custody.apply(transfer(1, 0, 2, 3)),
            Err(DomainError::NotCustodian { .. })
        ));
        assert_eq!(
            custody.apply(transfer(1, 0, 1, 1)),
            Err(DomainError::SelfTransfer)
        );
        custody.apply(transfer(1, 0, 1, 2)).unwrap();
        assert!(matches!(
            custody.apply(transfer(3, 0, 1, 3)),
            Err(DomainError::StaleCustodyState { .. })
        ));
        assert!(matches!(
            custody.apply(accept(2, 1, 3)),
            Err(DomainError::NotRecipient { .. })
        ));
        custody.apply(accept(2, 1, 2)).unwrap();
        assert!(matches!(
            custody.apply(accept(4, 1, 2)),
            Err(DomainError::AlreadyAccepted { .. })
        ));
        // alice no longer holds it, from her old state or any other.
        assert!(custody.apply(transfer(5, 0, 1, 3)).is_err());
        assert!(custody.apply(transfer(5, 2, 1, 3)).is_err());
    }

    #[test]
    fn a_nondominium_resource_is_never_sold() {
        let sale = |regime| {
            Custody::new(0, 1, regime).apply(Event::Transfer {
                id: 1,
                prev: 0,
                by: 1,
                to: 2,
                rights: Rights::Ownership { price: 100 },
            })
        };
        for regime in [Nondominium, Commons, Public] {
            assert_eq!(sale(regime), Err(DomainError::NotForSale { regime }));
        }
        assert_eq!(sale(Private), Ok(()));
        let priceless = Custody::new(0, 1, Private).apply(Event::Transfer {
            id: 1,
            prev: 0,
            by: 1,
            to: 2,
            rights: Rights::Ownership {
                price: MAX_AMOUNT + 1,
            },
        });
        assert!(matches!(
            priceless,
            Err(DomainError::OutOfBounds { field: "price", .. })
        ));
        assert_eq!(sale(Shared), Ok(()));
    }

    #[test]
    fn a_custodian_who_is_not_the_owner_cannot_sell() {
        let mut custody = Custody::new(0, 1, Private);
        custody.apply(transfer(1, 0, 1, 2)).unwrap();
        custody.apply(accept(2, 1, 2)).unwrap();
        assert_eq!(
            custody.holding(),
            &Holding {
                custodian: 2,
                owner: Some(1)
            }
        );
        let sale = Event::Transfer {
            id: 3,
            prev: 2,
            by: 2,
            to: 3,
            rights: Rights::Ownership { price: 1 },
        };
        assert!(matches!(
            custody.apply(sale),
            Err(DomainError::NotOwner { .. })
        ));
    }

    /// Attempted events drawn from small ranges, so many are valid and many break a rule.
    fn arb_attempts() -> impl Strategy<Value = Vec<(bool, u8, u8, u32, bool)>> {
        prop::collection::vec(
            (any::<bool>(), 1u8..5, 1u8..5, 0u32..40, any::<bool>()),
            0..60,
        )
    }

    /// Applies attempts to a fresh custody; returns it and the events it accepted.
    fn run(
        regime: PropertyRegime,
        attempts: &[(bool, u8, u8, u32, bool)],
    ) -> (Custody<u8, u32>, Vec<Event>) {
        let mut custody = Custody::new(0, 1, regime);
        let mut applied = vec![];
        for (i, &(is_transfer, by, to, target, sell)) in attempts.iter().enumerate() {
            let id = i as u32 + 1;
            let event = if is_transfer {
                let rights = if sell {
                    Rights::Ownership { price: 5 }
                } else {
                    Rights::Custody
                };
                Event::Transfer {
                    id,
                    prev: target,
                    by,
                    to,
                    rights,
                }
            } else {
                accept(id, target, by)
            };
            if custody.apply(event.clone()).is_ok() {
                applied.push(event);
            }
        }
        (custody, applied)
    }

    fn arb_regime() -> impl Strategy<Value = PropertyRegime> {
        prop::sample::select(vec![Nondominium, Commons, Shared, Private, Public])
    }

    proptest! {
        #[test]
        fn any_sequence_yields_one_custodian_on_one_path(
            regime in arb_regime(), attempts in arb_attempts()
        ) {
            let (custody, applied) = run(regime, &attempts);
            let history = replay(0, &1, regime, applied.clone());
            // Every accepted event lies on the one path from the creation.
            prop_assert_eq!(history.ignored, 0);
            prop_assert_eq!(&history.holding, custody.holding());
            prop_assert_eq!(&history.state, custody.state());
            // The custodian is the creator or the last to accept.
            let last = history.steps.last().map_or(1, |s| s.to);
            prop_assert_eq!(custody.holding().custodian, last);
            for pair in history.steps.windows(2) {
                prop_assert_eq!(pair[0].to, pair[1].from);
            }
            if !regime.has_owner() {
                prop_assert_eq!(custody.holding().owner, None);
            }
        }

        #[test]
        fn replaying_a_history_is_deterministic(
            regime in arb_regime(), attempts in arb_attempts(), seed in any::<u64>()
        ) {
            let (_, applied) = run(regime, &attempts);
            let mut shuffled = applied.clone();
            // A seeded Fisher-Yates shuffle: any order of the same events.
            let mut s = seed;
            for i in (1..shuffled.len()).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(i, (s >> 33) as usize % (i + 1));
            }
            prop_assert_eq!(replay(0, &1, regime, applied), replay(0, &1, regime, shuffled));
        }

        #[test]
        fn no_state_is_handed_on_twice(
            regime in arb_regime(), attempts in arb_attempts(), to in 1u8..5
        ) {
            let (mut custody, applied) = run(regime, &attempts);
            for event in applied {
                if let Event::Transfer { prev, by, .. } = event {
                    // Its holder offers it again, to someone else: refused as already offered.
                    let to = if to == by { by % 4 + 1 } else { to };
                    let again = transfer(1000, prev, by, to);
                    let refused = custody.apply(again);
                    prop_assert!(
                        matches!(refused, Err(DomainError::StaleCustodyState { .. })),
                        "{:?}",
                        refused
                    );
                }
            }
        }
    }
}
