//! [`Contribution`]: what a contributor put into a project (Valueflows: work, use, cite, money,
//! materials). Immutable: a mistake is fixed by a new contribution that `corrects` it.

use crate::members::project::Project;
use crate::resources::custody_transfer::custody_state;
use crate::resources::resource::Resource;
use crate::verdict::{invalid, must_get_app_entry, valid, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::accounting::contribution::{
    check_description_and_evidence, check_use_by_owner, cite_payee,
};
use ovn_domain::bounds::check_date;
use ovn_domain::{ContributionKind, Payee, Period};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Contribution {
    /// Who contributed: always the author.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub contributor: AgentPubKey,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    #[cfg_attr(
        feature = "ts",
        ts(as = "ContributionKind<ovn_domain::ts::ActionHash>")
    )]
    pub kind: ContributionKind<ActionHash>,
    pub description: String,
    /// URIs or content hashes that show the contribution.
    pub evidence: Vec<String>,
    /// When it happened.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub when: Timestamp,
    /// The earlier contribution of the same contributor and project this one replaces.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub corrects: Option<ActionHash>,
}

impl Contribution {
    /// The month this contribution is indexed under.
    pub fn period(&self) -> Period {
        Period::of_micros(self.when.as_micros())
    }
}

/// Rules:
/// 1. The author is the contributor.
/// 2. Quantities are positive and bounded (no entry holds more than 24 hours).
/// 3. The description is non-empty and bounded; evidence items are distinct and bounded.
/// 4. It is dated from 2000-01-01 (`bounds::EARLIEST_DATE_MICROS`) to when it was recorded,
///    plus a five-minute clock skew.
/// 5. The project is a Project.
/// 6. A Use or Cite names a Resource.
/// 7. A correction names a Contribution by the same contributor to the same project.
/// 8. A Use is logged by the resource's owner in the custody state it names, a state of that
///    resource that began by the use's date (its creation excepted: a tool is older than its
///    record): `ovn_domain::accounting::contribution::check_use_by_owner`.
/// 9. A Cite names a resource made outside this project, whose maker its share is paid to
///    ([`payee_of`]: `ovn_domain::accounting::contribution::cite_payee`).
pub fn validate_create_contribution(
    header: &ActionHeader,
    contribution: &Contribution,
) -> ExternResult<ValidateCallbackResult> {
    if contribution.contributor != header.author {
        return invalid(format!(
            "{} cannot log a contribution for {}: the author is the contributor",
            header.author, contribution.contributor
        ));
    }
    check!(contribution.kind.check_quantities());
    check!(check_description_and_evidence(
        &contribution.description,
        &contribution.evidence
    ));
    check!(check_date(
        contribution.when.as_micros(),
        header.timestamp.as_micros()
    ));
    check!(must_get_app_entry::<Project>(
        &contribution.project,
        UnitEntryTypes::Project
    )?);
    check!(payee_of(contribution)?);
    if let Some(resource) = contribution.kind.resource() {
        let resource = check!(must_get_app_entry::<Resource>(
            resource,
            UnitEntryTypes::Resource
        )?);
        if let ContributionKind::Use { custody, .. } = &contribution.kind {
            let state = check!(custody_state(&resource, custody)?);
            check!(check_use_by_owner(
                resource.entry.regime,
                &state.holding,
                &header.author
            ));
            if custody != resource.record.action_address() && state.since > contribution.when {
                return invalid(format!(
                    "custody state {custody} began after the use: a use names the state it was made under"
                ));
            }
        }
    }
    if let Some(corrected) = &contribution.corrects {
        let corrected = check!(must_get_app_entry::<Contribution>(
            corrected,
            UnitEntryTypes::Contribution
        )?);
        if corrected.entry.contributor != header.author
            || corrected.entry.project != contribution.project
        {
            return invalid(
                "a correction must correct the same contributor's contribution to the same project",
            );
        }
    }
    valid()
}

/// Who `contribution`'s share is paid to: its contributor, or for a Cite the cited design's
/// maker (rule 9). Settlements copy it, so distributions pay whom validation names.
pub fn payee_of(contribution: &Contribution) -> Verdict<Payee<AgentPubKey, ActionHash>> {
    let ContributionKind::Cite { resource } = &contribution.kind else {
        return Ok(Ok(Payee::Agent(contribution.contributor.clone())));
    };
    let cited = match must_get_app_entry::<Resource>(resource, UnitEntryTypes::Resource)? {
        Ok(r) => r,
        Err(e) => return Ok(Err(e)),
    };
    Ok(cite_payee(
        &contribution.project,
        resource,
        cited.entry.project.as_ref(),
        cited.author(),
    )
    .map_err(|e| e.to_string()))
}

/// Rules:
/// 1. Contributions are never updated: endorsements refer to what was signed. Log a new
///    contribution that `corrects` it instead.
pub fn validate_update_contribution() -> ExternResult<ValidateCallbackResult> {
    invalid("contributions cannot be updated: log a correction that names the contribution")
}
