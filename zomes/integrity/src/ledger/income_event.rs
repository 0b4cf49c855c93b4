//! [`IncomeEvent`]: money a project received, recorded by the agent who holds it. Immutable:
//! a distribution refers to exactly what was signed.
//!
//! A fee names what set it: `LicenseFee{grant}` is exactly the grant's fee, recorded by the
//! grantor; `UseFee{resource_use}` exactly the use's fee, recorded by who collects the fees of
//! the custody state the use names (its owner, else its custodian). Either is recorded once (one
//! recorder, once on their chain) and is income of the project the resource names, so that
//! project's value equation shares it among those who made or funded the resource, citations
//! of upstream work included. `Upstream{distribution}` is a cited project's share of another
//! project's distribution, recorded once by its first steward.

use crate::ledger::distribution::Distribution;
use crate::licenses::license_grant::LicenseGrant;
use crate::members::project::Project;
use crate::resources::custody_transfer::custody_state;
use crate::resources::resource::Resource;
use crate::resources::resource_use::ResourceUse;
use crate::verdict::{
    earlier_actions, entries_created, invalid, must_get_app_entry, valid, Verdict,
};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::bounds::check_date;
use ovn_domain::ledger::income::{
    check_fee_income, check_income, check_upstream_income, FeeSource,
};
use ovn_domain::IncomeSource;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IncomeEvent {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    /// In the network currency's minor units.
    pub amount: u64,
    #[cfg_attr(feature = "ts", ts(as = "IncomeSource<ovn_domain::ts::ActionHash>"))]
    pub source: IncomeSource<ActionHash>,
    pub description: String,
    /// URIs or content hashes of invoices, receipts, bank statements.
    pub evidence: Vec<String>,
    /// When the money arrived.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub received: Timestamp,
}

impl IncomeEvent {
    /// Whether `other` comes from the same fee or upstream share: a fee's grant or use is paid
    /// once whatever the project; an upstream share once per project it pays.
    pub fn same_source(&self, other: &IncomeEvent) -> bool {
        match &self.source {
            IncomeSource::Upstream { .. } => {
                self.source == other.source && self.project == other.project
            }
            _ => self.source == other.source,
        }
    }
}

/// Rules (the author is the agent who holds the funds):
/// 1. The amount is positive and bounded; the description and evidence are bounded.
/// 2. It is received from 2000-01-01 (`bounds::EARLIEST_DATE_MICROS`) to when it was
///    recorded, plus a five-minute clock skew.
/// 3. The project is a Project.
/// 4. A license fee names a LicenseGrant whose fee is the amount, of a resource that names this
///    project (license fees are the income of the project that made the licensed work); its
///    recorder is the grant's author (the licensor collects the fee).
/// 5. A use fee names a ResourceUse whose fee is the amount, of a resource that names this
///    project as the one that made or funded it; its recorder collects the fees of the custody
///    state the use names (`ovn_domain::Holding::fee_collector`: the owner, else the custodian).
/// 6. A fee is recorded once: no earlier income on the recorder's chain names the same grant or
///    use (and rules 4 and 5 leave one possible recorder).
/// 7. An upstream income names a Distribution of another project and is exactly its share for
///    this project, recorded once per project (one steward may be first of two cited
///    projects), by this project's first steward
///    (`ovn_domain::ledger::income::check_upstream_income`). It is the cited project's receipt
///    of that share.
pub fn validate_create_income_event(
    header: &ActionHeader,
    income: &IncomeEvent,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_income(
        income.amount,
        &income.description,
        &income.evidence
    ));
    check!(check_date(
        income.received.as_micros(),
        header.timestamp.as_micros()
    ));
    let project = check!(must_get_app_entry::<Project>(
        &income.project,
        UnitEntryTypes::Project
    )?);
    if let IncomeSource::Upstream { distribution } = &income.source {
        return check_upstream(header, income, distribution, &project.entry);
    }
    // A fee names what set it: its amount, and a resource of this project.
    let Some(paid) = check!(fee_paid(header, income)?) else {
        return valid();
    };
    let resource = check!(must_get_app_entry::<Resource>(
        &paid.resource,
        UnitEntryTypes::Resource
    )?);
    check!(check_fee_income(
        &FeeSource {
            what: paid.what,
            verb: paid.verb,
            record: &paid.record,
            fee: paid.fee,
            resource: &paid.resource,
            resource_project: resource.entry.project.as_ref(),
        },
        income.amount,
        &income.project
    ));
    valid()
}

