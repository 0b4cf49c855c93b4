//! Custody's tests: the rules of a hand-over on [`Custody`], and property tests holding
//! [`replay`] to the same single path, in any order of the events.

use super::*;
use crate::bounds::MAX_AMOUNT;
use crate::resources::resource::PropertyRegime;
use crate::DomainError;
use proptest::prelude::*;
use std::collections::BTreeMap;
use PropertyRegime::*;

type Event = CustodyEvent<u8, u32>;

/// A quarter of the re-offer grace: events are this far apart.
const STEP: i64 = REOFFER_GRACE_MICROS / 4;

/// Ids grow with time in these tests: an event's id is also its place on its author's chain,
/// and it is made at `id` × [`STEP`].
fn at(id: u32) -> i64 {
    i64::from(id) * STEP
}

/// How long [`transfer`]'s offers stay open: until two events later.
const OPEN: i64 = 2 * STEP;

/// An offer open for [`OPEN`].
fn transfer(id: u32, prev: u32, by: u8, to: u8) -> Event {
    offer(id, prev, by, to, Rights::Custody)
}

fn offer(id: u32, prev: u32, by: u8, to: u8, rights: Rights) -> Event {
    Event::Transfer {
        id,
        prev,
        by,
        to,
        rights,
        seq: id,
        at: at(id),
        expires: at(id) + OPEN,
        after_decline: None,
    }
}

fn accept(id: u32, transfer: u32, by: u8) -> Event {
    Event::Accept {
        id,
        transfer,
        by,
        seq: id,
        at: at(id),
    }
}

fn decline(id: u32, transfer: u32, by: u8) -> Event {
    Event::Decline {
        id,
        transfer,
        by,
        seq: id,
    }
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
        Err(DomainError::OfferStillOpen { .. })
    ));
    assert!(matches!(
        custody.apply(accept(2, 1, 3)),
        Err(DomainError::NotRecipient { .. })
    ));
    custody.apply(accept(2, 1, 2)).unwrap();
    assert!(matches!(
        custody.apply(accept(4, 1, 2)),
        Err(DomainError::AlreadyAnswered { .. })
    ));
    assert!(matches!(
        custody.apply(decline(4, 1, 2)),
        Err(DomainError::AlreadyAnswered { .. })
    ));
    // alice no longer holds it, from her old state or any other.
    assert!(custody.apply(transfer(5, 0, 1, 3)).is_err());
    assert!(custody.apply(transfer(5, 2, 1, 3)).is_err());
}

#[test]
fn a_declined_or_expired_offer_lapses_and_the_state_is_offered_again() {
    let mut custody = Custody::new(0, 1, Nondominium);
    custody.apply(transfer(1, 0, 1, 2)).unwrap();
    // Offered again while open: refused.
    let open = custody.apply(transfer(3, 0, 1, 3));
    assert!(
        matches!(open, Err(DomainError::OfferStillOpen { .. })),
        "{open:?}"
    );
    // bob declines; the re-offer names his decline.
    custody.apply(decline(2, 1, 2)).unwrap();
    assert!(matches!(
        custody.apply(accept(4, 1, 2)),
        Err(DomainError::AlreadyAnswered { .. })
    ));
    let mut to_carol = transfer(5, 0, 1, 3);
    if let Event::Transfer { after_decline, .. } = &mut to_carol {
        *after_decline = Some(2);
    }
    custody.apply(to_carol.clone()).unwrap();
    // carol never answers; after the expiry she cannot accept, and an hour after it alice
    // offers dan.
    let expired = at(5) + OPEN;
    let late = Event::Accept {
        id: 6,
        transfer: 5,
        by: 3,
        seq: 6,
        at: expired + 1,
    };
    assert!(matches!(
        custody.apply(late.clone()),
        Err(DomainError::OfferExpired { .. })
    ));
    let offer_at = |t: i64| Event::Transfer {
        id: 7,
        prev: 0,
        by: 1,
        to: 4,
        rights: Rights::Custody,
        seq: 7,
        at: t,
        expires: t + OPEN,
        after_decline: None,
    };
    let early = offer_at(expired + REOFFER_GRACE_MICROS);
    assert!(matches!(
        custody.apply(early),
        Err(DomainError::OfferStillOpen { .. })
    ));
    let to_dan = offer_at(expired + REOFFER_GRACE_MICROS + 1);
    custody.apply(to_dan.clone()).unwrap();
    let dan_accepts = Event::Accept {
        id: 8,
        transfer: 7,
        by: 4,
        seq: 8,
        at: expired + REOFFER_GRACE_MICROS + 500,
    };
    custody.apply(dan_accepts.clone()).unwrap();
    assert_eq!(custody.holding().custodian, 4);
    let events = vec![
        transfer(1, 0, 1, 2),
        decline(2, 1, 2),
        to_carol,
        late,
        to_dan,
        dan_accepts,
    ];
    let history = replay(0, &1, Nondominium, events.into_iter().rev());
    assert_eq!((history.holding.custodian, history.state), (4, 8));
    // An offer to a new custodian must be made within the window.
    assert!(matches!(
        custody.apply(Event::Transfer {
            id: 9,
            prev: 8,
            by: 4,
            to: 1,
            rights: Rights::Custody,
            seq: 9,
            at: 100 * REOFFER_GRACE_MICROS,
            expires: 100 * REOFFER_GRACE_MICROS,
            after_decline: None,
        }),
        Err(DomainError::BadOfferWindow { .. })
    ));
}

