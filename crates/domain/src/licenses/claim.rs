//! A contributing for-profit's claim: the contributions a licensee names to show it gives back
//! to the commons whose design it licenses. Whether each counts (K confirmations, none beside
//! its correction) is [`check_settlement`](crate::ledger::settlement::check_settlement)'s rule.

use crate::DomainError;
use std::fmt::Display;

/// Rules of the claimant, before any contribution is read:
/// 1. A contributing for-profit asks for itself: it is a member, and its contributions are on
///    its own chain (an outside entity cannot claim them).
/// 2. The resource belongs to a project: the commons contributed to, which it returns.
pub fn check_claimant<'a, H: Display>(
    for_itself: bool,
    resource: &H,
    project: Option<&'a H>,
) -> Result<&'a H, DomainError> {
    if !for_itself {
        return Err(DomainError::ClaimForAnother);
    }
    project.ok_or_else(|| DomainError::NoCommons {
        resource: resource.to_string(),
    })
}

/// 3. Each named contribution is the requester's own, to the resource's project.
pub fn check_own_contribution<A: PartialEq + Display, H: PartialEq + Display>(
    contribution: &H,
    (contributor, its_project): (&A, &H),
    requester: &A,
    project: &H,
) -> Result<(), DomainError> {
    if contributor != requester || its_project != project {
        return Err(DomainError::NotOwnContribution {
            contribution: contribution.to_string(),
            agent: requester.to_string(),
            project: project.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_requesters_own_contributions_to_the_project_make_a_claim() {
        assert_eq!(check_claimant(true, &7, Some(&1)), Ok(&1));
        assert_eq!(
            check_claimant(false, &7, Some(&1)),
            Err(DomainError::ClaimForAnother)
        );
        assert!(matches!(
            check_claimant(true, &7, None::<&u8>),
            Err(DomainError::NoCommons { .. })
        ));
        assert!(check_own_contribution(&9, (&"bob", &1), &"bob", &1).is_ok());
        let refused = check_own_contribution(&9, (&"alice", &1), &"bob", &1).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "9 is not bob's contribution to project 1"
        );
        assert!(check_own_contribution(&9, (&"bob", &2), &"bob", &1).is_err());
    }
}
