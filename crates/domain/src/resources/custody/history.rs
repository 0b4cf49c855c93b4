//! A resource's custody history read back from its events: [`CustodyEvent`]s in any order go in,
//! the one path of hand-overs from the creation comes out ([`History`]), with the offer still
//! open and a count of the events off the path. This is how the coordinator answers "who holds
//! it, and how did it get there"; validators use [`Custody`](super::Custody), and the property
//! tests hold the two to the same answer.

use super::{lapsed_by_expiry, Holding, Rights};
use crate::resources::resource::PropertyRegime;
use std::collections::BTreeMap;
use std::fmt::Display;

/// One custody action of a resource. `seq` is its place on its author's chain and `at` its
/// time, in microseconds: validators take an author's earlier action over a later one, and so
/// does [`replay`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustodyEvent<A, E> {
    Transfer {
        id: E,
        prev: E,
        by: A,
        to: A,
        rights: Rights,
        seq: u32,
        at: i64,
        expires: i64,
        /// The decline of the state's last offer, when this offer follows a declined one.
        after_decline: Option<E>,
    },
    Accept {
        id: E,
        transfer: E,
        by: A,
        seq: u32,
        at: i64,
    },
    Decline {
        id: E,
        transfer: E,
        by: A,
        seq: u32,
    },
}

/// The open offer of the current state: not declined, maybe expired (`expires` says when).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending<A, E> {
    pub transfer: E,
    pub to: A,
    pub rights: Rights,
    pub expires: i64,
}

/// The last offer of the current state, when it was declined: a new offer names the decline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declined<A, E> {
    pub transfer: E,
    pub decline: E,
    pub by: A,
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
    pub declined: Option<Declined<A, E>>,
    /// Events off the path (none in validated data but re-offers and their answers: a second
    /// offer of a state before the first lapsed, an offer by someone else, an answer by someone
    /// else, an event of another resource).
    pub ignored: usize,
}

/// Reads a resource's custody history from its events, in any order, exactly as validators
/// decide it. Walks from the creation; at each state takes its custodian's offers of it in
/// chain order, keeping each only if the one before it had lapsed when it was made (declined,
/// by a decline it names, or expired), as validators do; the first of those its recipient
/// accepted in time (their first answer, by the expiry) hands the resource on. Events the
/// network rejects (a second offer of an open state, an offer by someone else, an answer by
/// someone else or after the expiry) are never on the path, however they arrive, so a read
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
        declined: None,
        ignored: 0,
    };
    let mut used = 0;
    loop {
        let offers = filed.valid_offers_of(&history.state, &history.holding, regime);
        used += offers.len();
        let accepted = offers.iter().find_map(|o| match filed.answer_to(o) {
            Some(Answer::Accepted(id)) => Some((o, id)),
            _ => None,
        });
        if let Some((offer, acceptance)) = accepted {
            used += 1;
            history.hand_over(offer, acceptance);
            continue;
        }
        if let Some(last) = offers.last() {
            match filed.answer_to(last) {
                Some(Answer::Declined(decline)) => {
                    used += 1;
                    history.declined = Some(Declined {
                        transfer: last.id.clone(),
                        decline,
                        by: last.to.clone(),
                    })
                }
                _ => history.pending = Some(last.pending()),
            }
        }
        break;
    }
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
    at: i64,
    expires: i64,
    after_decline: Option<E>,
}

impl<A: Clone, E: Clone> Offer<A, E> {
    fn pending(&self) -> Pending<A, E> {
        Pending {
            transfer: self.id.clone(),
            to: self.to.clone(),
            rights: self.rights.clone(),
            expires: self.expires,
        }
    }
}

/// A recipient's answer to an offer.
enum Answer<E> {
    Accepted(E),
    Declined(E),
}

/// An answer as filed: (seq, id, author, accepted at, or `None` for a decline).
type Answered<A, E> = (u32, E, A, Option<i64>);

/// A resource's events filed for the walk: offers under the state they hand on, answers under
/// the transfer they answer.
struct Filed<A, E> {
    offers: BTreeMap<E, Vec<Offer<A, E>>>,
    answers: BTreeMap<E, Vec<Answered<A, E>>>,
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
            answers: BTreeMap::new(),
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
                    at,
                    expires,
                    after_decline,
                } => filed.offers.entry(prev).or_default().push(Offer {
                    id,
                    by,
                    to,
                    rights,
                    seq,
                    at,
                    expires,
                    after_decline,
                }),
                CustodyEvent::Accept {
                    id,
                    transfer,
                    by,
                    seq,
                    at,
                } => filed
                    .answers
                    .entry(transfer)
                    .or_default()
                    .push((seq, id, by, Some(at))),
                CustodyEvent::Decline {
                    id,
                    transfer,
                    by,
                    seq,
                } => filed
                    .answers
                    .entry(transfer)
                    .or_default()
                    .push((seq, id, by, None)),
            }
        }
        filed
    }

    /// The offers of `state` validators accept, in chain order: its holder's first offer, then
    /// each later one made once the one before it had lapsed. Takes them out, so each state is
    /// walked once.
    fn valid_offers_of(
        &mut self,
        state: &E,
        holding: &Holding<A>,
        regime: PropertyRegime,
    ) -> Vec<Offer<A, E>> {
        let mut mine: Vec<Offer<A, E>> = self
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
        mine.sort_by(|a, b| (a.seq, &a.id).cmp(&(b.seq, &b.id)));
        let mut valid: Vec<Offer<A, E>> = Vec::new();
        for offer in mine {
            let lapsed = match valid.last() {
                None => true,
                Some(before) => {
                    lapsed_by_expiry(before.expires, offer.at)
                        || matches!(
                            (&offer.after_decline, self.answer_to(before)),
                            (Some(named), Some(Answer::Declined(d))) if *named == d
                        )
                }
            };
            if lapsed {
                valid.push(offer);
            }
        }
        valid
    }

    /// The recipient's answer to `offer`: their first valid one, by chain order (an acceptance
    /// after the expiry is rejected by validators, so it is no answer).
    fn answer_to(&self, offer: &Offer<A, E>) -> Option<Answer<E>> {
        let (_, id, _, accepted_at) = self
            .answers
            .get(&offer.id)?
            .iter()
            .filter(|(_, _, by, at)| by == &offer.to && at.is_none_or(|t| t <= offer.expires))
            .min_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)))?;
        Some(match accepted_at {
            Some(_) => Answer::Accepted(id.clone()),
            None => Answer::Declined(id.clone()),
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
