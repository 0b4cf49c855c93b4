//! [`CustodyTransfer`]: the custodian offers a resource to a member. Custody moves only when
//! the recipient accepts ([`crate::resources::custody_acceptance`]). Immutable.
//!
//! Validators keep the history a single path from the author's own chain and one hop back: the
//! author held `prev`, and the owner as of `prev` is read from the transfer that `prev`
//! accepted, which carries the owner as of its own `prev`. An offer expires (at most 30 days
//! on); the state is offered again only once the author's last offer of it since `prev` lapsed:
//! declined by its recipient (the decline is named) or expired before the new offer was made.
//! Acceptances come by the expiry and re-offers after it, so no two offers of a state are open
//! at once; of two offers both accepted (a re-offer of a state whose first offer had been
//! accepted, which validators cannot see on another chain), reads take the first
//! (`ovn_domain::resources::custody::replay`).

use crate::members::profile::own_profile;
use crate::resources::custody_acceptance::CustodyAcceptance;
use crate::resources::custody_decline::CustodyDecline;
use crate::resources::resource::Resource;
use crate::verdict::{
    hashed_actions_since, hashed_entries_created, invalid, must_get_app_entry, valid, Referenced,
    Verdict,
};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::resources::custody::{
    check_condition_note, check_offer_window, check_reoffer, EarlierOffer,
};
use ovn_domain::{DomainError, Holding, Rights};

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CustodyTransfer {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    /// The custody state handed on: the resource's creation, or the author's acceptance of it.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub prev: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub to: AgentPubKey,
    /// The recipient's Profile: custody goes to members.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub to_profile: ActionHash,
    pub rights: Rights,
    /// The owner as of `prev` (`None` for regimes without one), so the next transfer reads it
    /// from here, one hop back.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::AgentPubKey>"))]
    pub owner: Option<AgentPubKey>,
    /// The resource's condition as handed over.
    pub condition_note: String,
    /// After this the recipient can no longer accept, and the custodian may offer the state
    /// again: within 30 days of the offer.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub expires: Timestamp,
    /// When `prev` was offered before and that offer was declined: the recipient's decline.
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub after_decline: Option<ActionHash>,
}

/// Who held the resource in custody state `prev`, as far as `author` may hand it on: `prev` is
/// the author's own creation of the resource or their acceptance of a transfer of it.
/// `Err` = cannot decide yet; `Ok(Err(reason))` = not a custody state the author can offer.
pub fn holding_as_of(
    author: &AgentPubKey,
    resource: &Referenced<Resource>,
    prev: &ActionHash,
) -> Verdict<Holding<AgentPubKey>> {
    let state = match custody_state(resource, prev)? {
        Ok(state) => state,
        Err(e) => return Ok(Err(e)),
    };
    // The creation's holder is checked with the transfer's other rules (`check_transfer`).
    if prev != resource.record.action_address() && &state.holding.custodian != author {
        return Ok(Err(format!(
            "{prev} is {}'s custody state, not {author}'s",
            state.holding.custodian
        )));
    }
    Ok(Ok(state.holding))
}

/// A custody state of a resource: who held it, and since when.
pub struct CustodyState {
    pub holding: Holding<AgentPubKey>,
    /// When the state began: the resource's creation, or the acceptance.
    pub since: Timestamp,
}

