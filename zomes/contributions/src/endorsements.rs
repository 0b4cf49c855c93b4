//! Endorsing contributions, and where a contribution stands (counted or not).

use crate::ContributionError;
use hdk::prelude::*;
use ovn_domain::accounting::endorsement::{check_endorser, check_new_word};
use ovn_domain::EndorsementKind;
use ovn_integrity::{Contribution, Endorsement, EntryTypes, LinkTypes, UnitEntryTypes};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::my_profile_creation;
use ovn_zome_support::records::{committed, must_read, own_entries};
use ovn_zome_support::status::status_report;
pub use ovn_zome_support::status::ContributionStatusReport;

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EndorseContributionInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub contribution: ActionHash,
    pub kind: EndorsementKind,
}

/// Confirms or disputes someone else's contribution. The caller must have a profile, and say
/// something other than their latest word on it.
#[hdk_extern]
pub fn endorse_contribution(input: Input) -> ExternResult<Record> {
    let input: EndorseContributionInput = input.decode()?;
    input.kind.check().map_err(ContributionError::from)?;
    let me = agent_info()?.agent_initial_pubkey;
    let (_, contribution) = must_read::<Contribution>(&input.contribution)?;
    check_endorser(&me, &contribution.contributor)
        .map_err(|_| ContributionError::SelfEndorsement(input.contribution.clone()))?;
    let endorser_profile =
        my_profile_creation()?.ok_or(ContributionError::NotAMember(me.clone()))?;
    let mine = own_entries(UnitEntryTypes::Endorsement.try_into()?)?;
    let latest = mine
        .iter()
        .rev()
        .filter_map(|r| r.entry().to_app_option::<Endorsement>().ok().flatten())
        .find(|e| e.contribution == input.contribution);
    check_new_word(latest.as_ref().map(|e| &e.kind), &input.kind)
        .map_err(ContributionError::from)?;
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
pub fn get_contribution_status(contribution: Input) -> ExternResult<ContributionStatusReport> {
    let contribution: ActionHash = contribution.decode()?;
    let (_, c) = must_read::<Contribution>(&contribution)?;
    status_report(contribution, &c)
}
