//! [`Period`]: the calendar month (UTC) a contribution is indexed under, so that a listing of a
//! project's contributions reads one month's bucket, never the whole history.

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

const MICROS_PER_DAY: i64 = 86_400_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Period {
    pub year: i32,
    /// 1..=12
    pub month: u8,
}

impl Period {
    /// The UTC month holding a timestamp given in microseconds since the Unix epoch.
    pub fn of_micros(micros: i64) -> Self {
        let days = micros.div_euclid(MICROS_PER_DAY);
        let (year, month, _) = civil_from_days(days);
        Self { year, month }
    }

    /// The month after this one.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// Its first instant (UTC), in microseconds since the Unix epoch.
    pub fn start_micros(self) -> i64 {
        days_from_civil(self.year, self.month, 1) * MICROS_PER_DAY
    }
}

/// The count of days since 1970-01-01 of a date (proleptic Gregorian calendar), after Howard
/// Hinnant's `days_from_civil`: the inverse of [`civil_from_days`].
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The UTC day of a timestamp in microseconds since the Unix epoch, as `YYYY-MM-DD`: how
/// errors name a date.
pub fn day_of_micros(micros: i64) -> String {
    let (year, month, day) = civil_from_days(micros.div_euclid(MICROS_PER_DAY));
    format!("{year:04}-{month:02}-{day:02}")
}

/// Year, month, day of a count of days since 1970-01-01 (proleptic Gregorian calendar), after
/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Period {
    type Err = DomainError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || DomainError::BadPeriod {
            value: s.to_string(),
        };
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Self { year, month })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_dates_fall_in_their_month() {
        assert_eq!(Period::of_micros(0).to_string(), "1970-01");
        // 2026-11-21T20:00:00Z
        assert_eq!(
            Period::of_micros(1_795_291_200_000_000).to_string(),
            "2026-11"
        );
        // 2024-02-29T23:59:59.999999Z, a leap day, and the next microsecond.
        assert_eq!(
            Period::of_micros(1_709_251_199_999_999).to_string(),
            "2024-02"
        );
        assert_eq!(
            Period::of_micros(1_709_251_200_000_000).to_string(),
            "2024-03"
        );
        // Before the epoch.
        assert_eq!(Period::of_micros(-1).to_string(), "1969-12");
    }

    #[test]
    fn periods_parse_only_in_their_own_form() {
        assert_eq!(
            "2026-11".parse(),
            Ok(Period {
                year: 2026,
                month: 11
            })
        );
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "", "2026-00"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn display_and_parse_round_trip(micros in -60_000_000_000_000_000i64..250_000_000_000_000_000) {
            let p = Period::of_micros(micros);
            prop_assert_eq!(p.to_string().parse::<Period>(), Ok(p));
        }

        #[test]
        fn a_period_starts_at_its_first_instant_and_ends_where_the_next_starts(micros in -60_000_000_000_000_000i64..250_000_000_000_000_000) {
            let p = Period::of_micros(micros);
            prop_assert!(p.start_micros() <= micros && micros < p.next().start_micros());
            prop_assert_eq!(Period::of_micros(p.start_micros()), p);
            prop_assert_eq!(Period::of_micros(p.start_micros() - 1).next(), p);
        }

        #[test]
        fn periods_never_go_back_in_time(a in 0i64..4_000_000_000_000_000, d in 0i64..100_000_000_000_000) {
            prop_assert!(Period::of_micros(a) <= Period::of_micros(a + d));
        }
    }
}
