//! Resources held in common: their property regime and their typed usage rules, and the rules on
//! one use of a resource (who, how long, what fee). Durations are whole minutes and money is in
//! integer minor units, as everywhere in the protocol.
//!
//! Only Shared and Private resources have an owner, and only the owner moves it
//! ([`Rights::Ownership`](crate::resources::custody::Rights::Ownership), checked by
//! [`Holding::check_transfer`](crate::resources::custody::Holding::check_transfer)). A
//! Nondominium, Commons or Public resource changes custodian, never owner; and as resources are
//! never updated, a regime cannot be rewritten.

use crate::bounds::{check_at_most, MAX_AMOUNT};
use crate::text::{check_optional_text, check_text, check_text_list, MAX_NAME, MAX_PROSE};
use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest single use the usage rules may allow: 90 days (a tool-shed loan, a lab bench).
pub const MAX_USE_MINUTES: u32 = 90 * 24 * 60;

/// Who holds the rights to a resource (the seeds' property regimes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
        check_at_most(
            "max_minutes_per_use",
            self.max_minutes_per_use.into(),
            MAX_USE_MINUTES.into(),
        )?;
        check_at_most("deposit", self.deposit, MAX_AMOUNT)?;
        check_at_most("fee_per_hour", self.fee_per_hour, MAX_AMOUNT)?;
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
        self.who.check_user(user)?;
        if self.condition_report_required {
            check_text("condition_report", condition_report, MAX_PROSE)
        } else {
            check_optional_text("condition_report", condition_report, MAX_PROSE)
        }
    }
}

impl Permitted {
    /// Rule 3 of [`UsageRules::check_use`]: anyone; a member; a member with one of the skills.
    fn check_user(&self, user: User<'_>) -> Result<(), DomainError> {
        match (self, user) {
            (Permitted::Anyone, _) => Ok(()),
            (_, User::Outsider) => Err(DomainError::NotPermitted(
                "only members may use this resource: name your profile".into(),
            )),
            (Permitted::Members, User::Member { .. }) => Ok(()),
            (Permitted::MembersWithSkill { skills }, User::Member { skills: has }) => {
                if !skills.iter().any(|s| has.contains(s)) {
                    return Err(DomainError::NotPermitted(format!(
                        "this resource is for members with one of the skills {skills:?}"
                    )));
                }
                Ok(())
            }
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

#[cfg(test)]
mod tests;
