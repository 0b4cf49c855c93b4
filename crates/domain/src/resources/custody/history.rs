//! A resource's custody history read back from its events: [`CustodyEvent`]s in any order go in,
//! the one path of hand-overs from the creation comes out ([`History`]), with the transfer still
//! waiting for its recipient and a count of the events off the path. This is how the coordinator
//! answers "who holds it, and how did it get there"; validators use [`Custody`](super::Custody).

use super::{Holding, Rights};
use crate::resources::resource::PropertyRegime;
use std::collections::BTreeMap;
use std::fmt::Display;

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
    let mut filed = Filed::new(events);
    let mut history = History {
        steps: vec![],
        holding: Holding::created(creator, regime),
        state: creation,
        pending: None,
        ignored: 0,
    };
    loop {
        let candidates = filed.offers_of(&history.state, &history.holding, regime);
        let Some((offer, acceptance)) = filed.first_accepted(&candidates) else {
            history.pending = candidates.into_iter().next().map(Offer::into_pending);
            break;
        };
        history.hand_over(offer, acceptance);
    }
    let used = 2 * history.steps.len() + usize::from(history.pending.is_some());
    history.ignored = filed.total.saturating_sub(used);
    history
}

/// A transfer as [`replay`] files it, under the state it hands on.
struct Offer<A, E> {
    id: E,
    by: A,
    to: A,
    rights: Rights,
}

impl<A, E> Offer<A, E> {
    fn into_pending(self) -> Pending<A, E> {
        Pending {
            transfer: self.id,
            to: self.to,
            rights: self.rights,
        }
    }
}

/// A resource's events filed for the walk: offers under the state they hand on, acceptances
/// (id, author) under the transfer they accept.
struct Filed<A, E> {
    offers: BTreeMap<E, Vec<Offer<A, E>>>,
    accepts: BTreeMap<E, Vec<(E, A)>>,
    /// How many events there were, on the path or not.
    total: usize,
}

impl<A, E> Filed<A, E>
where
    A: Clone + PartialEq + Display,
    E: Clone + Ord,
{
    fn new(events: impl IntoIterator<Item = CustodyEvent<A, E>>) -> Self {
        let mut filed = Self {
            offers: BTreeMap::new(),
            accepts: BTreeMap::new(),
            total: 0,
        };
        for event in events {
            filed.total += 1;
            match event {
                CustodyEvent::Transfer {
                    id,
                    prev,
                    by,
                    to,
                    rights,
                } => filed
                    .offers
                    .entry(prev)
                    .or_default()
                    .push(Offer { id, by, to, rights }),
                CustodyEvent::Accept { id, transfer, by } => {
                    filed.accepts.entry(transfer).or_default().push((id, by))
                }
            }
        }
        filed
    }

    /// The offers of `state` that its holder could make, in id order. Takes them out, so each
    /// state is walked once.
    fn offers_of(
        &mut self,
        state: &E,
        holding: &Holding<A>,
        regime: PropertyRegime,
    ) -> Vec<Offer<A, E>> {
        let mut candidates: Vec<_> = self
            .offers
            .remove(state)
            .unwrap_or_default()
            .into_iter()
            .filter(|o| {
                holding
                    .check_transfer(regime, &o.by, &o.to, &o.rights)
                    .is_ok()
            })
            .collect();
        candidates.sort_by(|a, b| a.id.cmp(&b.id));
        candidates
    }

    /// The first of `candidates` its recipient accepted, with the lowest id among the
    /// recipient's acceptances of it.
    fn first_accepted<'c>(&self, candidates: &'c [Offer<A, E>]) -> Option<(&'c Offer<A, E>, E)> {
        candidates.iter().find_map(|offer| {
            let acceptance = self
                .accepts
                .get(&offer.id)?
                .iter()
                .filter(|(_, by)| by == &offer.to)
                .map(|(a, _)| a)
                .min()?;
            Some((offer, acceptance.clone()))
        })
    }
}

impl<A, E> History<A, E>
where
    A: Clone + PartialEq + Display,
    E: Clone,
{
    /// Moves the history on by one accepted offer.
    fn hand_over(&mut self, offer: &Offer<A, E>, acceptance: E) {
        self.steps.push(Step {
            transfer: offer.id.clone(),
            acceptance: acceptance.clone(),
            from: self.holding.custodian.clone(),
            to: offer.to.clone(),
            rights: offer.rights.clone(),
        });
        self.holding = self.holding.after(&offer.to, &offer.rights);
        self.state = acceptance;
    }
}
