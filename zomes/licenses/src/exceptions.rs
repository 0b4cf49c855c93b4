//! Deciding a particular case for one license request: where the network's decisions bind,
//! by carrying out the passed decision of the resource's project that decided it
//! (`adopt_decided_exception`); elsewhere a steward of that project decides alone
//! (`decide_exception`). Validators apply the same rule
//! (`ovn_integrity::licenses::license_exception`).

use crate::LicensesError;
use hdk::prelude::*;
use ovn_domain::governance::binding::{authority, Made};
use ovn_integrity::governance::binding::authority_of;
use ovn_integrity::licenses::license_exception::{check_terms, exception_project};
use ovn_integrity::{
    Category, Change, EntryTypes, LicenseException, LicenseRequest, LinkTypes, UnitEntryTypes,
};
use ovn_zome_support::governance::check_stands;
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::must_be_steward;
use ovn_zome_support::records::{
    committed, fetch, get_targets, listed, must_read_decision, own_entries, with_own,
};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DecideExceptionInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub request: ActionHash,
    /// How the licensee is to be treated.
    pub category: Category,
    /// What they pay, in minor units.
    pub fee: u64,
    pub reason: String,
}

/// Decides a particular case for one request as a steward of the resource's project: only
/// where the network's decisions do not bind (elsewhere, propose it and
/// [`adopt_decided_exception`]).
#[hdk_extern]
pub fn decide_exception(input: Input) -> ExternResult<Record> {
    let input: DecideExceptionInput = input.decode()?;
    let mut exception = LicenseException {
        request: input.request,
        category: input.category,
        fee: input.fee,
        reason: input.reason,
        decision: None,
        project_version: None,
    };
    check_terms(&exception.category, exception.fee, &exception.reason)
        .map_err(LicensesError::from)?;
    let project = project_of(&exception.request)?;
    let made = Made {
        project: &project,
        change: &exception.as_change(),
        replaces: None,
        at: sys_time()?.as_micros(),
    };
    authority_of("license exception", &made, None)?.map_err(LicensesError::Refused)?;
    let steward = must_be_steward(&project, "decide exceptions to its licenses")?;
    exception.project_version = steward.map_err(LicensesError::from)?.version;
    commit(exception)
}

/// Carries out `decision`, which passed a proposal to decide a license exception: the
/// exception is decided for its request. Any member may; the decision is the authority, when
/// it is the one that stands and names all this node counts (validators cannot see either).
#[hdk_extern]
pub fn adopt_decided_exception(decision: Input) -> ExternResult<Record> {
    let hash: ActionHash = decision.decode()?;
    let named = must_read_decision(&hash)?;
    let Change::Exception {
        request,
        category,
        fee,
        reason,
    } = &named.proposal.change
    else {
        return Err(LicensesError::NotAnException(hash).into());
    };
    let exception = LicenseException {
        request: request.clone(),
        category: category.clone(),
        fee: *fee,
        reason: reason.clone(),
        decision: Some(hash.clone()),
        project_version: None,
    };
    if let Some(done) = carried_out(&exception)? {
        return Err(LicensesError::AlreadyDecided {
            decision: hash,
            exception: done,
        }
        .into());
    }
    let project = project_of(request)?;
    let made = Made {
        project: &project,
        change: &named.proposal.change,
        replaces: None,
        at: sys_time()?.as_micros(),
    };
    check_stands(&named)?.map_err(LicensesError::NotStanding)?;
    authority("license exception", true, &made, Some(&named.decided()))
        .map_err(LicensesError::from)?;
    commit(exception)
}

/// The exceptions decided for a request, oldest first.
#[hdk_extern]
pub fn get_exceptions(request: Input) -> ExternResult<Vec<Record>> {
    let request: ActionHash = request.decode()?;
    listed::<LicenseRequest, _>(&request, exceptions_of(&request)?)
}

fn exceptions_of(request: &ActionHash) -> ExternResult<Vec<Record>> {
    get_targets(get_links(
        LinkQuery::try_new(request.clone(), LinkTypes::LicenseRequestToExceptions)?,
        GetStrategy::default(),
    )?)
}

/// The exception already decided for its request on the same decision, if any: the DHT's,
/// and the caller's own (the DHT may not show them yet).
fn carried_out(exception: &LicenseException) -> ExternResult<Option<ActionHash>> {
    let mine = own_entries(UnitEntryTypes::LicenseException.try_into()?)?;
    let all = with_own(
        exceptions_of(&exception.request)?,
        mine,
        |e: &LicenseException| e.request == exception.request,
    );
    Ok(all
        .into_iter()
        .find(|(_, decided)| decided.decision == exception.decision)
        .map(|(hash, _)| hash))
}

/// The project deciding `request`'s exceptions: its resource's.
fn project_of(request: &ActionHash) -> ExternResult<ActionHash> {
    Ok(exception_project(request, &fetch)?.map_err(LicensesError::Refused)?)
}

fn commit(exception: LicenseException) -> ExternResult<Record> {
    let request = exception.request.clone();
    let hash = create_entry(EntryTypes::LicenseException(exception))?;
    create_link(
        request,
        hash.clone(),
        LinkTypes::LicenseRequestToExceptions,
        (),
    )?;
    committed(hash)
}