/// The custody state `state` of `resource`: its creation, or an acceptance of a transfer of it
/// (whose author is then the custodian). `Ok(Err(reason))` = not a custody state of it.
pub fn custody_state(resource: &Referenced<Resource>, state: &ActionHash) -> Verdict<CustodyState> {
    let resource_hash = resource.record.action_address();
    if state == resource_hash {
        return Ok(Ok(CustodyState {
            holding: Holding::created(resource.author(), resource.entry.regime),
            since: resource.record.action().timestamp(),
        }));
    }
    let acceptance =
        match must_get_app_entry::<CustodyAcceptance>(state, UnitEntryTypes::CustodyAcceptance)? {
            Ok(a) => a,
            Err(_) => {
                return Ok(Err(format!(
                    "{state} is neither the resource's creation nor an acceptance of it"
                )))
            }
        };
    if &acceptance.entry.resource != resource_hash {
        return Ok(Err(format!("{state} accepts another resource")));
    }
    let transfer = match must_get_app_entry::<CustodyTransfer>(
        &acceptance.entry.transfer,
        UnitEntryTypes::CustodyTransfer,
    )? {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let before = Holding {
        custodian: transfer.author().clone(),
        owner: transfer.entry.owner.clone(),
    };
    // The acceptance's validation made its author the transfer's recipient.
    Ok(Ok(CustodyState {
        holding: before.after(&transfer.entry.to, &transfer.entry.rights),
        since: acceptance.record.action().timestamp(),
    }))
}

/// Rules:
/// 1. The condition note is bounded; the resource is a Resource.
/// 2. `prev` is a custody state the author held: the resource's creation by the author, or the
///    author's acceptance of a transfer of it ([`holding_as_of`]); `owner` is its owner.
/// 3. The author is the custodian as of `prev`, the recipient someone else, and ownership
///    changes hands only for a Shared or Private resource, by its owner: a Nondominium,
///    Commons or Public resource is never sold ([`Holding::check_transfer`]).
/// 4. The recipient is a member: `to_profile` is a Profile the recipient authored.
/// 5. `prev` is the author's latest custody state of the resource (no acceptance of it on their
///    chain since), and any earlier offer of it lapsed: the author's last offer of `prev` was
///    declined (by the decline `after_decline` names) or expired an hour or more before this one
///    (`ovn_domain::resources::custody::check_reoffer`).
/// 6. It expires after it is made, within 30 days (`check_offer_window`).
pub fn validate_create_custody_transfer(
    header: &ActionHeader,
    transfer: &CustodyTransfer,
) -> ExternResult<ValidateCallbackResult> {
    check!(check_condition_note(&transfer.condition_note));
    let resource = check!(must_get_app_entry::<Resource>(
        &transfer.resource,
        UnitEntryTypes::Resource
    )?);
    let holding = check!(holding_as_of(&header.author, &resource, &transfer.prev)?);
    if transfer.owner != holding.owner {
        return invalid(format!(
            "the transfer names {:?} as the owner; as of {} the owner is {:?}",
            transfer.owner, transfer.prev, holding.owner
        ));
    }
    check!(holding.check_transfer(
        resource.entry.regime,
        &header.author,
        &transfer.to,
        &transfer.rights
    ));
    check!(own_profile(
        &transfer.to_profile,
        &transfer.to,
        ": custody goes to members"
    )?);
    if let Some((earlier, offer)) = check!(last_offer_since(
        header,
        &transfer.resource,
        &transfer.prev
    )?) {
        let declined = match &transfer.after_decline {
            None => false,
            Some(decline) => {
                let d = check!(must_get_app_entry::<CustodyDecline>(
                    decline,
                    UnitEntryTypes::CustodyDecline
                )?);
                if d.entry.transfer != earlier {
                    return invalid(format!("{decline} declines another offer than {earlier}"));
                }
                true
            }
        };
        check!(check_reoffer(
            &transfer.prev,
            &EarlierOffer {
                id: &earlier,
                expires_micros: offer.expires.as_micros(),
                declined,
            },
            header.timestamp.as_micros()
        ));
    }
    check!(check_offer_window(
        header.timestamp.as_micros(),
        transfer.expires.as_micros()
    ));
    valid()
}

/// The author's last offer of `prev` since that custody state, with its hash; `Err` when `prev`
/// is not the author's latest state of `resource` (they accepted it again since). Reads only
/// the author's actions since `prev` (rule 2 made it the author's own action).
fn last_offer_since(
    header: &ActionHeader,
    resource: &ActionHash,
    prev: &ActionHash,
) -> ExternResult<Result<Option<(ActionHash, CustodyTransfer)>, String>> {
    // `prev` itself (the oldest) is a creation or an acceptance, never an offer; newest first.
    let since = hashed_actions_since(header, prev)?;
    let later: Vec<(ActionHash, Action, CustodyAcceptance)> =
        hashed_entries_created(&since, UnitEntryTypes::CustodyAcceptance)?;
    // (`prev` itself, the oldest of these, may be the author's acceptance: not a later one.)
    if later
        .iter()
        .any(|(hash, _, a)| hash != prev && &a.resource == resource)
    {
        return Ok(Err(DomainError::StaleCustodyState {
            state: prev.to_string(),
        }
        .to_string()));
    }
    let offers: Vec<(ActionHash, Action, CustodyTransfer)> =
        hashed_entries_created(&since, UnitEntryTypes::CustodyTransfer)?;
    Ok(Ok(offers
        .into_iter()
        .find(|(_, _, t)| &t.resource == resource && &t.prev == prev)
        .map(|(hash, _, t)| (hash, t))))
}

/// Rules:
/// 1. Custody transfers are never updated: the recipient accepts what was signed.
pub fn validate_update_custody_transfer() -> ExternResult<ValidateCallbackResult> {
    invalid("custody transfers cannot be updated")
}
