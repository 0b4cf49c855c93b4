//! A decision as every validator checks it: it comes after the proposal closed, names only
//! votes cast on this proposal while it was open, each voter once and each in the electorate,
//! delegations made before the close in this project's scope (or the whole network's), each
//! delegator once; and it states exactly the tally those inputs give. What validation cannot see
//! (a vote left out) the audit reports, and [`super::rules::standing`] says which of two
//! decisions stands.

use super::rules::{check_decision_time, check_vote_time};
use super::tally::{tally, Choice, Method, Tally};
use crate::DomainError;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// A vote a decision names, as read from its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedVote<A, H> {
    pub hash: H,
    pub voter: A,
    pub proposal: H,
    /// Its action's time (µs).
    pub at: i64,
    pub choice: Choice,
}

/// A delegation a decision names, as read from its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedDelegation<A, H> {
    pub hash: H,
    pub delegator: A,
    /// `None`: a revocation (the delegator is represented by nobody but themselves).
    pub delegate: Option<A>,
    /// The project it applies to; `None` for every project.
    pub scope: Option<H>,
    pub at: i64,
}

/// The proposal a decision is about, as the validator read it.
#[derive(Debug, Clone)]
pub struct Proposed<A, H> {
    pub hash: H,
    pub project: H,
    pub opened: i64,
    pub closes: i64,
    pub method: Method,
    /// Member → weight (1 each, or their reputation when the proposal opened).
    pub electorate: BTreeMap<A, u64>,
}

/// The decision's inputs are this proposal's, and `stated` is their tally.
pub fn check_decision<A, H>(
    proposal: &Proposed<A, H>,
    decided_at: i64,
    votes: &[NamedVote<A, H>],
    delegations: &[NamedDelegation<A, H>],
    stated: &Tally,
) -> Result<(), DomainError>
where
    A: Ord + Clone + Display,
    H: Ord + Clone + Display,
{
    check_decision_time(decided_at, proposal.closes)?;
    let bad = |why: String| Err(DomainError::BadGovernance(why));
    let mut cast = BTreeMap::new();
    for vote in votes {
        if vote.proposal != proposal.hash {
            return bad(format!(
                "vote {} is on proposal {}",
                vote.hash, vote.proposal
            ));
        }
        check_vote_time(vote.at, proposal.opened, proposal.closes)?;
        if cast
            .insert(vote.voter.clone(), vote.choice.clone())
            .is_some()
        {
            return bad(format!(
                "{} is counted twice: name only their latest vote",
                vote.voter
            ));
        }
    }
    let mut delegated = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for d in delegations {
        if d.at >= proposal.closes {
            return bad(format!(
                "delegation {} was made after the proposal closed",
                d.hash
            ));
        }
        if d.scope.as_ref().is_some_and(|s| s != &proposal.project) {
            return bad(format!("delegation {} is for another project", d.hash));
        }
        if !seen.insert(d.delegator.clone()) {
            return bad(format!("{}'s delegation is named twice", d.delegator));
        }
        if let Some(delegate) = &d.delegate {
            delegated.insert(d.delegator.clone(), delegate.clone());
        }
    }
    let recounted = tally(proposal.method, &proposal.electorate, &cast, &delegated)?;
    if &recounted != stated {
        return bad(format!(
            "the decision states {stated:?}; its votes and delegations give {recounted:?}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const METHOD: Method = Method::Majority {
        threshold_bp: 5000,
        quorum_bp: 5000,
    };

    fn proposal() -> Proposed<u32, u32> {
        Proposed {
            hash: 100,
            project: 7,
            opened: 1_000,
            closes: 2_000,
            method: METHOD,
            electorate: [(1, 1), (2, 1), (3, 1)].into(),
        }
    }

    fn vote(hash: u32, voter: u32, at: i64, choice: Choice) -> NamedVote<u32, u32> {
        NamedVote {
            hash,
            voter,
            proposal: 100,
            at,
            choice,
        }
    }

    fn delegation(delegator: u32, delegate: u32, at: i64) -> NamedDelegation<u32, u32> {
        NamedDelegation {
            hash: 900 + delegator,
            delegator,
            delegate: Some(delegate),
            scope: Some(7),
            at,
        }
    }

    #[test]
    fn a_decision_stating_the_tally_of_its_inputs_passes_and_any_other_is_refused() {
        let p = proposal();
        let votes = [
            vote(1, 1, 1_500, Choice::Yes),
            vote(2, 2, 1_600, Choice::No),
        ];
        let delegations = [delegation(3, 1, 900)];
        let right = tally(
            METHOD,
            &p.electorate,
            &[(1, Choice::Yes), (2, Choice::No)].into(),
            &[(3, 1)].into(),
        )
        .unwrap();
        assert_eq!((right.yes, right.no), (2, 1));
        assert_eq!(
            check_decision(&p, 2_000, &votes, &delegations, &right),
            Ok(())
        );
        let mut miscounted = right.clone();
        miscounted.no = 0;
        assert!(check_decision(&p, 2_000, &votes, &delegations, &miscounted).is_err());
        // Before the close.
        assert!(check_decision(&p, 1_999, &votes, &delegations, &right).is_err());
    }

    #[test]
    fn late_votes_double_votes_strangers_and_foreign_delegations_are_refused() {
        let p = proposal();
        let any = Tally {
            yes: 0,
            no: 0,
            abstain: 0,
            block: 0,
            electorate: 3,
            failed: None,
        };
        let refused = |votes: &[NamedVote<u32, u32>], delegations: &[NamedDelegation<u32, u32>]| {
            check_decision(&p, 3_000, votes, delegations, &any).unwrap_err()
        };
        let late = refused(&[vote(1, 1, 2_000, Choice::Yes)], &[]);
        assert!(
            late.to_string().contains("outside the proposal's window"),
            "{late}"
        );
        let twice = refused(
            &[
                vote(1, 1, 1_100, Choice::No),
                vote(2, 1, 1_200, Choice::Yes),
            ],
            &[],
        );
        assert!(twice.to_string().contains("counted twice"), "{twice}");
        let stranger = refused(&[vote(1, 9, 1_100, Choice::Yes)], &[]);
        assert_eq!(stranger, DomainError::NotInElectorate { voter: "9".into() });
        let mut elsewhere = vote(1, 1, 1_100, Choice::Yes);
        elsewhere.proposal = 101;
        assert!(refused(&[elsewhere], &[])
            .to_string()
            .contains("is on proposal 101"));
        let mut foreign = delegation(3, 1, 900);
        foreign.scope = Some(8);
        assert!(refused(&[], &[foreign])
            .to_string()
            .contains("another project"));
        let after = delegation(3, 1, 2_000);
        assert!(refused(&[], &[after])
            .to_string()
            .contains("after the proposal closed"));
        let again = [delegation(3, 1, 900), delegation(3, 2, 950)];
        assert!(refused(&[], &again).to_string().contains("named twice"));
    }
}