#[test]
fn a_nondominium_resource_is_never_sold() {
    let sale = |regime| {
        Custody::new(0, 1, regime).apply(offer(1, 0, 1, 2, Rights::Ownership { price: 100 }))
    };
    for regime in [Nondominium, Commons, Public] {
        assert_eq!(sale(regime), Err(DomainError::NotForSale { regime }));
    }
    assert_eq!(sale(Private), Ok(()));
    let priceless = Custody::new(0, 1, Private).apply(offer(
        1,
        0,
        1,
        2,
        Rights::Ownership {
            price: MAX_AMOUNT + 1,
        },
    ));
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
    let sale = offer(3, 2, 2, 3, Rights::Ownership { price: 1 });
    assert!(matches!(
        custody.apply(sale),
        Err(DomainError::NotOwner { .. })
    ));
}

/// An attempted event: (kind: offer, accept or decline; by; to; the event it names; a sale;
/// how long an offer stays open, in tenths of a [`STEP`], short enough that many expire).
type Attempt = (u8, u8, u8, u32, bool, i64);

/// Attempted events drawn from small ranges, so many are valid and many break a rule.
fn arb_attempts() -> impl Strategy<Value = Vec<Attempt>> {
    prop::collection::vec(
        (0u8..3, 1u8..5, 1u8..5, 0u32..40, any::<bool>(), 1i64..60),
        0..60,
    )
}

/// The event an attempt makes, the `i`th made: it names an earlier event, as hashes must. A
/// re-offer names the decline of the state's last offer when there is one (`declines`).
fn attempted(i: usize, a: &Attempt, declines: &BTreeMap<u32, u32>) -> Event {
    let &(kind, by, to, target, sell, open) = a;
    let id = i as u32 + 1;
    let target = target % id;
    match kind {
        0 => Event::Transfer {
            id,
            prev: target,
            by,
            to,
            rights: if sell {
                Rights::Ownership { price: 5 }
            } else {
                Rights::Custody
            },
            seq: id,
            at: at(id),
            expires: at(id) + open * STEP / 10,
            after_decline: declines.values().last().copied(),
        },
        1 => accept(id, target, by),
        _ => decline(id, target, by),
    }
}

/// Applies attempts to a fresh custody; returns it and the events it accepted.
fn run(regime: PropertyRegime, attempts: &[Attempt]) -> (Custody<u8, u32>, Vec<Event>) {
    let mut custody = Custody::new(0, 1, regime);
    let mut applied = vec![];
    let mut declines = BTreeMap::new();
    for (i, attempt) in attempts.iter().enumerate() {
        let event = attempted(i, attempt, &declines);
        if custody.apply(event.clone()).is_ok() {
            if let Event::Decline { id, transfer, .. } = event {
                declines.insert(transfer, id);
            }
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
        // (Valid events may lie off the path: a re-offer of a state whose first offer was
        // accepted, and what follows from it.)
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
            if let Event::Transfer { prev, by, at, .. } = event {
                // Its holder offers it again, to someone else, while it is open: refused.
                let to = if to == by { by % 4 + 1 } else { to };
                let again = Event::Transfer {
                    id: 1000,
                    prev,
                    by,
                    to,
                    rights: Rights::Custody,
                    seq: 1000,
                    at,
                    expires: at + 10,
                    after_decline: None,
                };
                let refused = custody.apply(again);
                prop_assert!(
                    matches!(
                        refused,
                        Err(DomainError::StaleCustodyState { .. } | DomainError::OfferStillOpen { .. })
                    ),
                    "{:?}",
                    refused
                );
            }
        }
    }

    #[test]
    fn replay_over_every_event_the_network_saw_names_the_holder_validators_name(
        regime in arb_regime(), attempts in arb_attempts(), seed in any::<u64>()
    ) {
        // Every attempt is published, valid or not (a hostile custodian offering one state
        // twice, offers by others, acceptances of rejected offers), each naming an earlier
        // event as hashes must. Validators apply them in the order they were made.
        let mut custody = Custody::new(0, 1, regime);
        let mut published = vec![];
        let mut declines = BTreeMap::new();
        for (i, attempt) in attempts.iter().enumerate() {
            let event = attempted(i, attempt, &declines);
            if custody.apply(event.clone()).is_ok() {
                if let Event::Decline { id, transfer, .. } = event {
                    declines.insert(transfer, id);
                }
            }
            published.push(event);
        }
        let mut s = seed;
        for i in (1..published.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            published.swap(i, (s >> 33) as usize % (i + 1));
        }
        let history = replay(0, &1, regime, published);
        prop_assert_eq!(&history.holding, custody.holding());
        prop_assert_eq!(&history.state, custody.state());
    }
}
