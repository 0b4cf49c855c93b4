//! The chain export format, `ovn-chain-export/1`: an agent's source chain exactly as it was
//! signed. The `audit` coordinator zome writes it (`export_chain`); `ovn-audit` (crates/auditor)
//! reads it and trusts nothing in it.
//!
//! # The format
//! A JSON object (the zome returns the same value as msgpack):
//!
//! | field              | meaning                                                                    |
//! |--------------------|----------------------------------------------------------------------------|
//! | `format`           | `"ovn-chain-export/1"`                                                     |
//! | `dna_hash`         | the DNA's hash (39 bytes)                                                  |
//! | `agent`            | the agent whose chain this is (39 bytes; the core is the ed25519 key)      |
//! | `source`           | `"Author"` (the agent's own chain) or `"Dht"` (what the network holds)     |
//! | `head`             | the chain's head as reported (`{seq, hash}`), `null` for an empty chain    |
//! | `private_entries`  | whether private entries were included (only the author can)                |
//! | `exported_at`      | when, in microseconds since the Unix epoch                                 |
//! | `actions`          | every action from genesis (seq 0) to the head, in order                    |
//!
//! Each action is `{hash, signature, action, entry}`: the 39-byte action hash, the 64-byte
//! ed25519 signature, the exact msgpack bytes that were signed and hashed, and for an action that
//! creates or updates an entry, `{hash, entry}` with the entry's exact msgpack bytes (absent for
//! a private entry the exporter could not or did not include).
//!
//! Bytes are written as multibase base64url without padding, prefixed `u` (so hashes read as
//! Holochain prints them: `uhCkk…` for an action, `uhCAk…` for an agent); in msgpack they are
//! plain binary.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The format tag this version writes and reads.
pub const CHAIN_EXPORT_FORMAT: &str = "ovn-chain-export/1";

/// An agent's chain as it was signed (see the module documentation).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChainExport {
    pub format: String,
    pub dna_hash: Bytes,
    pub agent: Bytes,
    pub source: ExportSource,
    pub head: Option<ExportedHead>,
    pub private_entries: bool,
    pub exported_at: i64,
    pub actions: Vec<ExportedAction>,
}

/// Who produced an export.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ExportSource {
    /// The agent exported their own chain from their source chain.
    Author,
    /// Another agent gathered it from the DHT (the authorities of that agent's activity).
    Dht,
}

/// The chain's head: the highest action the exporter saw.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportedHead {
    pub seq: u32,
    pub hash: Bytes,
}

/// One action as signed.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportedAction {
    /// The 39-byte action hash.
    pub hash: Bytes,
    /// The 64-byte ed25519 signature over `action`.
    pub signature: Bytes,
    /// The exact msgpack bytes that were signed and hashed.
    pub action: Bytes,
    pub entry: Option<ExportedEntry>,
}

/// An entry as stored.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportedEntry {
    /// The 39-byte entry hash.
    pub hash: Bytes,
    /// The exact msgpack bytes of the entry.
    pub entry: Bytes,
}

/// Bytes: binary in msgpack, `u` + base64url (no padding) in JSON.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "Uint8Array"))]
pub struct Bytes(pub Vec<u8>);

impl Bytes {
    /// The multibase text form: `u` + base64url without padding.
    pub fn to_text(&self) -> String {
        format!("u{}", URL_SAFE_NO_PAD.encode(&self.0))
    }

    /// Reads the multibase text form, naming what is wrong with it.
    pub fn from_text(text: &str) -> Result<Self, String> {
        let body = text
            .strip_prefix('u')
            .ok_or_else(|| format!("\"{}\" does not start with 'u' (base64url)", clip(text)))?;
        URL_SAFE_NO_PAD
            .decode(body)
            .map(Bytes)
            .map_err(|e| format!("\"{}\" is not base64url: {e}", clip(text)))
    }
}

fn clip(text: &str) -> String {
    text.chars().take(24).collect::<String>() + if text.chars().count() > 24 { "…" } else { "" }
}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_text())
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Self {
        Bytes(bytes)
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&self.to_text())
        } else {
            serializer.serialize_bytes(&self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("bytes, or a string of 'u' and base64url")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Bytes, E> {
                Bytes::from_text(v).map_err(E::custom)
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(b) = seq.next_element::<u8>()? {
                    out.push(b);
                }
                Ok(Bytes(out))
            }
        }
        if deserializer.is_human_readable() {
            deserializer.deserialize_str(Visitor)
        } else {
            deserializer.deserialize_bytes(Visitor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_hash_reads_as_holochain_prints_it() {
        let agent = Bytes([0x84, 0x20, 0x24].iter().copied().chain([0; 36]).collect());
        assert!(agent.to_text().starts_with("uhCAk"));
        let action = Bytes([0x84, 0x29, 0x24].iter().copied().chain([0; 36]).collect());
        assert!(action.to_text().starts_with("uhCkk"));
        assert_eq!(action.to_text().len(), 53);
    }

    #[test]
    fn malformed_text_is_named() {
        assert!(Bytes::from_text("hCkk")
            .unwrap_err()
            .contains("does not start with 'u'"));
        assert!(Bytes::from_text("u!!")
            .unwrap_err()
            .contains("is not base64url"));
    }

    proptest! {
        #[test]
        fn bytes_survive_text_and_json(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let b = Bytes(bytes);
            prop_assert_eq!(Bytes::from_text(&b.to_text()).unwrap(), b.clone());
            let json = serde_json::to_string(&b).unwrap();
            prop_assert_eq!(serde_json::from_str::<Bytes>(&json).unwrap(), b);
        }
    }
}
