//! Invitations to an invite-only network: its progenitor signs a newcomer's agent key, and the
//! newcomer's node joins with that signature as its membrane proof
//! (`ovn_integrity::membrane`). Issuing one writes nothing: it is a signature handed over, not
//! a record.

use crate::MembersError;
use hdk::prelude::*;
use ovn_domain::members::invitation::invitation_text;
use ovn_domain::Membrane;
use ovn_integrity::constitution::network_constitution;
use ovn_integrity::membrane::validate_agent_joining;
use ovn_integrity::Invitation;
use ovn_zome_support::input::Input;

/// An invitation for `invitee`, as the text `ovn-node --invitation` takes. Only the network's
/// progenitor issues them, and only in an invite-only network; the invitation is checked by
/// the same joining rule every peer runs before it is handed out.
#[hdk_extern]
pub fn invite(invitee: Input) -> ExternResult<String> {
    let invitee: AgentPubKey = invitee.decode()?;
    let Membrane::InviteOnly { progenitor } = network_constitution()?.membrane else {
        return Err(MembersError::OpenNetwork.into());
    };
    let me = agent_info()?.agent_initial_pubkey;
    if me.to_string() != progenitor {
        return Err(MembersError::NotProgenitor { progenitor }.into());
    }
    if invitee == me {
        return Err(MembersError::InvitingProgenitor.into());
    }
    let signature = sign(me, invitee.clone())?;
    let proof = SerializedBytes::try_from(Invitation {
        invitee: invitee.clone(),
        signature,
    })
    .map_err(|e| wasm_error!(e))?;
    if let ValidateCallbackResult::Invalid(why) = validate_agent_joining(&invitee, Some(&proof))? {
        return Err(wasm_error!(WasmErrorInner::Guest(format!(
            "the invitation would not admit {invitee}: {why}"
        ))));
    }
    Ok(invitation_text(proof.bytes()))
}
