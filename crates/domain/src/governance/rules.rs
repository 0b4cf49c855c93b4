//! Governance rules: how long a vote stays open, how fast reputation fades, and by which method,
//! electorate and weighting each kind of change is decided. A network's sit in its constitution
//! (`governance` in the DNA properties) and are the floors of a project's own (windows, each
//! kind's quorum, `decisions_bind`: [`GovernanceRules::check_within`]), which it changes by a
//! decision under the rules in force. And the times every vote and decision is checked against.

use super::tally::Method;
use crate::DomainError;
use serde::{Deserialize, Serialize};

const SECOND: i64 = 1_000_000;
const DAY: i64 = 24 * 3_600 * SECOND;

/// Who may vote on a proposal.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Electorate {
    /// The project's stewards.
    Stewards,
    /// Members with a contribution to the project counted (peer-confirmed) before the proposal
    /// opened: a fresh key in an open network cannot vote.
    Contributors,
}

/// What a vote weighs.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Weighting {
    /// One member, one vote.
    Equal,
    /// The voter's reputation in the project when the proposal opened ([`super::reputation`]).
    Reputation,
}

/// How one kind of change is decided.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rule {
    pub method: Method,
    pub electorate: Electorate,
    pub weighting: Weighting,
}

/// The kinds of change a proposal makes.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Adopt a value equation version.
    Equation,
    /// Change the project: its stewards, purpose or parent.
    Project,
    /// Decide a license exception for one request.
    Exception,
    /// Change a resource's usage rules.
    UsageRules,
    /// Share an amount of retained income among items (counted by approval).
    Budget,
    /// Recorded, with no effect.
    Motion,
    /// Change the project's own governance rules.
    Rules,
}

/// A network's (or a project's) governance rules. A project's stay within its network's
/// ([`GovernanceRules::check_within`]).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(default, deny_unknown_fields)]
pub struct GovernanceRules {
    /// Reputation halves every this many days (Colony's is about 3.5 months).
    pub half_life_days: u32,
    /// A proposal stays open at least this many seconds, so every member can see it in time
    /// (a test network may choose seconds; a community, days).
    pub min_window_secs: u32,
    /// And at most this long.
    pub max_window_days: u32,
    pub equation: Rule,
    pub project: Rule,
    pub exception: Rule,
    pub usage_rules: Rule,
    /// Its method's quorum applies; items are funded by approval ([`super::budget`]).
    pub budget: Rule,
    pub motion: Rule,
    /// How a project changes these rules of its own.
    pub rules: Rule,
    /// Whether a change these rules put to a vote takes effect only by a passed decision that
    /// names it ([`super::binding`]); `false` lets a project's stewards act alone. A new
    /// network's default: they bind.
    pub decisions_bind: bool,
}

impl Default for GovernanceRules {
    fn default() -> Self {
        let contributors = |method, weighting| Rule {
            method,
            electorate: Electorate::Contributors,
            weighting,
        };
        let majority = |threshold_bp, quorum_bp| Method::Majority {
            threshold_bp,
            quorum_bp,
        };
        Self {
            half_life_days: 105,
            min_window_secs: 72 * 3_600,
            max_window_days: 60,
            // How income is shared: those who earned it, by what they earned.
            equation: contributors(majority(5000, 3000), Weighting::Reputation),
            // Who stewards the project, and what it is for: two thirds of its contributors.
            project: contributors(majority(6666, 3000), Weighting::Equal),
            // One licensee's particular case: the stewards, unless one of them objects.
            exception: Rule {
                method: Method::Consent { quorum_bp: 5000 },
                electorate: Electorate::Stewards,
                weighting: Weighting::Equal,
            },
            usage_rules: contributors(Method::Consent { quorum_bp: 3000 }, Weighting::Equal),
            budget: contributors(Method::Consent { quorum_bp: 3000 }, Weighting::Reputation),
            motion: contributors(majority(5000, 1000), Weighting::Equal),
            // How the project decides: as its stewards are chosen, by two thirds.
            rules: contributors(majority(6666, 3000), Weighting::Equal),
            decisions_bind: true,
        }
    }
}

