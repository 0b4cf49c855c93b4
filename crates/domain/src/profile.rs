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

#[cfg(test)]
mod tests {
    use super::*;

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
