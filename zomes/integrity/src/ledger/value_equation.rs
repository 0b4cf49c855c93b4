//! [`ValueEquation`]: the version of a project's value equation in force from its creation,
//! adopted by a passed decision it names (or, where the network lets them, by the project's
//! stewards). Versions chain: each names the one it replaces. A project without one shares
//! income under the network's default equation from the DNA properties.

use crate::constitution::network_constitution;
use crate::governance::binding::authority_of;
use crate::governance::proposal::Change;
use crate::members::project::steward_of;
use crate::verdict::{invalid, must_get_app_entry, valid, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::binding::{Authority, Made};

/// The domain's equation with agents and resources named by hash.
pub type Equation = ovn_domain::ValueEquation<AgentPubKey, ActionHash>;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ValueEquation {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    /// 1 for a project's first equation, then one more than the version it replaces.
    pub version: u32,
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub replaces: Option<ActionHash>,
    #[cfg_attr(
        feature = "ts",
        ts(
            as = "ovn_domain::ValueEquation<ovn_domain::ts::AgentPubKey, ovn_domain::ts::ActionHash>"
        )
    )]
    pub equation: Equation,
    /// The passed Decision adopting exactly this equation; `None` only where the network lets
    /// stewards adopt alone (`decisions_bind: false`).
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub decision: Option<ActionHash>,
    /// Where it is a steward's act, the project's version whose stewards it acts under (the
    /// one in force when it is made); `None`: the project as created, or not a steward's act.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project_version: Option<ActionHash>,
}

/// Rules:
/// 1. The equation is valid (see `ovn_domain::ValueEquation::check`).
/// 2. It is adopted on a passed decision's authority (`ovn_domain::governance::binding`): the
///    named Decision passed, on a proposal of this project to adopt exactly this equation,
///    which named as its equation the version this one replaces; it is dated no earlier than
///    the decision. Without one, only where the network's decisions do not bind, and then the
///    author stewards the project.
/// 3. A first version is 1; a later one replaces a ValueEquation of the same project and is
///    numbered one more.
pub fn validate_create_value_equation(
    header: &ActionHeader,
    adopted: &ValueEquation,
) -> ExternResult<ValidateCallbackResult> {
    check!(adopted.equation.check());
    if check!(authority_for(adopted, header.timestamp)?) == Authority::Stewards {
        check!(steward_of(
            &adopted.project,
            adopted.project_version.as_ref(),
            &header.author,
            "adopt its value equation"
        )?);
    }
    let expected = match &adopted.replaces {
        None => 1,
        Some(previous) => {
            let previous = check!(must_get_app_entry::<ValueEquation>(
                previous,
                UnitEntryTypes::ValueEquation
            )?);
            if previous.entry.project != adopted.project {
                return invalid(format!(
                    "{} is another project's equation",
                    previous.record.action_address()
                ));
            }
            previous.entry.version.saturating_add(1)
        }
    };
    if adopted.version != expected {
        return invalid(format!(
            "this equation must be version {expected}, not {}",
            adopted.version
        ));
    }
    valid()
}

/// On whose authority `adopted` (made at `at`) is, reading the decision it names (rule 2).
fn authority_for(adopted: &ValueEquation, at: Timestamp) -> Verdict<Authority> {
    let change = Change::Equation {
        equation: adopted.equation.clone(),
    };
    let made = Made {
        project: &adopted.project,
        change: &change,
        replaces: adopted.replaces.as_ref(),
        at: at.as_micros(),
    };
    authority_of("value equation", &made, adopted.decision.as_ref())
}

/// Rules:
/// 1. Equations are never updated: adopt a new version that replaces it.
pub fn validate_update_value_equation() -> ExternResult<ValidateCallbackResult> {
    invalid("value equations cannot be updated: adopt a new version")
}

/// The network's default equation from the DNA properties, with its text keys read as hashes.
pub fn network_default_equation() -> Verdict<Equation> {
    let named = network_constitution()?.value_equation;
    Ok(named.try_map(
        |a| AgentPubKey::try_from(a.as_str()).map_err(|e| format!("agent {a:?}: {e:?}")),
        |r| ActionHash::try_from(r.as_str()).map_err(|e| format!("resource {r:?}: {e:?}")),
    ))
}
