//! Income: money a project received, recorded by the agent who holds it, and the rules on it.
//! `G` names the record an income comes from, a license grant or a resource use (an
//! `ActionHash` in the zomes).

use crate::accounting::contribution::check_description_and_evidence;
use crate::bounds::check_amount;
use crate::DomainError;
use serde::{Deserialize, Serialize};

/// Where an income came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(G = crate::ts::ActionHash)))]
pub enum IncomeSource<G> {
    Sale,
    Service,
    /// A fee paid under a license grant.
    LicenseFee {
        grant: G,
    },
    Grant,
    Donation,
    /// The fee for one use of a resource, income of the project that made or funded it: its
    /// value equation passes it to the resource's contributors.
    UseFee {
        resource_use: G,
    },
}

/// Rules:
/// 1. The amount is 1..=[`MAX_AMOUNT`](crate::bounds::MAX_AMOUNT) minor units.
/// 2. The description is non-empty and bounded; evidence items are distinct and bounded.
pub fn check_income(
    amount: u64,
    description: &str,
    evidence: &[String],
) -> Result<(), DomainError> {
    check_amount("amount", amount)?;
    check_description_and_evidence(description, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounds::MAX_AMOUNT;

    #[test]
    fn an_income_has_a_positive_bounded_amount_and_a_description() {
        assert!(check_income(1_234_567, "sale of 3 printers", &[]).is_ok());
        assert!(check_income(0, "nothing", &[]).is_err());
        assert!(check_income(MAX_AMOUNT + 1, "too much", &[]).is_err());
        assert!(check_income(100, "", &[]).is_err());
    }
}
