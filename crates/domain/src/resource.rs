//! Resources held in common: their property regime and their typed usage rules, and the rules on
//! one use of a resource (who, how long, what fee). Durations are whole minutes and money is in
//! integer minor units, as everywhere in the protocol.

use crate::contribution::MAX_AMOUNT;
use crate::text::{check_optional_text, check_text, check_text_list, MAX_NAME, MAX_PROSE};
use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest single use the usage rules may allow: 90 days (a tool-shed loan, a lab bench).
pub const MAX_USE_MINUTES: u32 = 90 * 24 * 60;

/// Who holds the rights to a resource (the seeds' property regimes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PropertyRegime {
    /// Nobody owns it; a custodian holds it for everyone under its usage rules.
    Nondominium,
    /// Owned in common by the network.
    Commons,
    /// Owned by a few; its owner may change.
    Shared,
    /// Owned by one agent; its owner may change.
    Private,
    /// Free for all (public domain).
    Public,
}

impl PropertyRegime {
    /// Whether the resource has an owner who may sell it or give its rights away: only Shared
    /// and Private resources do. A Nondominium resource changes custodian, never owner.
    pub fn has_owner(self) -> bool {
        matches!(self, Self::Shared | Self::Private)
    }
}

impl fmt::Display for PropertyRegime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// Who may use a resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Permitted {
    Anyone,
    /// Agents with a profile in the network.
    Members,
    /// Members whose profile lists one of these skills (a laser cutter for the trained).
    MembersWithSkill {
        skills: Vec<String>,
    },
}

/// The user of a resource, as the usage rules see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum User<'a> {
    /// No profile was shown.
    Outsider,
    /// A member, with the skills their profile lists.
    Member { skills: &'a [String] },
}

/// How a resource may be used: typed, so validation enforces them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageRules {
    pub who: Permitted,
    /// The longest one use may last, 1..=[`MAX_USE_MINUTES`].
    pub max_minutes_per_use: u32,
    /// What the custodian holds while it is out, in minor units (returned when it comes back).
    pub deposit: u64,
    /// Minor units per hour of use; 0 for free use.
    pub fee_per_hour: u64,
    /// Whether the user must report its condition on return.
    pub condition_report_required: bool,
}

impl Default for UsageRules {
    /// Members may use it free for up to a day, with no report.
    fn default() -> Self {
        Self {
            who: Permitted::Members,
            max_minutes_per_use: 24 * 60,
            deposit: 0,
            fee_per_hour: 0,
            condition_report_required: false,
        }
    }
}

impl UsageRules {
    /// Rules:
    /// 1. The longest use is 1..=[`MAX_USE_MINUTES`] minutes.
    /// 2. The deposit and the fee per hour are at most [`MAX_AMOUNT`].
    /// 3. A skill list is non-empty, distinct and bounded.
    pub fn check(&self) -> Result<(), DomainError> {
        if self.max_minutes_per_use == 0 {
            return Err(DomainError::NotPositive {
                field: "max_minutes_per_use",
            });
        }
        bound(
            "max_minutes_per_use",
            self.max_minutes_per_use.into(),
            MAX_USE_MINUTES.into(),
        )?;
        bound("deposit", self.deposit, MAX_AMOUNT)?;
        bound("fee_per_hour", self.fee_per_hour, MAX_AMOUNT)?;
        if let Permitted::MembersWithSkill { skills } = &self.who {
            if skills.is_empty() {
                return Err(DomainError::EmptyText { field: "skills" });
            }
            check_text_list("skills", skills, MAX_NAME)?;
        }
        Ok(())
    }

    /// The fee for a use of `minutes`: `fee_per_hour × minutes / 60`, rounded up to the next
    /// minor unit so the commons is never short-changed by rounding.
    pub fn fee_for(&self, minutes: u32) -> u64 {
        let exact = u128::from(self.fee_per_hour) * u128::from(minutes);
        // fee_per_hour ≤ MAX_AMOUNT and minutes ≤ u32::MAX keep this far inside u64.
        u64::try_from(exact.div_ceil(60)).unwrap_or(u64::MAX)
    }

