//! [`Input`]: one decoding path for every zome function's input. The conductor hands a zome
//! function its payload; decoded straight into the typed input, a bad payload fails before our
//! code runs, as `Deserialize([the whole payload's bytes])`. Taken as an `Input` instead, any
//! MessagePack value is accepted, and [`Input::decode`] reads it into the typed input:
//! 1. with an error that names the path of the bad field and what it expected
//!    (`buckets[1].share_bp: invalid value: integer -5, expected u32`), never the payload;
//! 2. held to the shape the type itself writes ([`first_difference`]): a field the type does
//!    not have, an enum variant given by number, or a struct given as a list is refused, where
//!    serde alone would ignore the field or take the number as the variant's index.

use hdk::prelude::*;
use rmpv::Value;

/// The longest error [`Input::decode`] returns, in characters: a message, never a payload.
pub const MAX_ERROR_CHARS: usize = 300;

/// A zome function's input as the caller sent it: any MessagePack value, or why it is none
/// (nested deeper than the decoder goes, truncated), kept so that [`Input::decode`] says so in
/// short: an error here would reach the caller as the whole payload's bytes.
#[derive(Debug, Clone)]
pub struct Input(Result<Value, String>);

impl<'de> Deserialize<'de> for Input {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Input(
            Value::deserialize(deserializer).map_err(|e| shortened(&e.to_string(), 120)),
        ))
    }
}

impl Input {
    /// The input as `T`, or an error naming the offending field (at most [`MAX_ERROR_CHARS`]).
    pub fn decode<T: serde::de::DeserializeOwned + Serialize + std::fmt::Debug>(
        self,
    ) -> ExternResult<T> {
        let given = self.0.map_err(|why| {
            invalid(
                "",
                &format!("not a MessagePack value this node reads: {why}"),
            )
        })?;
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &given).map_err(|e| invalid("", &e.to_string()))?;
        let mut de = rmp_serde::Deserializer::new(&bytes[..]);
        let typed: T = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| invalid(&e.path().to_string(), &e.inner().to_string()))?;
        let canonical =
            holochain_serialized_bytes::encode(&typed).map_err(|e| invalid("", &e.to_string()))?;
        let canonical = rmpv::decode::read_value(&mut &canonical[..])
            .map_err(|e| invalid("", &e.to_string()))?;
        match first_difference(&given, &canonical, String::new()) {
            None => Ok(typed),
            Some((path, why)) => Err(invalid(&path, &why)),
        }
    }
}

/// Where `given` departs from `canonical`, the same input as its type writes it: a key
/// `canonical` lacks (an unknown field), or a value it writes otherwise (an enum by number, a
/// struct as a list). A key only `canonical` has is a default the caller left out: fine.
pub fn first_difference(
    given: &Value,
    canonical: &Value,
    path: String,
) -> Option<(String, String)> {
    match (given, canonical) {
        (Value::Map(given), Value::Map(canonical)) => given.iter().find_map(|(key, value)| {
            let at = match key.as_str().map(|name| shortened(name, 40)) {
                Some(name) if path.is_empty() => name,
                Some(name) => format!("{path}.{name}"),
                None => format!("{path}[{}]", excerpt(key)),
            };
            match canonical.iter().find(|(k, _)| k == key) {
                Some((_, expected)) => first_difference(value, expected, at),
                None => Some((at, "unknown field: this input has no such field".into())),
            }
        }),
        (Value::Array(given), Value::Array(canonical)) if given.len() == canonical.len() => given
            .iter()
            .zip(canonical)
            .enumerate()
            .find_map(|(i, (g, c))| first_difference(g, c, format!("{path}[{i}]"))),
        // Other spellings serde reads alike: a unit variant as `{"Name": nil}`, a hash as
        // its text or its bytes listed (the typed decoding has checked them).
        (Value::Map(given), Value::String(name))
            if given.len() == 1 && given[0].0.as_str() == name.as_str() && given[0].1.is_nil() =>
        {
            None
        }
        (Value::String(_) | Value::Array(_), Value::Binary(_)) => None,
        (Value::Integer(n), Value::String(name)) => Some((
            path,
            format!(
                "{n} names a variant by its number; name it instead ({})",
                excerpt(&Value::String(name.clone()))
            ),
        )),
        (given, canonical) if given == canonical => None,
        (given, canonical) => Some((
            path,
            format!(
                "{} is read as {}; send it so",
                excerpt(given),
                excerpt(canonical)
            ),
        )),
    }
}

/// A short rendering of `value` for an error message.
fn excerpt(value: &Value) -> String {
    shortened(&value.to_string(), 60)
}

/// `text` cut to `max` characters, the last an ellipsis.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    format!("{}…", text.chars().take(max - 1).collect::<String>())
}

/// `text` with every quoted run longer than 40 characters cut to its first 40 and "…": serde
/// quotes a wrong string whole.
fn shorten_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_ERROR_CHARS));
    let (mut quoted, mut run) = (false, 0);
    for c in text.chars() {
        if c == '"' {
            if quoted && run > 40 {
                out.push('…');
            }
            quoted = !quoted;
            run = 0;
            out.push(c);
        } else if !quoted || run < 40 {
            run += 1;
            out.push(c);
        } else {
            run += 1;
        }
    }
    out
}

/// "invalid input at `path`: `why`", at most [`MAX_ERROR_CHARS`] characters.
fn invalid(path: &str, why: &str) -> WasmError {
    let at = if path.is_empty() || path == "." {
        String::new()
    } else {
        format!(" at {path}")
    };
    let mut message = format!("invalid input{at}: {}", shorten_quoted(why));
    if message.chars().count() > MAX_ERROR_CHARS {
        message = format!(
            "{}…",
            message
                .chars()
                .take(MAX_ERROR_CHARS - 1)
                .collect::<String>()
        );
    }
    wasm_error!(WasmErrorInner::Guest(message))
}
