//! [`ResourceUse`]: the user's signed record of one use of a resource (from, until) with the fee
//! its usage rules set for the started minutes, rounded up to a minor unit. Once that fee is
//! recorded as income of the resource's project ([`ovn_domain::IncomeSource::UseFee`],
//! amount = the fee), the project's value equation shares it among those who funded or built
//! the resource, as Sensorica's NRP (network resource planning) paid back a funded tool.
//! Immutable.

use crate::members::profile::own_profile;
use crate::resources::custody_transfer::custody_state;
use crate::resources::resource::Resource;
use crate::resources::usage_rules_version::rules_named;
use crate::verdict::{invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::bounds::check_date;
use ovn_domain::resources::resource::{use_minutes, User};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResourceUse {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    /// The user's Profile, their proof of membership (and skills) when the rules ask for it.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub user_profile: Option<ActionHash>,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub from: Timestamp,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub until: Timestamp,
    /// In minor units: exactly what the usage rules charge for the use's minutes.
    pub fee: u64,
    /// The condition it was returned in.
    pub condition_report: String,
    /// The custody state it was used under (the resource's creation, or an acceptance of it
    /// made by the time the use began): its owner, else its custodian, collects the fee and
    /// alone records it as income.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub custody: ActionHash,
    /// The resource's usage rules it was charged under: the UsageRulesVersion in force when
    /// it was recorded (a use cannot be backdated under cheaper rules); `None`: the rules the
    /// resource was registered with.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub rules_version: Option<ActionHash>,
}

/// Rules (the author is the user):
/// 1. The resource is a Resource.
/// 2. The use ends after it starts, from 2000-01-01 to when it was recorded (plus the clock
///    skew); it lasts its started minutes.
/// 3. A named profile is a Profile the author authored; the user is then a member with its
///    skills, otherwise an outsider.
/// 4. The usage rules it names allow it (those of a UsageRulesVersion of the resource, else
///    those it was registered with): duration, exact fee, a permitted user, a condition report
///    when required ([`ovn_domain::UsageRules::check_use`]). (Whether that version was in
///    force when the use was recorded, validators cannot see; the audit reports it.)
/// 5. `custody` is a custody state of the resource ([`custody_state`]): its creation (whoever
///    registered a resource held it before too: a use may be logged from before it was
///    registered), or an acceptance made by the time the use began.
pub fn validate_create_resource_use(
    header: &ActionHeader,
    usage: &ResourceUse,
) -> ExternResult<ValidateCallbackResult> {
    let resource = check!(must_get_app_entry::<Resource>(
        &usage.resource,
        UnitEntryTypes::Resource
    )?);
    check!(check_date(
        usage.from.as_micros(),
        header.timestamp.as_micros()
    ));
    check!(check_date(
        usage.until.as_micros(),
        header.timestamp.as_micros()
    ));
    let minutes = check!(use_minutes(usage.from.as_micros(), usage.until.as_micros()));
    let profile = match &usage.user_profile {
        None => None,
        Some(hash) => Some(check!(own_profile(hash, &header.author, "")?)),
    };
    let user = match &profile {
        Some(p) => User::Member { skills: &p.skills },
        None => User::Outsider,
    };
    let rules = check!(rules_named(&resource, usage.rules_version.as_ref())?);
    check!(rules.check_use(minutes, usage.fee, user, &usage.condition_report));
    let state = check!(custody_state(&resource, &usage.custody)?);
    if &usage.custody != resource.record.action_address() && state.since > usage.from {
        return invalid(format!(
            "custody state {} began after the use did: a use names the state it was made under",
            usage.custody
        ));
    }
    valid()
}

/// Rules:
/// 1. Uses are never updated: the fee was set by what was signed.
pub fn validate_update_resource_use() -> ExternResult<ValidateCallbackResult> {
    invalid("resource uses cannot be updated")
}
