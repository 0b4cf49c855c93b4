//! Rules for a member's profile. The public part (nickname, skills) is what peers see; the
//! private part (contact details) stays on the member's own chain.

use crate::text::{check_optional_text, check_text, check_text_list, MAX_NAME, MAX_PROSE};
use crate::DomainError;

/// A public profile: a nickname and a list of distinct skills.
pub fn check_profile(nickname: &str, skills: &[String]) -> Result<(), DomainError> {
    check_text("nickname", nickname, MAX_NAME)?;
    check_text_list("skills", skills, MAX_NAME)
}

/// A private profile: contact details and payout details, each bounded.
pub fn check_private_profile(contact: &str, payout_details: &str) -> Result<(), DomainError> {
    check_optional_text("contact", contact, MAX_PROSE)?;
    check_optional_text("payout_details", payout_details, MAX_PROSE)
}

/// A member acts in their own name: the profile an entry names as theirs (a requester's, an
/// endorser's, a recipient's) is one they authored. `why` ends the refusal (": only members
/// endorse"). The one home of this rule: every validator naming a profile asks it.
pub fn check_own_profile<A: PartialEq + std::fmt::Display>(
    profile: &impl std::fmt::Display,
    author: &A,
    agent: &A,
    why: &'static str,
) -> Result<(), DomainError> {
    if author != agent {
        return Err(DomainError::NotOwnProfile {
            profile: profile.to_string(),
            agent: agent.to_string(),
            why,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_speaks_only_for_its_author() {
        assert!(check_own_profile(&"p1", &"bob", &"bob", "").is_ok());
        let refused = check_own_profile(&"p1", &"alice", &"bob", ": only members endorse");
        assert_eq!(
            refused.unwrap_err().to_string(),
            "the profile p1 is not bob's: only members endorse"
        );
    }

    #[test]
    fn a_nickname_is_required() {
        assert!(check_profile("", &[]).is_err());
        assert!(check_profile("alice", &[]).is_ok());
    }

    #[test]
    fn private_details_are_optional_but_bounded() {
        assert!(check_private_profile("", "").is_ok());
        let long = "x".repeat(crate::text::MAX_PROSE + 1);
        assert!(check_private_profile(&long, "").is_err());
        assert!(check_private_profile("", &long).is_err());
    }

    #[test]
    fn skills_must_be_distinct() {
        assert!(check_profile("alice", &["cad".into(), "cad".into()]).is_err());
    }
}
