//! Endorsing contributions, and where a contribution stands (counted or not).

use crate::records::{committed, get_entry, get_targets};
use crate::ContributionError;
use hdk::prelude::*;
use ovn_domain::endorsement::{check_endorser, Endorsed};
use ovn_domain::{contribution_status, ContributionStatus, EndorsementKind};
use ovn_integrity::constitution::network_constitution;
use ovn_integrity::{Contribution, Endorsement, EntryTypes, LinkTypes, UnitEntryTypes};

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct EndorseContributionInput {
    pub contribution: ActionHash,
    pub kind: EndorsementKind,
}

/// A contribution's standing, with the endorsements and corrections it was computed from.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct ContributionStatusReport {
    pub contribution: ActionHash,
    pub status: ContributionStatus,
    pub endorsements: Vec<Record>,
    pub corrected_by: Vec<ActionHash>,
}

/// Confirms or disputes someone else's contribution. The caller must have a profile.
#[hdk_extern]
pub fn endorse_contribution(input: EndorseContributionInput) -> ExternResult<Record> {
    input.kind.check().map_err(ContributionError::from)?;
    let me = agent_info()?.agent_initial_pubkey;
    let contribution = match get_entry::<Contribution>(&input.contribution)? {
        None => return Err(ContributionError::ContributionNotFound(input.contribution).into()),
        Some(Err(())) => return Err(ContributionError::NotAContribution(input.contribution).into()),
        Some(Ok((_, c))) => c,
    };
    check_endorser(&me, &contribution.contributor)
        .map_err(|_| ContributionError::SelfEndorsement(input.contribution.clone()))?;
    let endorser_profile =
        my_profile_creation()?.ok_or(ContributionError::NotAMember(me.clone()))?;
    let endorsement = Endorsement {
        contribution: input.contribution.clone(),
        endorser_profile,
        kind: input.kind,
    };
    let hash = create_entry(EntryTypes::Endorsement(endorsement))?;
    create_link(
        input.contribution,
        hash.clone(),
        LinkTypes::ContributionToEndorsements,
        (),
    )?;
    committed(hash)
}

/// Where a contribution stands: pending, counted (K confirmations), disputed or superseded.
#[hdk_extern]
pub fn get_contribution_status(contribution: ActionHash) -> ExternResult<ContributionStatusReport> {
    let (_, c) = match get_entry::<Contribution>(&contribution)? {
        None => return Err(ContributionError::ContributionNotFound(contribution).into()),
        Some(Err(())) => return Err(ContributionError::NotAContribution(contribution).into()),
        Some(Ok(found)) => found,
    };
    let endorsements = get_targets(get_links(
        LinkQuery::try_new(contribution.clone(), LinkTypes::ContributionToEndorsements)?,
        GetStrategy::default(),
    )?)?;
    let corrected_by = corrections_of(&contribution)?;
    let read = read_endorsements(&endorsements, &contribution);
    let endorsed: Vec<Endorsed<'_, AgentPubKey>> = read
        .iter()
        .map(|(endorser, at_micros, e)| Endorsed {
            endorser: endorser.clone(),
            at_micros: *at_micros,
            kind: &e.kind,
        })
        .collect();
    let required = network_constitution()?.endorsements_required;
    let status = contribution_status(
        &c.contributor,
        &endorsed,
        !corrected_by.is_empty(),
        required,
    );
    Ok(ContributionStatusReport {
        contribution,
        status,
        endorsements,
        corrected_by,
    })
}

/// The contributions that correct `contribution`.
fn corrections_of(contribution: &ActionHash) -> ExternResult<Vec<ActionHash>> {
    Ok(get_links(
        LinkQuery::try_new(contribution.clone(), LinkTypes::ContributionToCorrections)?,
        GetStrategy::default(),
    )?
    .into_iter()
    .filter_map(|l| l.target.into_action_hash())
    .collect())
}

/// Each endorsement of `contribution` with its author and time.
fn read_endorsements(
    records: &[Record],
    contribution: &ActionHash,
) -> Vec<(AgentPubKey, i64, Endorsement)> {
    records
        .iter()
        .filter_map(|r| {
            let e: Endorsement = r.entry().to_app_option().ok().flatten()?;
            (&e.contribution == contribution).then(|| {
                (
                    r.action().author().clone(),
                    r.action().timestamp().as_micros(),
                    e,
                )
            })
        })
        .collect()
}

fn my_profile_creation() -> ExternResult<Option<ActionHash>> {
    let records = query(
        ChainQueryFilter::new()
            .entry_type(UnitEntryTypes::Profile.try_into()?)
            .action_type(ActionType::Create),
    )?;
    Ok(records.first().map(|r| r.action_address().clone()))
}
