//! A resource's custody history read back from its events: [`CustodyEvent`]s in any order go in,
//! the one path of hand-overs from the creation comes out ([`History`]), with the transfer still
//! waiting for its recipient and a count of the events off the path. This is how the coordinator
//! answers "who holds it, and how did it get there"; validators use [`Custody`](super::Custody).

use super::{Holding, Rights};
use crate::resources::resource::PropertyRegime;
use std::collections::BTreeMap;
use std::fmt::Display;

/// One custody action of a resource. `seq` is its place on its author's chain: validators
/// take an author's earlier action over a later one, and so does [`replay`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustodyEvent<A, E> {
    Transfer {
        id: E,
        prev: E,
        by: A,
        to: A,
        rights: Rights,
        seq: u32,
    },
    Accept {
        id: E,
        transfer: E,
        by: A,
        seq: u32,
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

/// Reads a resource's custody history from its events, in any order, exactly as validators
/// decide it: walks from the creation, at each state takes the first transfer its custodian
/// offered of it (the earliest on their chain: validators reject any later offer of a state),
/// and moves on when its recipient accepted it (their first acceptance of it). Events the
/// network rejects (a second offer of a state, an offer by someone else, an acceptance of an
/// offer that was not the valid one) are never on the path, however they arrive, so a read
/// agrees with validation even when a hostile custodian offered one state twice.
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
    while let Some(offer) = filed.offer_of(&history.state, &history.holding, regime) {
        let Some(acceptance) = filed.acceptance_of(&offer) else {
            history.pending = Some(offer.into_pending());
            break;
        };
        history.hand_over(&offer, acceptance);
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
    seq: u32,
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
    accepts: BTreeMap<E, Vec<(u32, E, A)>>,
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
                    seq,
                } => filed.offers.entry(prev).or_default().push(Offer {
                    id,
                    by,
                    to,
                    rights,
                    seq,
                }),
                CustodyEvent::Accept {
                    id,
                    transfer,
                    by,
                    seq,
                } => filed
                    .accepts
                    .entry(transfer)
                    .or_default()
                    .push((seq, id, by)),
            }
        }
        filed
    }

    /// The valid offer of `state`: the first its holder made (lowest place on their chain, then
    /// lowest id for a forked chain). Takes every offer of it out, so each state is walked once.
    fn offer_of(
        &mut self,
        state: &E,
        holding: &Holding<A>,
        regime: PropertyRegime,
    ) -> Option<Offer<A, E>> {
        self.offers
            .remove(state)
            .unwrap_or_default()
            .into_iter()
            .filter(|o| {
                holding
                    .check_transfer(regime, &o.by, &o.to, &o.rights)
                    .is_ok()
            })
            .min_by(|a, b| (a.seq, &a.id).cmp(&(b.seq, &b.id)))
    }

    /// The recipient's first acceptance of `offer`, if any.
    fn acceptance_of(&self, offer: &Offer<A, E>) -> Option<E> {
        self.accepts
            .get(&offer.id)?
            .iter()
            .filter(|(_, _, by)| by == &offer.to)
            .min_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)))
            .map(|(_, id, _)| id.clone())
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