impl GovernanceRules {
    /// The rule `kind` is decided by.
    pub fn rule(&self, kind: ChangeKind) -> Rule {
        match kind {
            ChangeKind::Equation => self.equation,
            ChangeKind::Project => self.project,
            ChangeKind::Exception => self.exception,
            ChangeKind::UsageRules => self.usage_rules,
            ChangeKind::Budget => self.budget,
            ChangeKind::Motion => self.motion,
            ChangeKind::Rules => self.rules,
        }
    }

    /// A project's own rules (`self`) within its network's: well formed, proposals open at
    /// least as long and at most as long as the network's allow, every kind's quorum at least
    /// the network's for that kind, and the network's `decisions_bind` (a project cannot let its
    /// stewards act alone where the network's decisions bind, nor bind where they do not).
    pub fn check_within(&self, network: &GovernanceRules) -> Result<(), DomainError> {
        self.check()?;
        let bad = |why: String| Err(DomainError::BadGovernance(why));
        if self.min_window_secs < network.min_window_secs {
            return bad(format!(
                "min_window_secs is {}; the network's proposals stay open at least {} s",
                self.min_window_secs, network.min_window_secs
            ));
        }
        if self.max_window_days > network.max_window_days {
            return bad(format!(
                "max_window_days is {}; the network's proposals stay open at most {} days",
                self.max_window_days, network.max_window_days
            ));
        }
        for kind in ALL_KINDS {
            let (own, floor) = (self.rule(kind).method, network.rule(kind).method);
            if own.quorum_bp() < floor.quorum_bp() {
                return bad(format!(
                    "the {kind:?} quorum is {} bp; the network asks at least {} bp",
                    own.quorum_bp(),
                    floor.quorum_bp()
                ));
            }
        }
        if self.decisions_bind != network.decisions_bind {
            return bad(format!(
                "decisions_bind is the network's to choose ({})",
                network.decisions_bind
            ));
        }
        Ok(())
    }

    /// Rules a network or project can run under: every method well formed, windows from a
    /// second to a year with the shortest at most the longest, a half-life of 1 to 3,650 days.
    pub fn check(&self) -> Result<(), DomainError> {
        let bad = |why: String| Err(DomainError::BadGovernance(why));
        if !(1..=3_650).contains(&self.half_life_days) {
            return bad(format!(
                "half_life_days is {}; it must be from 1 to 3650",
                self.half_life_days
            ));
        }
        if self.min_window_secs == 0 || self.max_window_days == 0 || self.max_window_days > 365 {
            return bad("a proposal stays open from a second to a year".into());
        }
        if self.min_window_secs as i64 * SECOND > self.max_window_days as i64 * DAY {
            return bad(format!(
                "min_window_secs ({}) is longer than max_window_days ({})",
                self.min_window_secs, self.max_window_days
            ));
        }
        for kind in ALL_KINDS {
            self.rule(kind).method.check()?;
        }
        Ok(())
    }

    /// Reputation's half-life in µs.
    pub fn half_life_micros(&self) -> u64 {
        self.half_life_days as u64 * DAY as u64
    }

    /// A proposal opened at `opened` (its action's time, µs) may close at `closes`.
    pub fn check_window(&self, opened: i64, closes: i64) -> Result<(), DomainError> {
        let shortest = self.min_window_secs as i64 * SECOND;
        let longest = self.max_window_days as i64 * DAY;
        let open_for = closes.saturating_sub(opened);
        if open_for < shortest || open_for > longest {
            return Err(DomainError::BadGovernance(format!(
                "the proposal is open for {} s; it must stay open from {} s to {} days",
                open_for / SECOND,
                self.min_window_secs,
                self.max_window_days
            )));
        }
        Ok(())
    }
}

