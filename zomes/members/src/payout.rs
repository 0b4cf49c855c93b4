//! Payout details reach those who pay: a payee's contact and payout details stay on their own
//! chain (a private entry), and the payee lets a distributor read their payout details through a
//! Holochain capability grant, assigned to that distributor alone and revocable at any time.
//!
//! The handshake: the payee commits a `CapGrant` for `get_payout_details`, assigned to the
//! distributor with a fresh secret, and sends the secret to the distributor's
//! `receive_payout_access` (open to anyone: it only stores a claim, and a claim is worth nothing
//! without the grant), which commits it as a `CapClaim`. The distributor then calls
//! `fetch_payout_details(payee)`: a remote call to the payee's node with that secret, answered
//! while the payee is online and the grant stands. When the distributor cannot be told, the call
//! fails and writes nothing (the grant is rolled back with it).

use crate::MembersError;
use hdk::prelude::*;
use ovn_integrity::PrivateProfile;
use ovn_zome_support::input::Input;
use std::collections::{BTreeSet, HashSet};

const TAG: &str = "payout details";

/// One distributor the caller shares their payout details with.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PayoutShare {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub with: AgentPubKey,
    /// The grant's action: revoking deletes it.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub grant: ActionHash,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub since: Timestamp,
}

/// The grant's secret as the payee sends it to the distributor.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct PayoutAccess {
    pub secret: CapSecret,
}

/// Opens `receive_payout_access` to any agent: a distributor must be able to receive a grant.
pub fn open_receive_payout_access() -> ExternResult<()> {
    let functions = GrantedFunctions::Listed(HashSet::from([(
        zome_info()?.name,
        FunctionName::from("receive_payout_access"),
    )]));
    create_cap_grant(CapGrant::new_zome_call_grant(
        "receive payout access".into(),
        GrantConstraint::Unrestricted,
        functions,
    ))?;
    Ok(())
}

/// Lets `with` (the distributor of an income the caller was paid from) read the caller's payout
/// details, until revoked. Sharing again with the same agent changes nothing.
#[hdk_extern]
pub fn share_payout_details(with: Input) -> ExternResult<PayoutShare> {
    let with: AgentPubKey = with.decode()?;
    let me = agent_info()?.agent_initial_pubkey;
    if with == me {
        return Err(MembersError::ShareWithSelf.into());
    }
    if let Some(share) = payout_shares()?.into_iter().find(|s| s.with == with) {
        return Ok(share);
    }
    let secret = generate_cap_secret()?;
    let functions = GrantedFunctions::Listed(HashSet::from([(
        zome_info()?.name,
        FunctionName::from("get_payout_details"),
    )]));
    let constraint = GrantConstraint::Assigned {
        secret,
        assignees: BTreeSet::from([with.clone()]),
    };
    let grant = create_cap_grant(CapGrant::new_zome_call_grant(
        TAG.into(),
        constraint,
        functions,
    ))?;
    let told = call_remote(
        with.clone(),
        zome_info()?.name,
        "receive_payout_access".into(),
        None,
        PayoutAccess { secret },
    )?;
    if !matches!(told, ZomeCallResponse::Ok(_)) {
        return Err(MembersError::Unreachable {
            agent: with,
            why: describe(&told),
        }
        .into());
    }
    payout_shares()?
        .into_iter()
        .find(|s| s.grant == grant)
        .ok_or_else(|| {
            wasm_error!(WasmErrorInner::Guest(
                "the grant just made is not on the chain".into()
            ))
        })
}

/// Stores a payee's grant secret as a claim (called by the payee's node); the same secret again
/// writes nothing.
#[hdk_extern]
pub fn receive_payout_access(access: Input) -> ExternResult<()> {
    let access: PayoutAccess = access.decode()?;
    let grantor = call_info()?.provenance;
    if latest_claim_from(&grantor)?.is_some_and(|c| c.secret == access.secret) {
        return Ok(());
    }
    create_cap_claim(CapClaim {
        tag: TAG.into(),
        grantor,
        secret: access.secret,
    })?;
    Ok(())
}

