//! Creating resources and finding them.

use crate::ResourcesError;
use hdk::prelude::*;
use ovn_domain::resources::resource::check_resource;
use ovn_domain::{PropertyRegime, UsageRules};
use ovn_integrity::links::all_resources_anchor;
use ovn_integrity::{EntryTypes, LinkTypes, Project, Resource};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::must_be_steward;
use ovn_zome_support::records::{committed, get_targets, listed, must_read, read_entry};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreateResourceInput {
    pub name: String,
    #[serde(default)]
    pub specification: String,
    pub regime: PropertyRegime,
    /// [`UsageRules::default`] (members, free, up to a day) when not given.
    #[serde(default)]
    pub rules: Option<UsageRules>,
    /// The project that produced or funded it: its use fees are that project's income.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub project: Option<ActionHash>,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub condition: String,
}

/// Creates a resource; the caller is its first custodian (and owner, for Shared or Private).
#[hdk_extern]
pub fn create_resource(input: Input) -> ExternResult<Record> {
    let input: CreateResourceInput = input.decode()?;
    let rules = input.rules.unwrap_or_default();
    check_resource(
        &input.name,
        &input.specification,
        &input.location,
        &input.condition,
        &rules,
    )
    .map_err(ResourcesError::from)?;
    let project_version = match &input.project {
        Some(project) => {
            let found = must_be_steward(project, "register its resources")?;
            found.map_err(ResourcesError::from)?.version
        }
        None => None,
    };
    let resource = Resource {
        name: input.name,
        specification: input.specification,
        regime: input.regime,
        rules,
        project: input.project.clone(),
        location: input.location,
        condition: input.condition,
        project_version,
    };
    let hash = create_entry(EntryTypes::Resource(resource))?;
    create_link(
        all_resources_anchor()?,
        hash.clone(),
        LinkTypes::AllResources,
        (),
    )?;
    if let Some(project) = input.project {
        create_link(project, hash.clone(), LinkTypes::ProjectToResources, ())?;
    }
    let me = agent_info()?.agent_initial_pubkey;
    create_link(me, hash.clone(), LinkTypes::AgentToCustodyStates, ())?;
    committed(hash)
}

/// A resource, if it exists.
#[hdk_extern]
pub fn get_resource(hash: Input) -> ExternResult<Option<Record>> {
    let hash: ActionHash = hash.decode()?;
    read_entry::<Resource>(&hash)
}

/// Every resource in the network, oldest first.
#[hdk_extern]
pub fn get_all_resources(nothing: Input) -> ExternResult<Vec<Record>> {
    nothing.decode::<()>()?;
    get_targets(get_links(
        LinkQuery::try_new(all_resources_anchor()?, LinkTypes::AllResources)?,
        GetStrategy::default(),
    )?)
}

/// The resources a project produced or funded, oldest first.
#[hdk_extern]
pub fn get_resources_for_project(project: Input) -> ExternResult<Vec<Record>> {
    let project: ActionHash = project.decode()?;
    let found = get_targets(get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToResources)?,
        GetStrategy::default(),
    )?)?;
    listed::<Project, _>(&project, found)
}

/// The resource at `hash`, or a typed error.
pub fn must_find_resource(hash: &ActionHash) -> ExternResult<(Record, Resource)> {
    must_read::<Resource>(hash)
}
