//! The costly checks of each action, done ahead of the one ordered pass on every core: whether
//! its claimed hash is the BLAKE2b-256 of its bytes, and whether its signature verifies under
//! the chain's agent key.
//!
//! Signatures are checked in batches ([`ed25519_dalek::verify_batch`], about twice as fast per
//! signature as one by one); a batch that fails is checked again one signature at a time with
//! `verify_strict`, which names each bad one. Batch verification accepts exactly the signatures
//! only the key's holder can make; it is more lenient than `verify_strict` in one way only: a
//! signature whose R point carries a small-order (torsion) component, which honest signers never
//! produce and which proves authorship all the same. Such a signature is reported when its
//! batch fails for another reason, and passes when it does not.

use crate::mirror::{self, holo_hash, HashKind};
use ed25519_dalek::{Signature, VerifyingKey};
use ovn_domain::export::ExportedAction;
use rayon::prelude::*;

/// Signatures verified together: large enough that a batch costs about half of one-by-one.
const BATCH: usize = 256;

/// What the ordered pass reads of one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Checked {
    /// The claimed hash is the hash of the bytes.
    pub hash_ok: bool,
    /// The signature verifies under the agent key; `None` when there is no key to verify under
    /// or the signature is not 64 bytes (the ordered pass says why).
    pub signature_ok: Option<bool>,
}

/// The checks of `actions`, in their order, spread over every core.
pub(super) fn check(actions: &[ExportedAction], key: Option<&VerifyingKey>) -> Vec<Checked> {
    actions
        .par_chunks(BATCH)
        .flat_map_iter(|chunk| check_batch(chunk, key))
        .collect()
}

fn check_batch(chunk: &[ExportedAction], key: Option<&VerifyingKey>) -> Vec<Checked> {
    let signatures: Vec<Option<Signature>> = chunk
        .iter()
        .map(|a| {
            let bytes = <[u8; 64]>::try_from(a.signature.0.as_slice()).ok()?;
            Some(Signature::from_bytes(&bytes))
        })
        .collect();
    let verdicts: Vec<Option<bool>> = match key {
        None => vec![None; chunk.len()],
        Some(key) => verdicts(chunk, &signatures, key),
    };
    chunk
        .iter()
        .zip(verdicts)
        .map(|(a, signature_ok)| Checked {
            hash_ok: a.hash.0 == holo_hash(HashKind::Action, &mirror::blake2b_256(&a.action.0)),
            signature_ok,
        })
        .collect()
}

/// Each well-sized signature's verdict: all at once when the batch verifies, else one by one.
fn verdicts(
    chunk: &[ExportedAction],
    signatures: &[Option<Signature>],
    key: &VerifyingKey,
) -> Vec<Option<bool>> {
    let sized: Vec<(&[u8], Signature)> = chunk
        .iter()
        .zip(signatures)
        .filter_map(|(a, s)| Some((a.action.0.as_slice(), (*s)?)))
        .collect();
    let messages: Vec<&[u8]> = sized.iter().map(|(m, _)| *m).collect();
    let sigs: Vec<Signature> = sized.iter().map(|(_, s)| *s).collect();
    let keys = vec![*key; sized.len()];
    let all_good = !key.is_weak() && ed25519_dalek::verify_batch(&messages, &sigs, &keys).is_ok();
    chunk
        .iter()
        .zip(signatures)
        .map(|(a, s)| {
            let s = (*s)?;
            Some(all_good || key.verify_strict(&a.action.0, &s).is_ok())
        })
        .collect()
}
