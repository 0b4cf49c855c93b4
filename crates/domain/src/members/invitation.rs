//! An invitation's text form: what the progenitor hands a newcomer to paste into `ovn-node
//! --invitation` (or share by any channel). It carries the membrane proof itself (the
//! `Invitation` of `ovn_integrity::membrane`, as msgpack) in base64url after a fixed prefix, so
//! the joiner's node needs no key of its own to pass it on, and its genesis check, like every
//! peer's, decides whether it admits them.

use crate::DomainError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// What every invitation's text starts with.
pub const INVITATION_PREFIX: &str = "ovn-invitation:";

/// A membrane proof longer than this is no invitation (one is about 110 bytes).
const MAX_PROOF_BYTES: usize = 1_024;

/// The text form of the membrane proof `proof`.
pub fn invitation_text(proof: &[u8]) -> String {
    format!("{INVITATION_PREFIX}{}", URL_SAFE_NO_PAD.encode(proof))
}

/// The membrane proof an invitation's text carries. Surrounding whitespace (a pasted line) is
/// ignored; anything else that is not an invitation's text is refused, saying why.
pub fn invitation_proof(text: &str) -> Result<Vec<u8>, DomainError> {
    let bad = |why: &str| DomainError::BadInvitation(why.to_string());
    let body = text
        .trim()
        .strip_prefix(INVITATION_PREFIX)
        .ok_or_else(|| bad(&format!("it does not start with {INVITATION_PREFIX:?}")))?;
    if body.len() > MAX_PROOF_BYTES * 4 / 3 + 4 {
        return Err(bad("it is far longer than an invitation"));
    }
    let proof = URL_SAFE_NO_PAD
        .decode(body)
        .map_err(|e| bad(&format!("what follows the prefix is not base64url: {e}")))?;
    if proof.is_empty() {
        return Err(bad("it is empty after the prefix"));
    }
    Ok(proof)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_reads_back_from_its_text_even_pasted_with_a_newline() {
        let proof = vec![0x82, 0xa7, 0, 255, 17];
        let text = invitation_text(&proof);
        assert!(text.starts_with("ovn-invitation:"));
        assert_eq!(invitation_proof(&format!("  {text}\n")), Ok(proof));
    }

    #[test]
    fn text_that_is_no_invitation_is_refused_saying_why() {
        let why = |text: &str| invitation_proof(text).unwrap_err().to_string();
        assert!(
            why("uhCAkabc").contains("does not start with"),
            "{}",
            why("uhCAkabc")
        );
        assert!(why("ovn-invitation:***").contains("not base64url"));
        assert!(why("ovn-invitation:").contains("empty"));
        let long = format!("ovn-invitation:{}", "A".repeat(4_000));
        assert!(why(&long).contains("longer than an invitation"));
    }
}
