//! Endorsements, and when a contribution *counts*: once K distinct members other than the
//! contributor confirm it and nobody's latest word on it is a dispute. An endorser may change
//! their mind by endorsing again; only their latest endorsement is taken, so duplicates count
//! once (a chain-local once-only rule enforced by de-duplication, not by rejection).

use crate::text::{check_text, MAX_PROSE};
use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum EndorsementKind {
    Confirm,
    Dispute { reason: String },
}

impl EndorsementKind {
    /// A dispute gives a non-empty, bounded reason.
    pub fn check(&self) -> Result<(), DomainError> {
        match self {
            Self::Confirm => Ok(()),
            Self::Dispute { reason } => check_text("reason", reason, MAX_PROSE),
        }
    }
}

/// An endorser may not endorse their own contribution.
pub fn check_endorser<A: PartialEq + std::fmt::Display>(
    endorser: &A,
    contributor: &A,
) -> Result<(), DomainError> {
    if endorser == contributor {
        return Err(DomainError::SelfEndorsement {
            endorser: endorser.to_string(),
        });
    }
    Ok(())
}

/// An endorser's new word on a contribution differs from their latest word on it (`latest`,
/// if they said one): saying the same again adds a record and no meaning. A dispute with a new
/// reason is a new word, and confirm, dispute, confirm is a change of mind, so records are
/// never counted: status counts each endorser's latest word once ([`contribution_status`]).
pub fn check_new_word(
    latest: Option<&EndorsementKind>,
    new: &EndorsementKind,
) -> Result<(), DomainError> {
    match latest {
        Some(latest) if latest == new => Err(DomainError::SameWordAgain {
            word: match new {
                EndorsementKind::Confirm => "a confirmation",
                EndorsementKind::Dispute { .. } => "this dispute",
            },
        }),
        _ => Ok(()),
    }
}

/// One endorsement as the status rule sees it.
#[derive(Debug, Clone)]
pub struct Endorsed<'a, A> {
    pub endorser: A,
    pub at_micros: i64,
    pub kind: &'a EndorsementKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ContributionState {
    /// Fewer than K confirmations so far.
    Pending,
    /// K or more distinct confirmations and no standing dispute.
    Counted,
    /// Someone's latest word is a dispute: it does not count until corrected.
    Disputed,
    /// A correction replaced it; the correction is what may count.
    Superseded,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContributionStatus {
    pub state: ContributionState,
    /// Distinct endorsers whose latest endorsement confirms.
    pub confirmations: u32,
    /// Distinct endorsers whose latest endorsement disputes.
    pub disputes: u32,
    /// K, from the network constitution.
    pub required: u32,
}

