//! Counting a proposal's votes: who each member of the electorate is represented by (their own
//! vote, else their delegate's, transitively), then the method's outcome. Exact integer
//! arithmetic on weights (1 per member, or their reputation when the proposal opened); every
//! validator of a decision runs it on the votes and delegations the decision names.

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A basis point is 1/100 of 1 %: 10,000 is the whole.
pub const WHOLE_BP: u32 = 10_000;

/// What a voter says of a proposal.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Choice {
    Yes,
    No,
    Abstain,
    /// An objection that stops a Consent or Consensus decision, with why.
    Block {
        reason: String,
    },
}

/// How votes decide. Quorums and thresholds are in basis points of the whole.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Method {
    /// Passes with the quorum unless somebody blocks.
    Consent { quorum_bp: u32 },
    /// Passes with the quorum when nobody says no or blocks, and somebody says yes.
    Consensus { quorum_bp: u32 },
    /// Passes with the quorum when yes / (yes + no) is strictly above the threshold (Aragon's
    /// support); a block counts as no. Weights: one per member, or reputations.
    Majority { threshold_bp: u32, quorum_bp: u32 },
}

impl Method {
    /// The share of the electorate that must take part, in basis points.
    pub fn quorum_bp(&self) -> u32 {
        match *self {
            Method::Consent { quorum_bp }
            | Method::Consensus { quorum_bp }
            | Method::Majority { quorum_bp, .. } => quorum_bp,
        }
    }

    /// Quorums and thresholds are at most the whole; a threshold below a half would let two
    /// opposite proposals pass together.
    pub fn check(&self) -> Result<(), DomainError> {
        let (quorum, threshold) = match *self {
            Method::Consent { quorum_bp } | Method::Consensus { quorum_bp } => (quorum_bp, None),
            Method::Majority {
                threshold_bp,
                quorum_bp,
            } => (quorum_bp, Some(threshold_bp)),
        };
        if quorum > WHOLE_BP {
            return Err(out_of_bounds("quorum_bp", quorum, WHOLE_BP));
        }
        match threshold {
            Some(t) if !(WHOLE_BP / 2..WHOLE_BP).contains(&t) => Err(DomainError::BadGovernance(
                format!("threshold_bp is {t}; it must be from 5000 (a half) to 9999"),
            )),
            _ => Ok(()),
        }
    }
}

fn out_of_bounds(field: &'static str, value: u32, max: u32) -> DomainError {
    DomainError::OutOfBounds {
        field,
        value: value as u64,
        max: max as u64,
    }
}

/// Whose ballot counts for each member of `electorate`: their own when they cast one, else the
/// first member along their chain of delegations who cast one. A chain that ends, or turns in a
/// cycle, before reaching a ballot leaves the member unrepresented: they take no part, as if
/// they had not voted. Always terminates (a member is visited once per chain), and each member
/// is represented at most once, so each weight counts at most once.
pub fn representatives<A: Ord + Clone, B>(
    electorate: &BTreeMap<A, u64>,
    ballots: &BTreeMap<A, B>,
    delegations: &BTreeMap<A, A>,
) -> BTreeMap<A, A> {
    let mut out = BTreeMap::new();
    for member in electorate.keys() {
        let mut seen = BTreeSet::new();
        let mut at = member;
        loop {
            if ballots.contains_key(at) {
                out.insert(member.clone(), at.clone());
                break;
            }
            if !seen.insert(at) {
                break;
            }
            match delegations.get(at) {
                Some(next) => at = next,
                None => break,
            }
        }
    }
    out
}

/// Why a proposal did not pass.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Failed {
    /// Fewer took part than the quorum asks.
    NoQuorum,
    /// Somebody blocked (Consent, Consensus).
    Blocked,
    /// Somebody said no (Consensus).
    Objected,
    /// Support at or below the threshold, or nobody said yes.
    NotEnoughSupport,
}