/// What a fee income names (rule 4 or 5): the grant or use, the fee it set and the resource
/// it was paid for.
struct FeePaid {
    what: &'static str,
    verb: &'static str,
    record: ActionHash,
    fee: u64,
    resource: ActionHash,
}

/// The source of a fee income, `None` for income that is not a fee; the recorder and once-only
/// checks (rules 4 to 6) on the way.
fn fee_paid(header: &ActionHeader, income: &IncomeEvent) -> Verdict<Option<FeePaid>> {
    match &income.source {
        IncomeSource::LicenseFee { grant } => {
            let granted =
                match must_get_app_entry::<LicenseGrant>(grant, UnitEntryTypes::LicenseGrant)? {
                    Ok(g) => g,
                    Err(e) => return Ok(Err(e)),
                };
            if granted.author() != &header.author {
                return Ok(Err(format!(
                    "only {}, who granted {grant}, records its fee",
                    granted.author()
                )));
            }
            if already_recorded(header, income)? {
                return Ok(Err(format!(
                    "the fee of {grant} was already recorded as income"
                )));
            }
            Ok(Ok(Some(FeePaid {
                what: "license grant",
                verb: "set",
                record: grant.clone(),
                fee: granted.entry.fee,
                resource: granted.entry.resource,
            })))
        }
        IncomeSource::UseFee { resource_use } => {
            let usage =
                match must_get_app_entry::<ResourceUse>(resource_use, UnitEntryTypes::ResourceUse)?
                {
                    Ok(u) => u,
                    Err(e) => return Ok(Err(e)),
                };
            let resource = match must_get_app_entry::<Resource>(
                &usage.entry.resource,
                UnitEntryTypes::Resource,
            )? {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            let state = match custody_state(&resource, &usage.entry.custody)? {
                Ok(s) => s,
                Err(e) => return Ok(Err(e)),
            };
            let collector = state.holding.fee_collector();
            if collector != &header.author {
                return Ok(Err(format!(
                    "only {collector}, who collects the fees of custody state {}, records the \
                     fee of use {resource_use}",
                    usage.entry.custody
                )));
            }
            if already_recorded(header, income)? {
                return Ok(Err(format!(
                    "the fee of use {resource_use} was already recorded as income"
                )));
            }
            Ok(Ok(Some(FeePaid {
                what: "use",
                verb: "paid",
                record: resource_use.clone(),
                fee: usage.entry.fee,
                resource: usage.entry.resource,
            })))
        }
        _ => Ok(Ok(None)),
    }
}

/// Rule 7: the share `distribution` pays this project upstream, recorded once by its first
/// steward.
fn check_upstream(
    header: &ActionHeader,
    income: &IncomeEvent,
    distribution: &ActionHash,
    project: &Project,
) -> ExternResult<ValidateCallbackResult> {
    let d = check!(must_get_app_entry::<Distribution>(
        distribution,
        UnitEntryTypes::Distribution
    )?);
    check!(check_upstream_income(
        distribution,
        &d.entry.upstream,
        &income.project,
        income.amount,
        &project.stewards,
        &header.author
    ));
    if already_recorded(header, income)? {
        return invalid(format!(
            "the upstream share of {distribution} was already recorded as income"
        ));
    }
    valid()
}

/// Whether the author's chain already holds an income from `income`'s source (rules 6 and 7);
/// for an upstream share, of the same project (one steward may be first of two cited projects).
fn already_recorded(header: &ActionHeader, income: &IncomeEvent) -> ExternResult<bool> {
    let earlier = earlier_actions(header)?;
    Ok(
        entries_created::<IncomeEvent>(&earlier, UnitEntryTypes::IncomeEvent)?
            .iter()
            .any(|i| i.same_source(income)),
    )
}

/// Rules:
/// 1. Income is never updated: distributions refer to what was signed.
pub fn validate_update_income_event() -> ExternResult<ValidateCallbackResult> {
    invalid("income events cannot be updated: record the difference as a new income")
}
