//! Recording a use of a resource with the fee its usage rules set, and listing uses.

use crate::history::custody_history;
use crate::resources::must_find_resource;
use crate::rules::rules_in_force;
use crate::ResourcesError;
use hdk::prelude::*;
use ovn_domain::bounds::check_date;
use ovn_domain::resources::resource::{use_minutes, User};
use ovn_integrity::{EntryTypes, LinkTypes, Resource, ResourceUse};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::my_latest_profile;
use ovn_zome_support::records::{committed, get_targets, listed};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordUseInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub from: Timestamp,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub until: Timestamp,
    /// The condition it was returned in (required when the usage rules say so).
    #[serde(default)]
    pub condition_report: String,
}

/// Records the caller's use of a resource. The fee is what the usage rules charge for the
/// use's started minutes, under the usage rules in force when it is recorded; the caller names their current profile as proof of membership, and
/// the custody state in force when the use began (whose owner, else custodian, collects the fee).
#[hdk_extern]
pub fn record_use(input: Input) -> ExternResult<Record> {
    let input: RecordUseInput = input.decode()?;
    let (_, resource) = must_find_resource(&input.resource)?;
    let now = sys_time()?.as_micros();
    check_date(input.from.as_micros(), now).map_err(ResourcesError::from)?;
    check_date(input.until.as_micros(), now).map_err(ResourcesError::from)?;
    let minutes = use_minutes(input.from.as_micros(), input.until.as_micros())
        .map_err(ResourcesError::from)?;
    let profile = my_latest_profile()?;
    let user = match &profile {
        Some((_, p)) => User::Member { skills: &p.skills },
        None => User::Outsider,
    };
    let charged = rules_in_force(&input.resource, &resource, sys_time()?)?;
    let fee = charged.rules.fee_for(minutes);
    charged
        .rules
        .check_use(minutes, fee, user, &input.condition_report)
        .map_err(ResourcesError::from)?;
    let custody = custody_history(input.resource.clone())?.state_at(input.from);
    let usage = ResourceUse {
        custody,
        resource: input.resource.clone(),
        user_profile: profile.map(|(hash, _)| hash),
        from: input.from,
        until: input.until,
        fee,
        condition_report: input.condition_report,
        rules_version: charged.version,
    };
    let hash = create_entry(EntryTypes::ResourceUse(usage))?;
    create_link(input.resource, hash.clone(), LinkTypes::ResourceToUses, ())?;
    committed(hash)
}

/// The uses of a resource, oldest first.
#[hdk_extern]
pub fn get_uses(resource: Input) -> ExternResult<Vec<Record>> {
    let resource: ActionHash = resource.decode()?;
    let found = get_targets(get_links(
        LinkQuery::try_new(resource.clone(), LinkTypes::ResourceToUses)?,
        GetStrategy::default(),
    )?)?;
    listed::<Resource, _>(&resource, found)
}
