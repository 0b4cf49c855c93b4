//! Proposals: opened with the project's settlements, equation and version in force, so that their
//! electorate is fixed; read with everything a member needs to vote and to see what stands.

use crate::count::{count, decisions_of, Count};
use crate::rules::governance_in_force;
use crate::GovernanceError;
use hdk::prelude::*;
use ovn_domain::governance::rules::{standing, Rule};
use ovn_domain::text::{check_optional_text, check_text, MAX_NAME, MAX_PROSE};
use ovn_integrity::governance::electorate::electorate_of;
use ovn_integrity::governance::proposal::{check_in_project, MAX_SETTLEMENTS};
use ovn_integrity::governance::rules_version::rules_of;
use ovn_integrity::{Change, EntryTypes, LinkTypes, Project, Proposal};
use ovn_zome_support::governance::proposal_omissions;
use ovn_zome_support::index::{
    project_version_in_force, rules_version_in_force, settlements_before, version_in_force,
};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::{
    committed, fetch, get_targets, listed, must_read, without_warranted,
};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OpenProposalInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    pub title: String,
    pub text: String,
    pub change: Change,
    /// When voting ends (µs since the epoch).
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub closes: Timestamp,
}

/// Opens a proposal in a project whose electorate the caller is in. It names the project's
/// settlements made so far and its equation in force, which fix who votes and their weights.
#[hdk_extern]
pub fn open_proposal(input: Input) -> ExternResult<Record> {
    let input: OpenProposalInput = input.decode()?;
    check_text("title", &input.title, MAX_NAME).map_err(GovernanceError::from)?;
    check_optional_text("text", &input.text, MAX_PROSE).map_err(GovernanceError::from)?;
    input.change.check().map_err(GovernanceError::from)?;
    must_read::<Project>(&input.project)?;
    let now = sys_time()?;
    let governance = governance_in_force(&input.project, now)?;
    governance
        .rules
        .check_window(now.as_micros(), input.closes.as_micros())
        .map_err(GovernanceError::from)?;
    let settlements = settlements_before(&input.project, now)?;
    if settlements.len() > MAX_SETTLEMENTS {
        return Err(GovernanceError::Refused(format!(
            "the project has {} settlements; a proposal names at most {MAX_SETTLEMENTS}",
            settlements.len()
        ))
        .into());
    }
    let proposal = Proposal {
        project: input.project.clone(),
        title: input.title,
        text: input.text,
        change: input.change,
        closes: input.closes,
        settlements,
        equation: version_in_force(&input.project, now)?.map(|(chosen, _)| chosen.hash),
        project_version: project_version_in_force(&input.project, now)?
            .map(|(chosen, _)| chosen.hash),
        governance_rules: governance.version.clone(),
    };
    // Before the rule tying what it replaces to the rules it names, in the member's words.
    if let Change::Rules { replaces, .. } = &proposal.change {
        if replaces != &governance.version {
            return Err(GovernanceError::Refused(format!(
                "the project's governance rules in force are {}, not the version this change \
                 replaces: start from the rules in force",
                governance
                    .version
                    .map_or_else(|| "the network's".into(), |v| v.to_string())
            ))
            .into());
        }
    }
    check_in_project(&proposal, &fetch)?.map_err(GovernanceError::Refused)?;
    if let Change::UsageRules {
        resource, replaces, ..
    } = &proposal.change
    {
        let in_force = rules_version_in_force(resource, now)?.map(|(chosen, _)| chosen.hash);
        if &in_force != replaces {
            return Err(GovernanceError::Refused(format!(
                "the usage rules of resource {resource} in force are {}, not the version this \
                 change replaces: start from the rules in force",
                in_force.map_or_else(|| "those it was registered with".into(), |v| v.to_string())
            ))
            .into());
        }
    }
    let me = agent_info()?.agent_initial_pubkey;
    let electorate = electorate_of(&proposal, now, &fetch)?.map_err(GovernanceError::Refused)?;
    if !electorate.contains_key(&me) {
        return Err(GovernanceError::NotInElectorate {
            agent: me,
            why: "only those who decide propose".into(),
        }
        .into());
    }
    let hash = create_entry(EntryTypes::Proposal(proposal.clone()))?;
    let record = committed(hash.clone())?;
    // Named as of `now`; it opens at its action's time, a moment later. A settlement or an
    // equation that arrived between would be an omission the audit reports and that stops its
    // decision being carried out: refused, nothing written, so the member opens it again.
    let omissions = proposal_omissions(&proposal, record.action().timestamp())?;
    if !omissions.none() {
        return Err(GovernanceError::Refused(
            "a settlement, an equation, a change of the project or of its governance rules \
             arrived while the proposal was being opened: open it again"
                .into(),
        )
        .into());
    }
    create_link(
        input.project,
        hash.clone(),
        LinkTypes::ProjectToProposals,
        (),
    )?;
    Ok(record)
}

/// A project's proposals, oldest first.
#[hdk_extern]
pub fn get_proposals(project: Input) -> ExternResult<Vec<Record>> {
    let project: ActionHash = project.decode()?;
    let found = get_targets(get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToProposals)?,
        GetStrategy::default(),
    )?)?;
    listed::<Project, _>(&project, without_warranted(found)?)
}

/// A proposal as its voters see it.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProposalView {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Record"))]
    pub proposal: Record,
    /// How it is decided: method, electorate and weighting from the governance rules it names.
    pub rule: Rule,
    /// Each member who may vote, with their weight.
    #[cfg_attr(feature = "ts", ts(as = "Vec<(ovn_domain::ts::AgentPubKey, u64)>"))]
    pub electorate: Vec<(AgentPubKey, u64)>,
    pub closed: bool,
    /// The votes and delegations that count now, and their tally (the decision's, once closed).
    pub count: Count,
    /// Decisions published on it, oldest first.
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::Record>"))]
    pub decisions: Vec<Record>,
    /// The decision that stands: the one that counted most votes and delegations, then the
    /// earliest.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub standing: Option<ActionHash>,
}

/// A proposal, its electorate, the count so far and its decisions.
#[hdk_extern]
pub fn get_proposal(proposal: Input) -> ExternResult<ProposalView> {
    let hash: ActionHash = proposal.decode()?;
    let (record, proposal) = must_read::<Proposal>(&hash)?;
    let opened = record.action().timestamp();
    let rule = rules_of(&proposal, opened, &fetch)?
        .map_err(GovernanceError::Refused)?
        .rule(proposal.change.kind());
    let electorate = electorate_of(&proposal, opened, &fetch)?.map_err(GovernanceError::Refused)?;
    let count = count(&hash, &proposal, opened)?;
    let decisions = decisions_of(&hash)?;
    let ranked: Vec<(ActionHash, i64, usize)> = decisions
        .iter()
        .map(|(r, d)| {
            let at = r.action().timestamp().as_micros();
            (
                r.action_address().clone(),
                at,
                d.votes.len() + d.delegations.len(),
            )
        })
        .collect();
    Ok(ProposalView {
        standing: standing(&ranked).cloned(),
        decisions: decisions.into_iter().map(|(r, _)| r).collect(),
        closed: sys_time()? >= proposal.closes,
        proposal: record,
        rule,
        electorate: electorate.into_iter().collect(),
        count,
    })
}