    /// Rules on one use:
    /// 1. It lasts at most `max_minutes_per_use`.
    /// 2. Its fee is exactly [`Self::fee_for`] its minutes.
    /// 3. The user is permitted: anyone; a member; a member with one of the listed skills.
    /// 4. When the rules require it, a non-empty condition report (bounded) comes with it.
    pub fn check_use(
        &self,
        minutes: u32,
        fee: u64,
        user: User<'_>,
        condition_report: &str,
    ) -> Result<(), DomainError> {
        if minutes > self.max_minutes_per_use {
            return Err(DomainError::UseTooLong {
                minutes,
                max: self.max_minutes_per_use,
            });
        }
        let expected = self.fee_for(minutes);
        if fee != expected {
            return Err(DomainError::WrongFee {
                fee,
                expected,
                minutes,
            });
        }
        match (&self.who, user) {
            (Permitted::Anyone, _) => {}
            (_, User::Outsider) => {
                return Err(DomainError::NotPermitted(
                    "only members may use this resource: name your profile".into(),
                ))
            }
            (Permitted::Members, User::Member { .. }) => {}
            (Permitted::MembersWithSkill { skills }, User::Member { skills: has }) => {
                if !skills.iter().any(|s| has.contains(s)) {
                    return Err(DomainError::NotPermitted(format!(
                        "this resource is for members with one of the skills {skills:?}"
                    )));
                }
            }
        }
        if self.condition_report_required {
            check_text("condition_report", condition_report, MAX_PROSE)
        } else {
            check_optional_text("condition_report", condition_report, MAX_PROSE)
        }
    }
}

/// The whole minutes from `from` to `until` (µs), rounded up: a started minute counts.
pub fn use_minutes(from_micros: i64, until_micros: i64) -> Result<u32, DomainError> {
    if until_micros <= from_micros {
        return Err(DomainError::BadInterval {
            from_micros,
            until_micros,
        });
    }
    // Positive here, so the unsigned ceiling division applies.
    let micros = (i128::from(until_micros) - i128::from(from_micros)).unsigned_abs();
    let minutes = micros.div_ceil(60_000_000);
    u32::try_from(minutes).map_err(|_| DomainError::UseTooLong {
        minutes: u32::MAX,
        max: MAX_USE_MINUTES,
    })
}

/// Rules on a resource's description: a non-empty bounded name, a bounded specification,
/// location and condition, and well-formed usage rules.
pub fn check_resource(
    name: &str,
    specification: &str,
    location: &str,
    condition: &str,
    rules: &UsageRules,
) -> Result<(), DomainError> {
    check_text("name", name, MAX_NAME)?;
    check_optional_text("specification", specification, MAX_PROSE)?;
    check_optional_text("location", location, MAX_PROSE)?;
    check_optional_text("condition", condition, MAX_PROSE)?;
    rules.check()
}

