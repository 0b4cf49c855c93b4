//! The constitution shipped in `dnas/ovn/dna.yaml` is one every validator can read: its YAML,
//! turned into DNA properties as the conductor does, decodes into a valid constitution whose
//! value equation and license catalogue are the domain's defaults (`ValueEquation::default`,
//! `ovn_domain::licenses::default_catalogue`), so the YAML and the code cannot drift apart.

use holochain::prelude::*;
use ovn_domain::{NetworkConstitution, ValueEquation};

#[test]
fn the_shipped_dna_properties_are_a_valid_constitution() {
    let path = crate::common::repo_root().join("dnas/ovn/dna.yaml");
    let manifest: yaml_serde::Value =
        yaml_serde::from_str(&std::fs::read_to_string(&path).expect("read dna.yaml"))
            .expect("dna.yaml is YAML");
    let properties = manifest["integrity"]["properties"].clone();
    let bytes = SerializedBytes::try_from(YamlProperties::new(properties)).expect("to msgpack");
    let constitution: NetworkConstitution =
        holochain_serialized_bytes::decode(bytes.bytes()).expect("decodes as a constitution");
    assert_eq!(constitution.check(), Ok(()));
    assert_eq!(constitution.value_equation, ValueEquation::default());
    assert_eq!(constitution.endorsements_required, 1);
    assert_eq!(
        constitution.licenses,
        NetworkConstitution::default().licenses
    );
}