/// Where a contribution stands, from its endorsements.
///
/// Each endorser's latest endorsement is taken (on equal timestamps a dispute wins, so the
/// result never depends on input order); endorsements by the contributor are ignored.
pub fn contribution_status<A: Ord + Clone>(
    contributor: &A,
    endorsements: &[Endorsed<'_, A>],
    corrected: bool,
    required: u32,
) -> ContributionStatus {
    let mut latest: BTreeMap<&A, (i64, bool)> = BTreeMap::new();
    for e in endorsements.iter().filter(|e| &e.endorser != contributor) {
        let disputes = matches!(e.kind, EndorsementKind::Dispute { .. });
        let entry = latest.entry(&e.endorser).or_insert((e.at_micros, disputes));
        if (e.at_micros, disputes) > *entry {
            *entry = (e.at_micros, disputes);
        }
    }
    let disputes = latest.values().filter(|(_, d)| *d).count() as u32;
    let confirmations = latest.len() as u32 - disputes;
    let state = if corrected {
        ContributionState::Superseded
    } else if disputes > 0 {
        ContributionState::Disputed
    } else if confirmations >= required {
        ContributionState::Counted
    } else {
        ContributionState::Pending
    };
    ContributionStatus {
        state,
        confirmations,
        disputes,
        required,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ContributionState::*;

    const CONFIRM: EndorsementKind = EndorsementKind::Confirm;

    fn dispute() -> EndorsementKind {
        EndorsementKind::Dispute {
            reason: "no evidence".into(),
        }
    }

    #[test]
    fn an_endorser_changes_their_word_but_never_says_it_twice() {
        assert!(check_new_word(None, &CONFIRM).is_ok());
        assert!(check_new_word(Some(&dispute()), &CONFIRM).is_ok());
        assert!(check_new_word(Some(&CONFIRM), &dispute()).is_ok());
        let new_reason = EndorsementKind::Dispute {
            reason: "the hours are double-counted".into(),
        };
        assert!(check_new_word(Some(&dispute()), &new_reason).is_ok());
        assert_eq!(
            check_new_word(Some(&CONFIRM), &CONFIRM),
            Err(DomainError::SameWordAgain {
                word: "a confirmation"
            })
        );
        assert!(check_new_word(Some(&dispute()), &dispute()).is_err());
    }

    fn e(endorser: u8, at_micros: i64, kind: &EndorsementKind) -> Endorsed<'_, u8> {
        Endorsed {
            endorser,
            at_micros,
            kind,
        }
    }

    #[test]
    fn a_contribution_counts_at_k_distinct_confirmations() {
        let one = [e(2, 1, &CONFIRM)];
        assert_eq!(contribution_status(&1, &one, false, 1).state, Counted);
        assert_eq!(contribution_status(&1, &one, false, 2).state, Pending);
        let twice_by_one = [e(2, 1, &CONFIRM), e(2, 2, &CONFIRM)];
        let s = contribution_status(&1, &twice_by_one, false, 2);
        assert_eq!((s.state, s.confirmations), (Pending, 1));
        let two = [e(2, 1, &CONFIRM), e(3, 2, &CONFIRM)];
        assert_eq!(contribution_status(&1, &two, false, 2).state, Counted);
    }

    #[test]
    fn self_endorsements_never_count() {
        let own = [e(1, 1, &CONFIRM)];
        assert_eq!(contribution_status(&1, &own, false, 1).confirmations, 0);
    }

    #[test]
    fn a_dispute_blocks_counting_until_the_endorser_confirms_again_or_it_is_corrected() {
        let d = dispute();
        let disputed = [e(2, 1, &CONFIRM), e(3, 2, &d)];
        assert_eq!(contribution_status(&1, &disputed, false, 1).state, Disputed);
        let withdrawn = [e(3, 2, &d), e(3, 3, &CONFIRM)];
        assert_eq!(contribution_status(&1, &withdrawn, false, 1).state, Counted);
        assert_eq!(
            contribution_status(&1, &disputed, true, 1).state,
            Superseded
        );
    }

    #[test]
    fn a_dispute_needs_a_reason_and_nobody_endorses_themselves() {
        assert!(EndorsementKind::Dispute { reason: " ".into() }
            .check()
            .is_err());
        assert!(dispute().check().is_ok());
        assert!(check_endorser(&1, &1).is_err());
        assert!(check_endorser(&2, &1).is_ok());
    }

    fn arb_endorsements() -> impl Strategy<Value = Vec<(u8, i64, bool)>> {
        prop::collection::vec((0u8..6, 0i64..5, any::<bool>()), 0..20)
    }

    fn status_of(raw: &[(u8, i64, bool)], k: u32) -> ContributionStatus {
        let d = dispute();
        let list: Vec<_> = raw
            .iter()
            .map(|&(who, at, disputes)| e(who, at, if disputes { &d } else { &CONFIRM }))
            .collect();
        contribution_status(&0, &list, false, k)
    }

    proptest! {
        #[test]
        fn the_status_does_not_depend_on_input_order(raw in arb_endorsements(), k in 1u32..4) {
            let mut reversed = raw.clone();
            reversed.reverse();
            prop_assert_eq!(status_of(&raw, k), status_of(&reversed, k));
        }

        #[test]
        fn repeating_an_endorsement_changes_nothing(raw in arb_endorsements(), k in 1u32..4) {
            let mut doubled = raw.clone();
            doubled.extend(raw.iter().copied());
            prop_assert_eq!(status_of(&raw, k), status_of(&doubled, k));
        }

        #[test]
        fn a_new_endorsers_confirmation_never_lowers_the_count(raw in arb_endorsements(), k in 1u32..4) {
            let before = status_of(&raw, k);
            let mut more = raw.clone();
            more.push((9, 0, false));
            let after = status_of(&more, k);
            prop_assert_eq!(after.confirmations, before.confirmations + 1);
            prop_assert_eq!(after.disputes, before.disputes);
        }

        #[test]
        fn counted_means_k_confirmations_and_no_dispute(raw in arb_endorsements(), k in 1u32..4) {
            let s = status_of(&raw, k);
            prop_assert_eq!(s.state == Counted, s.disputes == 0 && s.confirmations >= k);
            prop_assert!(s.confirmations + s.disputes <= 5, "endorsers 1..=5 only, contributor excluded");
        }
    }
}
