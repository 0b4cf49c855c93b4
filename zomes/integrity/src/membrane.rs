//! The membrane: who may join. An open network admits anyone (the seeds' permissionless
//! participation). An invite-only network admits its progenitor, and agents whose membrane proof
//! is an [`Invitation`] for their own key signed by the progenitor.

use crate::constitution::network_constitution;
use crate::verdict::{invalid, valid};
use hdi::prelude::*;
use ovn_domain::Membrane;

/// A membrane proof: the progenitor's signature over the invitee's agent key.
#[derive(Serialize, Deserialize, SerializedBytes, Debug, Clone, PartialEq)]
pub struct Invitation {
    pub invitee: AgentPubKey,
    pub signature: Signature,
}

/// Rules for joining (checked at genesis by the joiner and on its AgentValidationPkg by peers):
/// 1. The DNA properties hold a valid network constitution.
/// 2. In an invite-only network, the agent is the progenitor, or its membrane proof is an
///    invitation for this agent signed by the progenitor.
pub fn validate_agent_joining(
    agent: &AgentPubKey,
    membrane_proof: Option<&SerializedBytes>,
) -> ExternResult<ValidateCallbackResult> {
    let constitution = match network_constitution() {
        Ok(c) => c,
        Err(e) => return invalid(format!("{e:?}")),
    };
    let Membrane::InviteOnly { progenitor } = constitution.membrane else {
        return valid();
    };
    let progenitor = check!(AgentPubKey::try_from(progenitor.as_str())
        .map_err(|e| format!("membrane.progenitor {progenitor:?} is not an agent key: {e:?}")));
    if agent == &progenitor {
        return valid();
    }
    let proof = check!(membrane_proof.ok_or(
        "this network is invite-only: joining needs an invitation signed by the progenitor"
    ));
    let invitation = check!(Invitation::try_from(proof.clone())
        .map_err(|e| format!("the membrane proof is not an invitation: {e}")));
    if &invitation.invitee != agent {
        return invalid(format!(
            "the invitation is for {}, not for {agent}",
            invitation.invitee
        ));
    }
    if !verify_signature(progenitor, invitation.signature, agent.clone())? {
        return invalid("the invitation is not signed by the network's progenitor");
    }
    valid()
}
