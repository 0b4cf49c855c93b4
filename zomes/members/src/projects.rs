//! Projects: created by any member, who becomes the first steward; listed from one anchor.

use crate::MembersError;
use hdk::prelude::*;
use ovn_domain::members::project::{check_parent_level, check_project};
use ovn_domain::ProjectLevel;
use ovn_integrity::links::all_projects_anchor;
use ovn_integrity::{EntryTypes, LinkTypes, Project};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::{committed, get_targets, read_entry};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CreateProjectInput {
    pub name: String,
    pub purpose: String,
    pub level: ProjectLevel,
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub parent: Option<ActionHash>,
    /// Stewards besides the creator, who is always the first.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::AgentPubKey>"))]
    pub co_stewards: Vec<AgentPubKey>,
}

#[hdk_extern]
pub fn create_project(input: Input) -> ExternResult<Record> {
    let input: CreateProjectInput = input.decode()?;
    let me = agent_info()?.agent_initial_pubkey;
    let mut stewards = vec![me.clone()];
    stewards.extend(input.co_stewards.into_iter().filter(|s| s != &me));
    check_project(&input.name, &input.purpose, &stewards, &me).map_err(MembersError::from)?;
    if let Some(parent) = &input.parent {
        let record = get(parent.clone(), GetOptions::default())?
            .ok_or_else(|| MembersError::ParentNotFound(parent.clone()))?;
        let parent_project: Project = record
            .entry()
            .to_app_option()
            .ok()
            .flatten()
            .ok_or_else(|| MembersError::NotAProject(parent.clone()))?;
        check_parent_level(input.level, parent_project.level).map_err(MembersError::from)?;
    }
    let project = Project {
        name: input.name,
        purpose: input.purpose,
        level: input.level,
        parent: input.parent,
        stewards,
    };
    let hash = create_entry(EntryTypes::Project(project))?;
    create_link(
        all_projects_anchor()?,
        hash.clone(),
        LinkTypes::AllProjects,
        (),
    )?;
    committed(hash)
}

#[hdk_extern]
pub fn get_project(hash: Input) -> ExternResult<Option<Record>> {
    let hash: ActionHash = hash.decode()?;
    read_entry::<Project>(&hash)
}

/// Every project in the network, each once, oldest first.
#[hdk_extern]
pub fn get_all_projects(nothing: Input) -> ExternResult<Vec<Record>> {
    nothing.decode::<()>()?;
    get_targets(get_links(
        LinkQuery::try_new(all_projects_anchor()?, LinkTypes::AllProjects)?,
        GetStrategy::default(),
    )?)
}
