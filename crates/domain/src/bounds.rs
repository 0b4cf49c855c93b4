//! The bounds every area shares: the largest amount an entry may carry, and which dates an
//! entry may bear. Text bounds live in [`crate::text`].

use crate::DomainError;

/// The largest amount or value one entry may carry, in minor units (10^13 units of a 2-decimal
/// currency). Keeps every sum of amounts far inside `u64` and `u128` arithmetic.
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;
/// How far past its recording time an entry's date may lie, for clocks that disagree.
pub const MAX_CLOCK_SKEW_MICROS: i64 = 5 * 60 * 1_000_000;

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

/// An entry (a contribution, an income, a use) is dated no earlier than 1970-01-01 (so every
/// date has a `YYYY-MM` period) and no later than the moment it was recorded, beyond
/// [`MAX_CLOCK_SKEW_MICROS`]. Validation compares with the action's own timestamp, so every
/// validator decides alike.
pub fn check_date(when_micros: i64, recorded_micros: i64) -> Result<(), DomainError> {
    if when_micros < 0 {
        return Err(DomainError::BeforeEpoch { when_micros });
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
