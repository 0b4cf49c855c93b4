//! Who votes on a proposal, and with what weight: the records it names, read and handed to
//! `ovn_domain::governance::electorate::electorate`. Proposal, vote and decision validators,
//! the coordinator and the UI's view of a proposal all call [`electorate_of`].

use super::proposal::Proposal;
use super::rules_version::rules_of;
use crate::ledger::settlement::Settlement;
use crate::ledger::value_equation::{network_default_equation, ValueEquation};
use crate::members::project::stewards_of;
use crate::verdict::{fetched_app_entry, Fetch, Verdict};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::governance::electorate::{electorate, Counted};
use std::collections::{BTreeMap, BTreeSet};

/// What a settlement counted, as the electorate reads it.
pub type CountedItem = Counted<AgentPubKey, ActionHash, ActionHash>;

/// The contributions `settlement` counted, as the electorate (and the reputation chart) reads
/// them.
pub fn counted_items(settlement: Settlement) -> impl Iterator<Item = CountedItem> {
    settlement.items.into_iter().map(|item| Counted {
        contribution: item.contribution,
        contributor: item.contributor,
        kind: item.kind,
        when: item.when.as_micros(),
        corrects: item.corrects,
    })
}

/// Member → weight of `proposal`, opened at `opened`, reading what it names with `fetch`
/// (`verdict::must_get` in validation). `Ok(Err)` names a record it names wrongly, or an empty
/// electorate.
pub fn electorate_of(
    proposal: &Proposal,
    opened: Timestamp,
    fetch: Fetch,
) -> Verdict<BTreeMap<AgentPubKey, u64>> {
    let rules = check_verdict!(rules_of(proposal, opened, fetch)?);
    let rule = rules.rule(proposal.change.kind());
    let stewards = check_verdict!(stewards_of(
        &proposal.project,
        proposal.project_version.as_ref(),
        fetch
    )?);
    if proposal.settlements.len() > super::proposal::MAX_SETTLEMENTS {
        return Ok(Err(format!(
            "a proposal names at most {} settlements, not {}",
            super::proposal::MAX_SETTLEMENTS,
            proposal.settlements.len()
        )));
    }
    let mut seen = BTreeSet::new();
    let mut counted = Vec::new();
    for hash in &proposal.settlements {
        if !seen.insert(hash) {
            return Ok(Err(format!("settlement {hash} is named twice")));
        }
        let settlement = check_verdict!(fetched_app_entry::<Settlement>(
            hash,
            fetch(hash)?,
            UnitEntryTypes::Settlement
        )?);
        if settlement.entry.project != proposal.project {
            return Ok(Err(format!("settlement {hash} is another project's")));
        }
        if settlement.record.action().timestamp() >= opened {
            return Ok(Err(format!(
                "settlement {hash} was made after the proposal opened"
            )));
        }
        counted.extend(counted_items(settlement.entry));
    }
    let equation = match &proposal.equation {
        None => check_verdict!(network_default_equation()?),
        Some(hash) => {
            let adopted = check_verdict!(fetched_app_entry::<ValueEquation>(
                hash,
                fetch(hash)?,
                UnitEntryTypes::ValueEquation
            )?);
            if adopted.entry.project != proposal.project {
                return Ok(Err(format!("equation {hash} is another project's")));
            }
            if adopted.record.action().timestamp() >= opened {
                return Ok(Err(format!(
                    "equation {hash} was adopted after the proposal opened"
                )));
            }
            adopted.entry.equation
        }
    };
    Ok(electorate(
        &rule,
        &stewards,
        &counted,
        &equation,
        opened.as_micros(),
        rules.half_life_micros(),
    )
    .map_err(|e| e.to_string()))
}
