//! Recording a project's income, and listing it with what became of it.

use crate::LedgerError;
use hdk::prelude::*;
use ovn_domain::bounds::check_date;
use ovn_domain::ledger::income::{
    check_fee_income, check_income, check_upstream_income, FeeSource,
};
use ovn_domain::IncomeSource;
use ovn_integrity::resources::custody_transfer::custody_state;
use ovn_integrity::verdict::must_get_app_entry;
use ovn_integrity::{
    Distribution, EntryTypes, IncomeEvent, LicenseGrant, LinkTypes, Project, Resource, ResourceUse,
    UnitEntryTypes,
};
use ovn_zome_support::input::Input;
use ovn_zome_support::records::{committed, get_targets, listed, must_read, own_entries, with_own};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecordIncomeInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub project: ActionHash,
    /// In the network currency's minor units.
    pub amount: u64,
    #[cfg_attr(feature = "ts", ts(as = "IncomeSource<ovn_domain::ts::ActionHash>"))]
    pub source: IncomeSource<ActionHash>,
    pub description: String,
    pub evidence: Vec<String>,
    /// When the money arrived; now if not given.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::Timestamp>"))]
    pub received: Option<Timestamp>,
}

/// Records income the caller received for a project (the caller holds the funds).
#[hdk_extern]
pub fn record_income(input: Input) -> ExternResult<Record> {
    let input: RecordIncomeInput = input.decode()?;
    let now = sys_time()?;
    let received = input.received.unwrap_or(now);
    check_income(input.amount, &input.description, &input.evidence).map_err(LedgerError::from)?;
    check_date(received.as_micros(), now.as_micros()).map_err(LedgerError::from)?;
    must_read::<Project>(&input.project)?;
    if let IncomeSource::Upstream { distribution } = &input.source {
        check_upstream_source(distribution, input.amount, &input.project)?;
    } else {
        check_fee_source(&input.source, input.amount, &input.project)?;
    }
    let income = IncomeEvent {
        project: input.project.clone(),
        amount: input.amount,
        source: input.source,
        description: input.description,
        evidence: input.evidence,
        received,
    };
    refuse_if_recorded(&income)?;
    let hash = create_entry(EntryTypes::IncomeEvent(income))?;
    create_link(
        input.project,
        hash.clone(),
        LinkTypes::ProjectToIncomeEvents,
        (),
    )?;
    committed(hash)
}

/// A use fee is the use's fee exactly, recorded by who collects the fees of the custody state
/// the use names; a license fee the grant's fee exactly, recorded by the licensor. Either is
/// income of the project the resource names, recorded once.
fn check_fee_source(
    source: &IncomeSource<ActionHash>,
    amount: u64,
    project: &ActionHash,
) -> ExternResult<()> {
    let me = agent_info()?.agent_initial_pubkey;
    let (what, verb, record, fee, resource) = match source {
        IncomeSource::UseFee { resource_use } => {
            let (_, usage) = must_read::<ResourceUse>(resource_use)?;
            let collector = fee_collector(&usage)?;
            if collector != me {
                return Err(LedgerError::NotTheCollector {
                    resource_use: resource_use.clone(),
                    collector,
                }
                .into());
            }
            ("use", "paid", resource_use, usage.fee, usage.resource)
        }
        IncomeSource::LicenseFee { grant } => {
            let (record, granted) = must_read::<LicenseGrant>(grant)?;
            if record.action().author() != &me {
                return Err(LedgerError::NotTheLicensor {
                    grant: grant.clone(),
                    licensor: record.action().author().clone(),
                }
                .into());
            }
            ("license grant", "set", grant, granted.fee, granted.resource)
        }
        _ => return Ok(()),
    };
    let (_, found) = must_read::<Resource>(&resource)?;
    let paid = FeeSource {
        what,
        verb,
        record,
        fee,
        resource: &resource,
        resource_project: found.project.as_ref(),
    };
    check_fee_income(&paid, amount, project)
        .map_err(LedgerError::from)
        .map_err(Into::into)
}

/// An upstream income is exactly the share `distribution` pays this project, recorded once, by
/// the project's first steward (the validators' rule, `check_upstream_income`).
fn check_upstream_source(
    distribution: &ActionHash,
    amount: u64,
    project: &ActionHash,
) -> ExternResult<()> {
    let (_, d) = must_read::<Distribution>(distribution)?;
    let (_, p) = must_read::<Project>(project)?;
    let me = agent_info()?.agent_initial_pubkey;
    check_upstream_income(distribution, &d.upstream, project, amount, &p.stewards, &me)
        .map_err(LedgerError::from)
        .map_err(Into::into)
}

/// Refuses a fee or upstream share the caller already recorded (the validators' rule,
/// `IncomeEvent::same_source`).
fn refuse_if_recorded(new: &IncomeEvent) -> ExternResult<()> {
    let record = match &new.source {
        IncomeSource::LicenseFee { grant } => grant,
        IncomeSource::UseFee { resource_use } => resource_use,
        IncomeSource::Upstream { distribution } => distribution,
        _ => return Ok(()),
    };
    let mine = own_entries(UnitEntryTypes::IncomeEvent.try_into()?)?;
    if let Some((income, _)) = with_own(vec![], mine, |i: &IncomeEvent| i.same_source(new))
        .into_iter()
        .next()
    {
        return Err(LedgerError::FeeAlreadyRecorded {
            record: record.clone(),
            income,
        }
        .into());
    }
    Ok(())
}

/// Who collects the fee of `usage`: the owner, else the custodian, of the custody state it
/// names (the validators' own reading, `ovn_integrity::resources::custody_transfer::custody_state`).
fn fee_collector(usage: &ResourceUse) -> ExternResult<AgentPubKey> {
    let resource = must_get_app_entry::<Resource>(&usage.resource, UnitEntryTypes::Resource)?
        .map_err(LedgerError::UnreadableFeeSource)?;
    let state =
        custody_state(&resource, &usage.custody)?.map_err(LedgerError::UnreadableFeeSource)?;
    Ok(state.holding.fee_collector().clone())
}

/// A project's income, oldest first.
#[hdk_extern]
pub fn get_incomes_for_project(project: Input) -> ExternResult<Vec<Record>> {
    let project: ActionHash = project.decode()?;
    let found = get_targets(get_links(
        LinkQuery::try_new(project.clone(), LinkTypes::ProjectToIncomeEvents)?,
        GetStrategy::default(),
    )?)?;
    listed::<Project, _>(&project, found)
}