/// A count: the weights behind each choice, and the outcome.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Tally {
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
    pub block: u64,
    /// The electorate's whole weight.
    pub electorate: u64,
    /// `None` when it passed.
    pub failed: Option<Failed>,
}

impl Tally {
    /// The weight that took part (represented by some ballot).
    pub fn participation(&self) -> u64 {
        // Each is a part of the electorate's weight, which fits a u64.
        self.yes + self.no + self.abstain + self.block
    }

    pub fn passed(&self) -> bool {
        self.failed.is_none()
    }
}

/// Counts `votes` of `electorate` (member → weight) with `delegations` under `method`. A voter
/// outside the electorate is an error: validation refuses their vote.
pub fn tally<A: Ord + Clone + std::fmt::Display>(
    method: Method,
    electorate: &BTreeMap<A, u64>,
    votes: &BTreeMap<A, Choice>,
    delegations: &BTreeMap<A, A>,
) -> Result<Tally, DomainError> {
    method.check()?;
    if let Some(stranger) = votes.keys().find(|v| !electorate.contains_key(v)) {
        return Err(DomainError::NotInElectorate {
            voter: stranger.to_string(),
        });
    }
    let whole = electorate
        .values()
        .try_fold(0u64, |sum, &w| sum.checked_add(w))
        .ok_or(DomainError::Overflow {
            what: "an electorate's weight",
        })?;
    let mut t = Tally {
        yes: 0,
        no: 0,
        abstain: 0,
        block: 0,
        electorate: whole,
        failed: None,
    };
    // Each member is represented at most once, so no sum exceeds the electorate's.
    for (member, voter) in representatives(electorate, votes, delegations) {
        let weight = electorate[&member];
        match &votes[&voter] {
            Choice::Yes => t.yes += weight,
            Choice::No => t.no += weight,
            Choice::Abstain => t.abstain += weight,
            Choice::Block { .. } => t.block += weight,
        }
    }
    t.failed = outcome(method, &t);
    Ok(t)
}

/// The method's verdict on counted weights.
fn outcome(method: Method, t: &Tally) -> Option<Failed> {
    let quorum = method.quorum_bp();
    // participation / electorate >= quorum, and somebody took part.
    let whole = WHOLE_BP as u128;
    let took_part = t.participation() as u128;
    if took_part == 0 || took_part * whole < quorum as u128 * t.electorate as u128 {
        return Some(Failed::NoQuorum);
    }
    match method {
        Method::Consent { .. } if t.block > 0 => Some(Failed::Blocked),
        Method::Consent { .. } => None,
        Method::Consensus { .. } if t.block > 0 => Some(Failed::Blocked),
        Method::Consensus { .. } if t.no > 0 => Some(Failed::Objected),
        Method::Consensus { .. } if t.yes == 0 => Some(Failed::NotEnoughSupport),
        Method::Consensus { .. } => None,
        Method::Majority { threshold_bp, .. } => {
            let (yes, against) = (t.yes as u128, (t.no + t.block) as u128);
            let support = yes * whole > threshold_bp as u128 * (yes + against);
            (!support || t.yes == 0).then_some(Failed::NotEnoughSupport)
        }
    }
}

/// Each voter's latest ballot: of `cast` (voter, order key, ballot), the one with the greatest
/// key per voter, the key being what validation orders a voter's votes by (their chain's
/// sequence, so a later vote replaces an earlier one). The same whatever order `cast` is in.
pub fn latest<A: Ord, K: Ord, B>(cast: impl IntoIterator<Item = (A, K, B)>) -> BTreeMap<A, B> {
    let mut by_voter: BTreeMap<A, (K, B)> = BTreeMap::new();
    for (voter, key, ballot) in cast {
        match by_voter.get(&voter) {
            Some((kept, _)) if kept >= &key => {}
            _ => {
                by_voter.insert(voter, (key, ballot));
            }
        }
    }
    by_voter.into_iter().map(|(v, (_, b))| (v, b)).collect()
}