/// The caller's payout details (called remotely by a distributor holding a grant, or by the
/// caller); empty when they have none.
#[hdk_extern]
pub fn get_payout_details(nothing: Input) -> ExternResult<String> {
    nothing.decode::<()>()?;
    Ok(crate::profiles::my_private_profile()?
        .map(|p: PrivateProfile| p.payout_details)
        .unwrap_or_default())
}

/// `payee`'s payout details, asked of their node with the secret they shared.
#[hdk_extern]
pub fn fetch_payout_details(payee: Input) -> ExternResult<String> {
    let payee: AgentPubKey = payee.decode()?;
    let Some(claim) = latest_claim_from(&payee)? else {
        return Err(MembersError::NotShared { payee }.into());
    };
    let answer = call_remote(
        payee.clone(),
        zome_info()?.name,
        "get_payout_details".into(),
        Some(claim.secret),
        (),
    )?;
    match answer {
        ZomeCallResponse::Ok(io) => io.decode().map_err(|e| wasm_error!(e)),
        ZomeCallResponse::Unauthorized(..) => Err(MembersError::NotShared { payee }.into()),
        other => Err(MembersError::Unreachable {
            agent: payee,
            why: describe(&other),
        }
        .into()),
    }
}

/// Stops `with` reading the caller's payout details: deletes every grant to them.
#[hdk_extern]
pub fn revoke_payout_access(with: Input) -> ExternResult<u32> {
    let with: AgentPubKey = with.decode()?;
    let mut revoked = 0;
    for share in payout_shares()?.into_iter().filter(|s| s.with == with) {
        delete_cap_grant(share.grant)?;
        revoked += 1;
    }
    Ok(revoked)
}

/// Everyone the caller shares their payout details with, oldest first.
#[hdk_extern]
pub fn get_payout_shares(nothing: Input) -> ExternResult<Vec<PayoutShare>> {
    nothing.decode::<()>()?;
    payout_shares()
}

fn payout_shares() -> ExternResult<Vec<PayoutShare>> {
    let records = query(
        ChainQueryFilter::new()
            .entry_type(EntryType::CapGrant)
            .include_entries(true),
    )?;
    let deleted: BTreeSet<ActionHash> =
        query(ChainQueryFilter::new().action_type(ActionType::Delete))?
            .into_iter()
            .filter_map(|r| match &r.action().data {
                ActionData::Delete(d) => Some(d.deletes_address.clone()),
                _ => None,
            })
            .collect();
    Ok(records
        .into_iter()
        .filter(|r| !deleted.contains(r.action_address()))
        .filter_map(|r| {
            let Some(Entry::CapGrant(grant)) = r.entry().as_option() else {
                return None;
            };
            let GrantConstraint::Assigned { assignees, .. } = &grant.constraint else {
                return None;
            };
            let with = assignees.iter().next()?.clone();
            (grant.tag == TAG).then(|| PayoutShare {
                with,
                grant: r.action_address().clone(),
                since: r.action().timestamp(),
            })
        })
        .collect())
}

/// The newest claim `payee` sent the caller.
fn latest_claim_from(payee: &AgentPubKey) -> ExternResult<Option<CapClaim>> {
    let records = query(
        ChainQueryFilter::new()
            .entry_type(EntryType::CapClaim)
            .include_entries(true),
    )?;
    Ok(records
        .into_iter()
        .rev()
        .find_map(|r| match r.entry().as_option() {
            Some(Entry::CapClaim(c)) if &c.grantor == payee && c.tag == TAG => Some(c.clone()),
            _ => None,
        }))
}

fn describe(response: &ZomeCallResponse) -> String {
    match response {
        ZomeCallResponse::NetworkError(e) => format!("the network says: {e}"),
        ZomeCallResponse::Unauthorized(..) => "the call was not authorized".into(),
        ZomeCallResponse::Ok(_) => "it answered".into(),
        other => format!("{other:?}"),
    }
}
