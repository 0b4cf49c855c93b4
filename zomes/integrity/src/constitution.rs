//! Reads the network constitution ([`NetworkConstitution`]) from the DNA properties. Absent
//! properties mean the defaults: an open network with one endorsement required.

use hdi::prelude::*;
use ovn_domain::NetworkConstitution;

/// The constitution as msgpack, so the DNA properties (YAML turned msgpack) decode into it.
#[derive(Serialize, Deserialize, SerializedBytes, Debug)]
#[serde(transparent)]
struct Properties(NetworkConstitution);

/// msgpack `nil`: what an empty `properties:` in dna.yaml becomes.
const NIL: [u8; 1] = [0xc0];

/// The network constitution of this DNA, checked. `Err` if the properties do not describe one.
pub fn network_constitution() -> ExternResult<NetworkConstitution> {
    let properties = dna_info()?.modifiers.properties;
    let constitution = if properties.bytes().as_slice() == NIL {
        NetworkConstitution::default()
    } else {
        Properties::try_from(properties)
            .map_err(|e| {
                wasm_error!(WasmErrorInner::Guest(format!(
                    "invalid DNA properties: {e}"
                )))
            })?
            .0
    };
    constitution
        .check()
        .map_err(|e| wasm_error!(WasmErrorInner::Guest(e.to_string())))?;
    Ok(constitution)
}
