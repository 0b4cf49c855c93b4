//! Joining a network on an agent's first start: the agent's key (kept in `agent-N/agent-key`
//! from `ovn-node key` until the install uses it), the install with an invite-only network's
//! membrane proof, and a membrane's refusal said as what to do.

use crate::agent::app_info;
use crate::{data_dir, with_progress, APP_ID, ROLE};
use anyhow::Context;
use holochain::conductor::ConductorHandle;
use holochain::prelude::*;
use std::path::Path;
use std::sync::Arc;

/// What an agent joins with on its first start: the network's seed, and the membrane proof of
/// an invite-only network (the bytes an invitation's text carries).
#[derive(Clone, Copy, Default)]
pub struct Joining<'a> {
    pub network_seed: Option<&'a str>,
    pub invitation: Option<&'a [u8]>,
}

/// Installs the hApp for `key` on agent `index`'s conductor, as `joining` asks.
pub(crate) async fn install(
    index: u16,
    conductor: &ConductorHandle,
    happ: &bytes::Bytes,
    key: &AgentPubKey,
    joining: Joining<'_>,
) -> anyhow::Result<()> {
    let roles_settings = joining.invitation.map(|proof| {
        let proof = SerializedBytes::from(UnsafeBytes::from(proof.to_vec()));
        let settings = RoleSettings::Provisioned {
            membrane_proof: Some(Arc::new(proof)),
            modifiers: None,
            init_properties: None,
        };
        std::collections::HashMap::from([(ROLE.to_string(), settings)])
    });
    let payload = InstallAppPayload {
        source: AppBundleSource::Bytes(happ.clone()),
        agent_key: Some(key.clone()),
        installed_app_id: Some(APP_ID.to_string()),
        network_seed: joining.network_seed.map(str::to_string),
        roles_settings,
        ignore_genesis_failure: false,
        restore_from_dht: false,
    };
    let installed = with_progress(
        &format!("agent {index}: first start: installing the OVN hApp for {key} (genesis)"),
        async {
            conductor.clone().install_app_bundle(payload).await?;
            conductor.clone().enable_app(APP_ID.to_string()).await?;
            anyhow::Ok(())
        },
    )
    .await;
    installed.map_err(|error| refused_at_the_membrane(error, key, joining.invitation.is_some()))
}

/// An install error, said as what to do when the network's membrane refused the agent.
fn refused_at_the_membrane(
    error: anyhow::Error,
    key: &AgentPubKey,
    invited: bool,
) -> anyhow::Error {
    let text = format!("{error:#}");
    let ask = format!(
        "send this node's agent key {key} to the network's progenitor, who runs `ovn-node invite \
         {key}` (or issues one on their Profile page), then start this node again with \
         --invitation TEXT"
    );
    if text.contains("invite-only") && !invited {
        anyhow::anyhow!("this network is invite-only and this node has no invitation: {ask}")
    } else if text.contains("invitation") && invited {
        error.context(format!(
            "the network refused this invitation (is it for {key}, from this network's \
             progenitor?): {ask}"
        ))
    } else {
        error.context("installing the OVN hApp")
    }
}

/// The agent's key: the installed app's, else the one kept in `agent-key` (made by `ovn-node
/// key` or an earlier first start that did not finish), else a new one, kept there now so that
/// an invitation for it stays good until the node joins.
pub async fn own_key(dir: &Path, conductor: &ConductorHandle) -> anyhow::Result<AgentPubKey> {
    if let Some(info) = app_info(conductor).await? {
        return Ok(info.agent_pub_key);
    }
    let path = dir.join("agent-key");
    if path.exists() {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        return AgentPubKey::try_from(text.trim())
            .map_err(|e| anyhow::anyhow!("{} does not hold an agent key: {e:?}", path.display()));
    }
    let key = conductor
        .keystore()
        .new_sign_keypair_random()
        .await
        .context("the keystore did not make a key")?;
    data_dir::write_new_file(dir, "agent-key", &key.to_string())?;
    Ok(key)
}
