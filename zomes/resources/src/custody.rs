//! Asking for a resource, handing it on and accepting it: custody's writes. What they check
//! the history for is read by [`crate::history`].

use crate::history::{custody_history, read_history};
use crate::resources::must_find_resource;
use crate::ResourcesError;
use hdk::prelude::*;
use ovn_domain::resources::custody::{
    check_condition_note, check_offer_window, check_requester, DEFAULT_OFFER_MICROS,
};
use ovn_domain::text::{check_text, MAX_PROSE};
use ovn_domain::Rights;
use ovn_integrity::validate_op;
use ovn_integrity::{
    CustodyAcceptance, CustodyDecline, CustodyRequest, CustodyTransfer, EntryTypes, LinkTypes,
    UnitEntryTypes,
};
use ovn_zome_support::input::Input;
use ovn_zome_support::membership::{my_profile_creation, profile_creation_of};
use ovn_zome_support::records::{committed, get_targets, must_read, own_entries};

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequestCustodyInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    /// Why, and for how long.
    pub note: String,
}

/// Asks the custodian for a resource: a request they see with `get_custody_requests`, made
/// under the current custody state (its custodian is the one asked; not the caller).
#[hdk_extern]
pub fn request_custody(input: Input) -> ExternResult<Record> {
    let input: RequestCustodyInput = input.decode()?;
    check_text("note", &input.note, MAX_PROSE).map_err(ResourcesError::from)?;
    let me = agent_info()?.agent_initial_pubkey;
    let history = custody_history(input.resource.clone())?;
    check_requester(&me, &history.custodian).map_err(ResourcesError::from)?;
    let profile = my_profile_creation()?.ok_or(ResourcesError::NoProfile { agent: me })?;
    let request = CustodyRequest {
        resource: input.resource.clone(),
        requester_profile: profile,
        note: input.note,
        custody: history.state,
    };
    let hash = create_entry(EntryTypes::CustodyRequest(request))?;
    create_link(
        input.resource,
        hash.clone(),
        LinkTypes::ResourceToCustodyRequests,
        (),
    )?;
    committed(hash)
}

/// The requests for a resource, oldest first; none by its current custodian. Validation
/// (custody request rule 3) holds a request to the state it names, so a custodian could name
/// an older state and ask for what they hold: moot, and left out here.
#[hdk_extern]
pub fn get_custody_requests(resource: Input) -> ExternResult<Vec<Record>> {
    let resource: ActionHash = resource.decode()?;
    let custodian = custody_history(resource.clone())?.custodian;
    let requests = get_targets(get_links(
        LinkQuery::try_new(resource, LinkTypes::ResourceToCustodyRequests)?,
        GetStrategy::default(),
    )?)?;
    Ok(requests
        .into_iter()
        .filter(|r| r.action().author() != &custodian)
        .collect())
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TransferCustodyInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub to: AgentPubKey,
    /// Custody only when not given. Ownership only for Shared or Private resources.
    #[serde(default)]
    pub rights: Option<Rights>,
    /// The resource's condition as handed over.
    #[serde(default)]
    pub condition_note: String,
    /// How many days the offer stays open (7 when not given, at most 30).
    #[serde(default)]
    pub open_days: Option<u32>,
}

/// Offers the caller's resource to a member, open for `open_days`. Custody moves when they
/// accept; once they decline or the offer expires, the caller may offer it again.
#[hdk_extern]
pub fn transfer_custody(input: Input) -> ExternResult<Record> {
    let input: TransferCustodyInput = input.decode()?;
    check_condition_note(&input.condition_note).map_err(ResourcesError::from)?;
    let (record, resource) = must_find_resource(&input.resource)?;
    let history = read_history(&record, &resource)?;
    let me = agent_info()?.agent_initial_pubkey;
    if history.holding.custodian != me {
        return Err(ResourcesError::NotCustodian {
            resource: input.resource,
            agent: me,
            custodian: history.holding.custodian,
        }
        .into());
    }
    let now = sys_time()?;
    if let Some(pending) = history.pending.filter(|p| now.as_micros() <= p.expires) {
        return Err(ResourcesError::AlreadyOffered {
            resource: input.resource,
            transfer: pending.transfer,
            to: pending.to,
            expires: Timestamp::from_micros(pending.expires),
        }
        .into());
    }
    let open = input.open_days.map_or(DEFAULT_OFFER_MICROS, |d| {
        i64::from(d).saturating_mul(86_400_000_000)
    });
    let expires = Timestamp::from_micros(now.as_micros().saturating_add(open));
    check_offer_window(now.as_micros(), expires.as_micros()).map_err(ResourcesError::from)?;
    let rights = input.rights.unwrap_or(Rights::Custody);
    history
        .holding
        .check_transfer(resource.regime, &me, &input.to, &rights)
        .map_err(ResourcesError::from)?;
    let to_profile = profile_creation_of(&input.to)?.ok_or(ResourcesError::NoProfile {
        agent: input.to.clone(),
    })?;
    let transfer = CustodyTransfer {
        resource: input.resource.clone(),
        prev: history.state,
        to: input.to,
        to_profile,
        rights,
        owner: history.holding.owner,
        condition_note: input.condition_note,
        expires,
        after_decline: history.declined.map(|d| d.decline),
    };
    let hash = create_entry(EntryTypes::CustodyTransfer(transfer))?;
    create_link(
        input.resource,
        hash.clone(),
        LinkTypes::ResourceToCustody,
        (),
    )?;
    committed(hash)
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AcceptCustodyInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub transfer: ActionHash,
    /// The resource's condition as received.
    #[serde(default)]
    pub condition_note: String,
}