/// Every kind of change, in order.
pub const ALL_KINDS: [ChangeKind; 7] = [
    ChangeKind::Equation,
    ChangeKind::Project,
    ChangeKind::Exception,
    ChangeKind::UsageRules,
    ChangeKind::Budget,
    ChangeKind::Motion,
    ChangeKind::Rules,
];

/// A vote made at `at` counts only while its proposal is open: after it opened, before it closes.
pub fn check_vote_time(at: i64, opened: i64, closes: i64) -> Result<(), DomainError> {
    if at <= opened || at >= closes {
        return Err(DomainError::BadGovernance(format!(
            "the vote is dated {at} µs, outside the proposal's window ({opened} to {closes} µs)"
        )));
    }
    Ok(())
}

/// A decision is published only once its proposal has closed.
pub fn check_decision_time(at: i64, closes: i64) -> Result<(), DomainError> {
    if at < closes {
        return Err(DomainError::BadGovernance(format!(
            "the decision is dated {at} µs, before the proposal closes at {closes} µs"
        )));
    }
    Ok(())
}

/// Which of several decisions on one proposal stands: the one that counted the most ballots,
/// votes and delegations together (a decision that left one out counts fewer), then the
/// earliest, then the smallest hash. Every reader breaks the tie the same way.
pub fn standing<H: Ord>(decisions: &[(H, i64, usize)]) -> Option<&H> {
    decisions
        .iter()
        .min_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)))
        .map(|(hash, _, _)| hash)
}

#[cfg(test)]
mod tests {
    use super::super::tally::WHOLE_BP;
    use super::*;

    #[test]
    fn the_default_rules_are_valid_and_every_kind_has_one() {
        let rules = GovernanceRules::default();
        assert_eq!(rules.check(), Ok(()));
        assert_eq!(
            rules.rule(ChangeKind::Exception).electorate,
            Electorate::Stewards
        );
        assert_eq!(rules.half_life_micros(), 105 * DAY as u64);
        let threshold = |kind| match rules.rule(kind).method {
            Method::Majority { threshold_bp, .. } => threshold_bp,
            _ => WHOLE_BP,
        };
        assert_eq!(threshold(ChangeKind::Project), 6666);
    }

    #[test]
    fn bad_rules_and_windows_are_refused() {
        let short = GovernanceRules {
            min_window_secs: 30 * 24 * 3_600,
            max_window_days: 7,
            ..Default::default()
        };
        assert!(matches!(short.check(), Err(DomainError::BadGovernance(_))));
        let fading = GovernanceRules {
            half_life_days: 0,
            ..Default::default()
        };
        assert!(fading.check().is_err());
        let loose = GovernanceRules {
            motion: Rule {
                method: Method::Majority {
                    threshold_bp: 1000,
                    quorum_bp: 0,
                },
                electorate: Electorate::Contributors,
                weighting: Weighting::Equal,
            },
            ..Default::default()
        };
        assert!(loose.check().is_err());
        let rules = GovernanceRules::default();
        let opened = 1_000 * DAY;
        assert!(rules.check_window(opened, opened + 3 * DAY).is_ok());
        assert!(rules.check_window(opened, opened + 3 * DAY - 1).is_err());
        assert!(rules.check_window(opened, opened + 61 * DAY).is_err());
    }

    #[test]
    fn votes_count_inside_the_window_and_decisions_after_it() {
        assert!(check_vote_time(5, 0, 10).is_ok());
        for late in [0, 10, 11] {
            assert!(check_vote_time(late, 0, 10).is_err());
        }
        assert!(check_decision_time(10, 10).is_ok());
        assert!(check_decision_time(9, 10).is_err());
    }

    #[test]
    fn the_decision_that_counted_most_votes_stands_then_the_earliest() {
        let decisions = [("c", 30, 4), ("b", 20, 5), ("a", 20, 5), ("d", 10, 3)];
        assert_eq!(standing(&decisions), Some(&"a"));
        assert_eq!(standing::<&str>(&[]), None);
    }
}
