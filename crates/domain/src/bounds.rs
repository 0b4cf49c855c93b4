//! The bounds every area shares: the largest amount an entry may carry, and which dates and
//! windows are sensible. Text bounds live in [`crate::text`].

use crate::accounting::period::day_of_micros;
use crate::DomainError;

/// The largest amount or value one entry may carry, in minor units (10^13 units of a 2-decimal
/// currency). Keeps every sum of amounts far inside `u64` and `u128` arithmetic.
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;
/// How far past its recording time an entry's date may lie, for clocks that disagree.
pub const MAX_CLOCK_SKEW_MICROS: i64 = 5 * 60 * 1_000_000;
/// The earliest date an entry may bear or a window may start: 2000-01-01 (UTC). Older than
/// any open value network and than the histories an import brings (NRP's from 2011,
/// SourceCred's from 2018); an earlier date is a slip (a year 0020) or a zero.
pub const EARLIEST_DATE_MICROS: i64 = 946_684_800_000_000;
/// The latest a window may end: 2100-01-01 (UTC). A window is a term of a value equation
/// that members agree on, not a sentinel for "for ever" (that is no window).
pub const LATEST_WINDOW_END_MICROS: i64 = 4_102_444_800_000_000;

/// An amount is 1..=[`MAX_AMOUNT`] minor units.
pub fn check_amount(field: &'static str, amount: u64) -> Result<(), DomainError> {
    if amount == 0 {
        return Err(DomainError::NotPositive { field });
    }
    check_at_most(field, amount, MAX_AMOUNT)
}

/// A value (a fee, a price, a deposit; 0 allowed) is at most `max`.
pub fn check_at_most(field: &'static str, value: u64, max: u64) -> Result<(), DomainError> {
    if value > max {
        return Err(DomainError::OutOfBounds { field, value, max });
    }
    Ok(())
}

/// An entry (a contribution, an income, a use) is dated no earlier than
/// [`EARLIEST_DATE_MICROS`] and no later than the moment it was recorded, beyond
/// [`MAX_CLOCK_SKEW_MICROS`]. Validation compares with the action's own timestamp, so every
/// validator decides alike.
pub fn check_date(when_micros: i64, recorded_micros: i64) -> Result<(), DomainError> {
    if when_micros < EARLIEST_DATE_MICROS {
        return Err(DomainError::TooEarly {
            when: day_of_micros(when_micros),
            earliest: day_of_micros(EARLIEST_DATE_MICROS),
        });
    }
    if when_micros > recorded_micros.saturating_add(MAX_CLOCK_SKEW_MICROS) {
        return Err(DomainError::InTheFuture {
            when_micros,
            recorded_micros,
            skew_micros: MAX_CLOCK_SKEW_MICROS,
        });
    }
    Ok(())
}

/// A window (`field`, both ends included) ends after it starts, starts no earlier than
/// [`EARLIEST_DATE_MICROS`] and ends no later than [`LATEST_WINDOW_END_MICROS`].
pub fn check_window(field: &str, from_micros: i64, until_micros: i64) -> Result<(), DomainError> {
    let why = if until_micros <= from_micros {
        "must end after it starts"
    } else if from_micros < EARLIEST_DATE_MICROS {
        "starts before 2000-01-01, the earliest date an entry may bear"
    } else if until_micros > LATEST_WINDOW_END_MICROS {
        "ends after 2100-01-01, the latest end a window may have"
    } else {
        return Ok(());
    };
    Err(DomainError::BadWindow {
        field: field.to_string(),
        why,
        from: day_of_micros(from_micros),
        until: day_of_micros(until_micros),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_is_sensible() {
        let day = 86_400_000_000;
        let from = EARLIEST_DATE_MICROS + 365 * day;
        assert!(check_window("window", from, from + day).is_ok());
        assert!(check_window("window", EARLIEST_DATE_MICROS, LATEST_WINDOW_END_MICROS).is_ok());
        let zero = check_window("bucket \"work\"'s window", from, from).unwrap_err();
        assert_eq!(
            zero.to_string(),
            "bucket \"work\"'s window must end after it starts (2000-12-31 to 2000-12-31)"
        );
        assert!(check_window("window", i64::MIN, i64::MAX).is_err());
        assert!(check_window("window", 1, from).is_err());
        assert!(check_window("window", from, LATEST_WINDOW_END_MICROS + 1).is_err());
    }

    #[test]
    fn a_date_one_microsecond_after_1970_is_too_early() {
        let now = EARLIEST_DATE_MICROS * 2;
        assert_eq!(
            check_date(1, now).unwrap_err().to_string(),
            "it is dated 1970-01-01, before 2000-01-01, the earliest date an entry may bear"
        );
        assert!(check_date(EARLIEST_DATE_MICROS, now).is_ok());
    }
}
