//! Income: money a project received, recorded by the agent who holds it, and the rules on it.
//! `G` names the record an income comes from, a license grant or a resource use (an
//! `ActionHash` in the zomes).

use crate::accounting::contribution::check_description_and_evidence;
use crate::bounds::check_amount;
use crate::ledger::distribution::Payout;
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
    /// A share of another project's distribution paid to this project for citing its design
    /// (NRP's rollup): this project's value equation passes it on to the design's makers.
    Upstream {
        distribution: G,
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

/// What set a fee income's amount: a license grant or a resource use (`record`), the fee it
/// set, the resource it was paid for and the project that resource names.
pub struct FeeSource<'a, H> {
    /// "license grant" or "use", for the refusal.
    pub what: &'static str,
    /// "set" or "paid", for the refusal.
    pub verb: &'static str,
    pub record: &'a H,
    pub fee: u64,
    pub resource: &'a H,
    pub resource_project: Option<&'a H>,
}

/// Rules of a fee income (a license fee, a use fee), as far as its source decides:
/// 1. The amount is exactly the fee its source set.
/// 2. It is income of the project the resource names (the one that made or funded it).
///
/// Who records it, and how often, is the recorder's chain's question (the validator's).
pub fn check_fee_income<H: PartialEq + std::fmt::Display>(
    source: &FeeSource<'_, H>,
    amount: u64,
    project: &H,
) -> Result<(), DomainError> {
    if source.fee != amount {
        return Err(DomainError::FeeMismatch {
            what: source.what,
            verb: source.verb,
            record: source.record.to_string(),
            fee: source.fee,
            amount,
        });
    }
    if source.resource_project != Some(project) {
        return Err(DomainError::NotTheResourcesProject {
            what: source.what,
            resource: source.resource.to_string(),
            project: project.to_string(),
        });
    }
    Ok(())
}

/// Rules of an upstream income (a share of another project's distribution, for citing this
/// project's design):
/// 1. Its amount is exactly what the distribution's `upstream` pays this project (the
///    distribution's validators recomputed that share).
/// 2. Its recorder is the project's first steward: one possible recorder, who records it once
///    (the recorder's chain's question), and who receives the money for the project.
pub fn check_upstream_income<A: PartialEq + std::fmt::Display, H: PartialEq + std::fmt::Display>(
    distribution: &H,
    upstream: &[Payout<H>],
    project: &H,
    amount: u64,
    stewards: &[A],
    recorder: &A,
) -> Result<(), DomainError> {
    let share = upstream
        .iter()
        .find(|p| &p.agent == project)
        .map_or(0, |p| p.amount);
    if share != amount {
        return Err(DomainError::UpstreamMismatch {
            distribution: distribution.to_string(),
            project: project.to_string(),
            share,
            amount,
        });
    }
    match stewards.first() {
        Some(first) if first == recorder => Ok(()),
        first => Err(DomainError::NotUpstreamRecorder {
            recorder: recorder.to_string(),
            steward: first.map_or_else(|| "nobody".into(), |s| s.to_string()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounds::MAX_AMOUNT;

    #[test]
    fn an_upstream_income_is_the_distributions_share_recorded_by_the_first_steward() {
        let upstream = [Payout {
            agent: 2u32,
            amount: 620,
        }];
        let check = |project, amount, recorder| {
            check_upstream_income(&9u32, &upstream, &project, amount, &[5u8, 6], &recorder)
        };
        assert!(check(2, 620, 5).is_ok());
        assert_eq!(
            check(2, 700, 5).unwrap_err().to_string(),
            "distribution 9 pays project 2 a share of 620 upstream, not 700"
        );
        assert!(check(3, 620, 5).is_err(), "a project it pays nothing");
        assert_eq!(
            check(2, 620, 6).unwrap_err().to_string(),
            "only 5, the project's first steward, records its upstream income, not 6"
        );
    }

    #[test]
    fn a_fee_income_is_its_sources_fee_for_the_resources_project() {
        let source = |project| FeeSource {
            what: "use",
            verb: "paid",
            record: &7,
            fee: 750,
            resource: &3,
            resource_project: project,
        };
        assert!(check_fee_income(&source(Some(&1)), 750, &1).is_ok());
        assert_eq!(
            check_fee_income(&source(Some(&1)), 700, &1)
                .unwrap_err()
                .to_string(),
            "the use 7 paid a fee of 750, not 700"
        );
        assert!(check_fee_income(&source(Some(&2)), 750, &1).is_err());
        assert!(check_fee_income(&source(None), 750, &1).is_err());
    }

    #[test]
    fn an_income_has_a_positive_bounded_amount_and_a_description() {
        assert!(check_income(1_234_567, "sale of 3 printers", &[]).is_ok());
        assert!(check_income(0, "nothing", &[]).is_err());
        assert!(check_income(MAX_AMOUNT + 1, "too much", &[]).is_err());
        assert!(check_income(100, "", &[]).is_err());
    }
}