fn bound(field: &'static str, value: u64, max: u64) -> Result<(), DomainError> {
    if value > max {
        return Err(DomainError::OutOfBounds { field, value, max });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rules(fee_per_hour: u64, max: u32) -> UsageRules {
        UsageRules {
            fee_per_hour,
            max_minutes_per_use: max,
            ..UsageRules::default()
        }
    }

    #[test]
    fn only_shared_and_private_resources_have_an_owner() {
        use PropertyRegime::*;
        let owned: Vec<_> = [Nondominium, Commons, Shared, Private, Public]
            .into_iter()
            .filter(|r| r.has_owner())
            .collect();
        assert_eq!(owned, vec![Shared, Private]);
    }

    #[test]
    fn the_fee_is_per_hour_rounded_up_to_a_minor_unit() {
        let r = rules(500, 600);
        assert_eq!(r.fee_for(60), 500);
        assert_eq!(r.fee_for(90), 750);
        assert_eq!(r.fee_for(1), 9, "500/60 = 8.33 rounds up");
        assert_eq!(rules(0, 60).fee_for(60), 0);
    }

    #[test]
    fn a_use_obeys_duration_fee_and_report() {
        let member = User::Member { skills: &[] };
        let r = rules(500, 120);
        assert!(r.check_use(120, 1000, member, "").is_ok());
        assert_eq!(
            r.check_use(121, r.fee_for(121), member, ""),
            Err(DomainError::UseTooLong {
                minutes: 121,
                max: 120
            })
        );
        assert_eq!(
            r.check_use(60, 499, member, ""),
            Err(DomainError::WrongFee {
                fee: 499,
                expected: 500,
                minutes: 60
            })
        );
        let reported = UsageRules {
            condition_report_required: true,
            ..r.clone()
        };
        assert!(reported.check_use(60, 500, member, " ").is_err());
        assert!(reported.check_use(60, 500, member, "nozzle clean").is_ok());
    }

    #[test]
    fn who_may_use_it() {
        let skilled = ["laser".to_string()];
        let laser = UsageRules {
            who: Permitted::MembersWithSkill {
                skills: vec!["laser".into()],
            },
            ..UsageRules::default()
        };
        assert!(laser
            .check_use(30, 0, User::Member { skills: &skilled }, "")
            .is_ok());
        assert!(matches!(
            laser.check_use(30, 0, User::Member { skills: &[] }, ""),
            Err(DomainError::NotPermitted(_))
        ));
        assert!(matches!(
            UsageRules::default().check_use(30, 0, User::Outsider, ""),
            Err(DomainError::NotPermitted(_))
        ));
        let open = UsageRules {
            who: Permitted::Anyone,
            ..UsageRules::default()
        };
        assert!(open.check_use(30, 0, User::Outsider, "").is_ok());
    }

    #[test]
    fn usage_rules_are_bounded() {
        assert!(UsageRules::default().check().is_ok());
        assert!(rules(0, 0).check().is_err());
        assert!(rules(0, MAX_USE_MINUTES + 1).check().is_err());
        assert!(rules(MAX_AMOUNT + 1, 60).check().is_err());
        let no_skills = UsageRules {
            who: Permitted::MembersWithSkill { skills: vec![] },
            ..UsageRules::default()
        };
        assert!(no_skills.check().is_err());
        assert!(check_resource("printer", "", "", "", &UsageRules::default()).is_ok());
        assert!(check_resource(" ", "", "", "", &UsageRules::default()).is_err());
    }

    #[test]
    fn a_use_lasts_whole_started_minutes() {
        assert_eq!(use_minutes(0, 60_000_000), Ok(1));
        assert_eq!(use_minutes(0, 60_000_001), Ok(2));
        assert!(use_minutes(5, 5).is_err());
        assert!(use_minutes(10, 5).is_err());
    }

    proptest! {
        #[test]
        fn the_fee_never_undercharges_and_overcharges_by_less_than_one_unit(
            fee_per_hour in 0u64..=MAX_AMOUNT, minutes in 0u32..=MAX_USE_MINUTES
        ) {
            let fee = u128::from(rules(fee_per_hour, 60).fee_for(minutes));
            let exact_times_60 = u128::from(fee_per_hour) * u128::from(minutes);
            prop_assert!(fee * 60 >= exact_times_60);
            prop_assert!(fee * 60 < exact_times_60 + 60);
        }

        #[test]
        fn a_longer_use_never_costs_less(
            fee_per_hour in 0u64..1_000_000, a in 0u32..10_000, b in 0u32..10_000
        ) {
            let r = rules(fee_per_hour, 60);
            let (short, long) = (a.min(b), a.max(b));
            prop_assert!(r.fee_for(short) <= r.fee_for(long));
        }
    }
}