/// Accepts a transfer offered to the caller: custody is theirs from now on.
#[hdk_extern]
pub fn accept_custody(input: Input) -> ExternResult<Record> {
    let input: AcceptCustodyInput = input.decode()?;
    check_condition_note(&input.condition_note).map_err(ResourcesError::from)?;
    let transfer = offer_to_answer(&input.transfer)?;
    if sys_time()? > transfer.expires {
        return Err(ResourcesError::OfferExpired {
            transfer: input.transfer,
            expires: transfer.expires,
        }
        .into());
    }
    let acceptance = CustodyAcceptance {
        resource: transfer.resource.clone(),
        transfer: input.transfer,
        condition_note: input.condition_note,
    };
    let hash = create_entry(EntryTypes::CustodyAcceptance(acceptance))?;
    create_link(
        transfer.resource,
        hash.clone(),
        LinkTypes::ResourceToCustody,
        (),
    )?;
    create_link(
        agent_info()?.agent_initial_pubkey,
        hash.clone(),
        LinkTypes::AgentToCustodyStates,
        (),
    )?;
    committed(hash)
}

/// Refuses an offer the network rejects or will reject, before its recipient signs an answer
/// that would be rejected with it (and warranted): the offer is run through the validators' own
/// rules (`ovn_integrity::validate_op`, reading the offerer's chain as they do: an offer of a
/// state still offered is invalid even where this conductor cached it as valid), and it must be
/// the pending offer of the resource's history as `replay` reads it (the current state's valid
/// offer that nobody accepted or declined).
fn must_be_the_valid_offer(record: &Record, transfer: &CustodyTransfer) -> ExternResult<()> {
    let offer = record.action_address().clone();
    let verdict = validate_op(Op::CreateRecord(CreateRecord {
        record: record.clone(),
    }))?;
    if let ValidateCallbackResult::Invalid(reason) = verdict {
        return Err(ResourcesError::InvalidOffer {
            transfer: offer,
            reason,
        }
        .into());
    }
    let history = custody_history(transfer.resource.clone())?;
    match history.pending {
        Some(p) if p.transfer == offer => Ok(()),
        pending => Err(ResourcesError::NotThePendingOffer {
            transfer: offer,
            pending: pending.map(|p| p.transfer),
        }
        .into()),
    }
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DeclineCustodyInput {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub transfer: ActionHash,
    /// Why, for the custodian.
    #[serde(default)]
    pub note: String,
}

/// Declines a transfer offered to the caller: the offer lapses and its custodian may offer the
/// resource again.
#[hdk_extern]
pub fn decline_custody(input: Input) -> ExternResult<Record> {
    let input: DeclineCustodyInput = input.decode()?;
    check_condition_note(&input.note).map_err(ResourcesError::from)?;
    let transfer = offer_to_answer(&input.transfer)?;
    let decline = CustodyDecline {
        resource: transfer.resource.clone(),
        transfer: input.transfer,
        note: input.note,
    };
    let hash = create_entry(EntryTypes::CustodyDecline(decline))?;
    create_link(
        transfer.resource,
        hash.clone(),
        LinkTypes::ResourceToCustody,
        (),
    )?;
    committed(hash)
}

/// The transfer at `hash`, once it is an offer the caller may answer (accept or decline): made
/// to them, not answered yet, and the valid pending offer ([`must_be_the_valid_offer`]).
fn offer_to_answer(hash: &ActionHash) -> ExternResult<CustodyTransfer> {
    let (record, transfer) = must_read::<CustodyTransfer>(hash)?;
    let me = agent_info()?.agent_initial_pubkey;
    if transfer.to != me {
        return Err(ResourcesError::NotRecipient {
            transfer: hash.clone(),
            recipient: transfer.to,
        }
        .into());
    }
    if answered(hash)? {
        return Err(ResourcesError::AlreadyAnswered(hash.clone()).into());
    }
    must_be_the_valid_offer(&record, &transfer)?;
    Ok(transfer)
}

/// Whether the caller already accepted or declined `transfer`.
fn answered(transfer: &ActionHash) -> ExternResult<bool> {
    let mut mine = own_entries(UnitEntryTypes::CustodyAcceptance.try_into()?)?;
    mine.extend(own_entries(UnitEntryTypes::CustodyDecline.try_into()?)?);
    Ok(mine.iter().any(|r| {
        let accepted = r
            .entry()
            .to_app_option::<CustodyAcceptance>()
            .ok()
            .flatten();
        let declined = r.entry().to_app_option::<CustodyDecline>().ok().flatten();
        accepted.is_some_and(|a| &a.transfer == transfer)
            || declined.is_some_and(|d| &d.transfer == transfer)
    }))
}
