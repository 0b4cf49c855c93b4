//! The network constitution: the rules a community chooses for its network, carried in the DNA
//! properties (`integrity.properties` of `dnas/ovn/dna.yaml`) and read by the integrity zome's
//! `ovn_integrity::constitution::network_constitution`. Changing any of them makes a new DNA
//! hash, that is, a fork. Every field has a default, so a DNA with no properties is a valid open
//! network.
//!
//! In the YAML, `membrane` is `{type: Open}` or `{type: InviteOnly, progenitor: <agent key>}`;
//! `endorsements_required` (K) is 1..=100, default 1; `value_equation` names agents and
//! resources in text form and defaults to [`ValueEquation::default`]; `licenses` defaults to
//! [`default_catalogue`], which is also the catalogue `dnas/ovn/dna.yaml` ships (the Sweettests
//! compare the two).

use crate::governance::rules::GovernanceRules;
use crate::licenses::{check_catalogue, default_catalogue, CatalogueLicense};
use crate::text::{check_optional_text, check_text, MAX_NAME, MAX_PROSE};
use crate::{DomainError, ValueEquation};
use serde::{Deserialize, Serialize};

/// The most confirmations a network may require before a contribution counts.
pub const MAX_ENDORSEMENTS_REQUIRED: u32 = 100;
/// The most decimal places a currency may have (8 covers satoshis).
pub const MAX_MINOR_UNITS: u8 = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkConstitution {
    pub network_name: String,
    pub purpose: String,
    pub currency: Currency,
    pub membrane: Membrane,
    /// K: distinct confirmations after which a contribution counts.
    pub endorsements_required: u32,
    /// The value equation of every project that has not adopted its own. Agents and resources
    /// are named in text form (`uhCAk…`, `uhCkk…`).
    pub value_equation: ValueEquation<String, String>,
    /// The network's license catalogue: licenses every resource may carry, by name. Projects
    /// add their own as `License` entries.
    pub licenses: Vec<CatalogueLicense>,
    /// How projects decide together: windows, reputation's half-life, and each kind of
    /// change's method, electorate and weighting.
    pub governance: GovernanceRules,
}

/// The currency income and payouts are counted in, as integer minor units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    /// ISO 4217 code or a community currency's symbol, e.g. `EUR`.
    pub code: String,
    /// Decimal places: 2 means amounts are in cents.
    pub minor_units: u8,
}

/// Who may join the network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", deny_unknown_fields)]
pub enum Membrane {
    /// Anyone may join: the seeds' permissionless participation.
    #[default]
    Open,
    /// Only the progenitor, and agents holding an invitation the progenitor signed.
    InviteOnly {
        /// The progenitor's agent key in Holochain's text form (`uhCAk…`).
        progenitor: String,
    },
}

impl Default for NetworkConstitution {
    fn default() -> Self {
        Self {
            network_name: "Open Value Network".into(),
            purpose: String::new(),
            currency: Currency::default(),
            membrane: Membrane::Open,
            endorsements_required: 1,
            value_equation: ValueEquation::default(),
            licenses: default_catalogue(),
            governance: GovernanceRules::default(),
        }
    }
}

impl Default for Currency {
    fn default() -> Self {
        Self {
            code: "EUR".into(),
            minor_units: 2,
        }
    }
}

impl NetworkConstitution {
    /// A constitution a network can run under: named, a currency, and 1..=100 endorsements.
    pub fn check(&self) -> Result<(), DomainError> {
        let bad = |e: DomainError| DomainError::BadConstitution(e.to_string());
        check_text("network_name", &self.network_name, MAX_NAME).map_err(bad)?;
        check_optional_text("purpose", &self.purpose, MAX_PROSE).map_err(bad)?;
        check_text("currency.code", &self.currency.code, 12).map_err(bad)?;
        if self.currency.minor_units > MAX_MINOR_UNITS {
            return Err(DomainError::BadConstitution(format!(
                "currency.minor_units is {}; the limit is {MAX_MINOR_UNITS}",
                self.currency.minor_units
            )));
        }
        if !(1..=MAX_ENDORSEMENTS_REQUIRED).contains(&self.endorsements_required) {
            return Err(DomainError::BadConstitution(format!(
                "endorsements_required is {}; it must be between 1 and {MAX_ENDORSEMENTS_REQUIRED}",
                self.endorsements_required
            )));
        }
        self.value_equation
            .check()
            .map_err(|e| DomainError::BadConstitution(format!("value_equation: {}", e)))?;
        check_catalogue(&self.licenses)
            .map_err(|e| DomainError::BadConstitution(format!("licenses: {e}")))?;
        self.governance
            .check()
            .map_err(|e| DomainError::BadConstitution(format!("governance: {e}")))?;
        if let Membrane::InviteOnly { progenitor } = &self.membrane {
            check_text("membrane.progenitor", progenitor, 60).map_err(bad)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_constitution_is_valid_and_open_with_one_endorsement() {
        let c = NetworkConstitution::default();
        assert!(c.check().is_ok());
        assert_eq!(c.membrane, Membrane::Open);
        assert_eq!(c.endorsements_required, 1);
    }

    #[test]
    fn zero_or_too_many_endorsements_are_rejected() {
        for k in [0, MAX_ENDORSEMENTS_REQUIRED + 1] {
            let c = NetworkConstitution {
                endorsements_required: k,
                ..Default::default()
            };
            assert!(matches!(c.check(), Err(DomainError::BadConstitution(_))));
        }
    }

    #[test]
    fn too_many_minor_units_are_rejected() {
        let c = NetworkConstitution {
            currency: Currency {
                code: "BTC".into(),
                minor_units: 9,
            },
            ..Default::default()
        };
        assert!(c.check().is_err());
    }
}
