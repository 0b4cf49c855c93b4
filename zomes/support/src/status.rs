//! Where a contribution stands (pending, counted, disputed, superseded), computed from its
//! endorsements and corrections with the same domain rule the settlement validator relies on.

use crate::records::get_targets;
use hdk::prelude::*;
use ovn_domain::accounting::endorsement::Endorsed;
use ovn_domain::{contribution_status, ContributionStatus, EndorsementKind};
use ovn_integrity::constitution::network_constitution;
use ovn_integrity::{Contribution, Endorsement, LinkTypes};
use std::collections::BTreeMap;

/// A contribution's standing, with the endorsements and corrections it was computed from.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContributionStatusReport {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub contribution: ActionHash,
    pub status: ContributionStatus,
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::Record>"))]
    pub endorsements: Vec<Record>,
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub corrected_by: Vec<ActionHash>,
}

/// The standing of `contribution` (whose entry is `c`), read from the DHT.
pub fn status_report(
    contribution: ActionHash,
    c: &Contribution,
) -> ExternResult<ContributionStatusReport> {
    status_report_as_of(contribution, c, None)
}

/// The standing of `contribution` as it was at `until` (endorsed and corrected by then), or now
/// for `None`: the audit asks whether a contribution counted when a distribution was made.
pub fn status_report_as_of(
    contribution: ActionHash,
    c: &Contribution,
    until: Option<Timestamp>,
) -> ExternResult<ContributionStatusReport> {
    let by_then = |t: &Timestamp| until.is_none_or(|u| *t <= u);
    let endorsements: Vec<Record> = get_targets(get_links(
        LinkQuery::try_new(contribution.clone(), LinkTypes::ContributionToEndorsements)?,
        GetStrategy::default(),
    )?)?
    .into_iter()
    .filter(|r| by_then(&r.action().timestamp()))
    .collect();
    let corrected_by = corrections_of(&contribution, by_then)?;
    let read = read_endorsements(&endorsements, &contribution);
    let endorsed: Vec<Endorsed<'_, AgentPubKey>> = read
        .iter()
        .map(|(endorser, at_micros, _, e)| Endorsed {
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

impl ContributionStatusReport {
    /// The confirmations that make it count: each endorser's latest endorsement, where that is
    /// a Confirm (on equal timestamps a dispute wins, as in the status rule).
    pub fn standing_confirmations(&self) -> Vec<ActionHash> {
        self.standing().into_iter().map(|(_, hash)| hash).collect()
    }

    /// [`Self::standing_confirmations`] with their endorsers, by endorser key.
    pub fn standing(&self) -> Vec<(AgentPubKey, ActionHash)> {
        let mut latest: BTreeMap<AgentPubKey, (i64, bool, ActionHash)> = BTreeMap::new();
        for (endorser, at, hash, e) in read_endorsements(&self.endorsements, &self.contribution) {
            let disputes = e.kind != EndorsementKind::Confirm;
            let candidate = (at, disputes, hash);
            match latest.get(&endorser) {
                Some(held) if (held.0, held.1) >= (candidate.0, candidate.1) => {}
                _ => {
                    latest.insert(endorser, candidate);
                }
            }
        }
        latest
            .into_iter()
            .filter(|(_, (_, disputes, _))| !disputes)
            .map(|(agent, (_, _, hash))| (agent, hash))
            .collect()
    }
}

/// The contributions that correct `contribution`, linked at a time `by_then` accepts.
fn corrections_of(
    contribution: &ActionHash,
    by_then: impl Fn(&Timestamp) -> bool,
) -> ExternResult<Vec<ActionHash>> {
    Ok(get_links(
        LinkQuery::try_new(contribution.clone(), LinkTypes::ContributionToCorrections)?,
        GetStrategy::default(),
    )?
    .into_iter()
    .filter(|l| by_then(&l.timestamp))
    .filter_map(|l| l.target.into_action_hash())
    .collect())
}

/// Each endorsement of `contribution` with its author, time and hash.
fn read_endorsements(
    records: &[Record],
    contribution: &ActionHash,
) -> Vec<(AgentPubKey, i64, ActionHash, Endorsement)> {
    records
        .iter()
        .filter_map(|r| {
            let e: Endorsement = r.entry().to_app_option().ok().flatten()?;
            (&e.contribution == contribution).then(|| {
                (
                    r.action().author().clone(),
                    r.action().timestamp().as_micros(),
                    r.action_address().clone(),
                    e,
                )
            })
        })
        .collect()
}
