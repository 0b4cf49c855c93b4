//! The membrane: an invite-only network admits its progenitor and the agents it invited, and
//! nobody else; a network whose properties hold no valid constitution admits nobody. Installs
//! go through the packed `workdir/ovn.happ`, as a user's would, with the membrane proof in the
//! role settings.
//!
//! The joiner's own conductor refuses at its genesis self-check; a stranger whose conductor
//! skips that check (its genesis written straight into its database, which the install then
//! takes as done) is refused by its peers, who warrant it. Invitations come from the `members`
//! zome's `invite`, in the text form `ovn-node --invitation` takes.

use crate::common::*;
use holochain::conductor::api::error::ConductorApiResult;
use holochain::prelude::*;
use holochain::sweettest::*;
use holochain_keystore::AgentPubKeyExt;
use ovn_domain::{Membrane, NetworkConstitution};
use ovn_integrity::Invitation;
use std::collections::HashMap;
use std::sync::Arc;

struct InviteOnly {
    conductors: SweetConductorBatch,
    seed: String,
    constitution: NetworkConstitution,
    progenitor: AgentPubKey,
}

impl InviteOnly {
    /// Two conductors; the progenitor's key lives on conductor 0.
    async fn start() -> Self {
        no_openssl_cleanup_at_exit();
        let conductors = start_conductors(vec![config(), config()]).await;
        let dna = test_dna(NetworkConstitution::default()).await;
        crate::compiled_wasm::provide_compiled_zomes(&dna, &conductors).await;
        let progenitor = conductors[0]
            .keystore()
            .new_sign_keypair_random()
            .await
            .unwrap();
        let constitution = NetworkConstitution {
            membrane: Membrane::InviteOnly {
                progenitor: progenitor.to_string(),
            },
            ..Default::default()
        };
        Self {
            conductors,
            seed: fresh_seed(),
            constitution,
            progenitor,
        }
    }

    async fn shutdown(mut self) {
        for i in 0..2 {
            self.conductors[i].shutdown().await;
        }
    }

    /// An invitation for `invitee`, signed by the progenitor.
    async fn invite(&self, invitee: &AgentPubKey) -> MembraneProof {
        let signature = self
            .progenitor
            .sign(&self.conductors[0].keystore(), invitee.clone())
            .await
            .unwrap();
        let invitation = Invitation {
            invitee: invitee.clone(),
            signature,
        };
        Arc::new(SerializedBytes::try_from(invitation).unwrap())
    }

    /// Installs `workdir/ovn.happ` for `agent` on conductor `i` with this network's seed and
    /// constitution, and returns the agent's cell.
    async fn join(
        &self,
        i: usize,
        agent: &AgentPubKey,
        proof: Option<MembraneProof>,
    ) -> ConductorApiResult<SweetCell> {
        // Through JSON, so enums are `{Variant: …}` maps as in dna.yaml: yaml_serde would
        // write YAML tags (`!Contributions`), which the DNA properties do not decode.
        let json = serde_json::to_value(&self.constitution).unwrap();
        let properties = yaml_serde::to_value(json).unwrap();
        let modifiers = DnaModifiersOpt::none()
            .with_network_seed(self.seed.clone())
            .with_properties(YamlProperties::new(properties));
        let settings = RoleSettings::Provisioned {
            membrane_proof: proof,
            modifiers: Some(modifiers),
            init_properties: None,
        };
        let app_id = format!("ovn-{agent}");
        let payload = InstallAppPayload {
            source: AppBundleSource::Path(repo_root().join("workdir/ovn.happ")),
            agent_key: Some(agent.clone()),
            installed_app_id: Some(app_id.clone()),
            network_seed: None,
            roles_settings: Some(HashMap::from([("ovn".to_string(), settings)])),
            ignore_genesis_failure: false,
            restore_from_dht: false,
        };
        let conductor = &self.conductors[i];
        let app = conductor.raw_handle().install_app_bundle(payload).await?;
        conductor.raw_handle().enable_app(app_id).await?;
        let cell_id = app.all_cells().next().expect("one cell");
        conductor.get_sweet_cell(cell_id)
    }
}

/// The invitation's text, as the progenitor's `invite` returns it, read back into the
/// membrane proof it carries (as `ovn-node --invitation` reads it).
fn proof_of(text: &str) -> MembraneProof {
    let bytes = ovn_domain::members::invitation::invitation_proof(text).expect("an invitation");
    Arc::new(SerializedBytes::from(UnsafeBytes::from(bytes)))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_progenitor_invites_through_the_zome_and_the_invited_member_joins() {
    let net = InviteOnly::start().await;
    let invitee = net.conductors[1]
        .keystore()
        .new_sign_keypair_random()
        .await
        .unwrap();
    let progenitor = net.progenitor.clone();
    let founder = net
        .join(0, &progenitor, None)
        .await
        .expect("the progenitor joins");
    let text: String = net.conductors[0]
        .call(&founder.zome("members"), "invite", invitee.clone())
        .await;
    assert!(text.starts_with("ovn-invitation:"), "{text}");
    let to_self: ConductorApiResult<String> = net.conductors[0]
        .call_fallible(&founder.zome("members"), "invite", progenitor.clone())
        .await;
    assert_refused(to_self, "the progenitor joins without an invitation");
    let member = net
        .join(1, &invitee, Some(proof_of(&text)))
        .await
        .expect("the invitee joins");
    let by_member: ConductorApiResult<String> = net.conductors[1]
        .call_fallible(&member.zome("members"), "invite", progenitor.clone())
        .await;
    assert_refused(by_member, "only the network's progenitor");

    let input = project_input("Tool shed", ovn_domain::ProjectLevel::Project);
    let project: Record = net.conductors[0]
        .call(&founder.zome("members"), "create_project", input)
        .await;
    await_consistency_s(120, [&founder, &member]).await.unwrap();
    let seen: Option<Record> = net.conductors[1]
        .call(
            &member.zome("members"),
            "get_project",
            project.action_address().clone(),
        )
        .await;
    assert!(
        seen.is_some(),
        "the invited member reads the founder's project"
    );
    net.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_without_a_valid_invitation_cannot_join() {
    let net = InviteOnly::start().await;
    let stranger = net.conductors[1]
        .keystore()
        .new_sign_keypair_random()
        .await
        .unwrap();
    let refused = net.join(1, &stranger, None).await;
    let err = format!("{:?}", refused.expect_err("no invitation, no entry"));
    assert!(
        err.contains("invite-only"),
        "refused, but not by the membrane: {err}"
    );

    let invitee = net.conductors[1]
        .keystore()
        .new_sign_keypair_random()
        .await
        .unwrap();
    let borrowed = net.invite(&invitee).await;
    let impostor = net.conductors[1]
        .keystore()
        .new_sign_keypair_random()
        .await
        .unwrap();
    let refused = net.join(1, &impostor, Some(borrowed)).await;
    let err = format!("{:?}", refused.expect_err("someone else's invitation"));
    assert!(
        err.contains("the invitation is for"),
        "refused, but not for the invitee: {err}"
    );
    net.shutdown().await;
}

/// validate_agent_joining, rule 1: DNA properties that are no valid constitution (here K = 0)
/// admit nobody, while the default constitution admits anyone.
#[tokio::test(flavor = "multi_thread")]
async fn nobody_joins_a_network_whose_properties_hold_no_valid_constitution() {
    let mut net = InviteOnly::start().await;
    net.constitution = NetworkConstitution {
        endorsements_required: 0,
        ..Default::default()
    };
    let keystore = net.conductors[1].keystore();
    let newcomer = keystore.new_sign_keypair_random().await.unwrap();
    let refused = net.join(1, &newcomer, None).await;
    let err = format!(
        "{:?}",
        refused.expect_err("no valid constitution, no entry")
    );
    assert!(
        err.contains("GenesisFailed") && err.contains("endorsements_required is 0"),
        "refused, but not by the joining rule for the constitution: {err}"
    );

    net.constitution = NetworkConstitution::default();
    let other = keystore.new_sign_keypair_random().await.unwrap();
    let cell = net
        .join(1, &other, None)
        .await
        .expect("a valid constitution admits the newcomer");
    let invited: ConductorApiResult<String> = net.conductors[1]
        .call_fallible(&cell.zome("members"), "invite", newcomer.clone())
        .await;
    assert_refused(invited, "this network is open");
    net.shutdown().await;
}

/// validate_agent_joining, rule 2, on the network side: a stranger's conductor skips its own
/// genesis check (its genesis is written straight into its database, so the install takes it
/// as done) and joins with no invitation; the progenitor's conductor, validating the stranger's
/// AgentValidationPkg, rejects it and warrants the stranger.
#[tokio::test(flavor = "multi_thread")]
async fn peers_warrant_a_stranger_whose_conductor_joined_without_an_invitation() {
    let net = InviteOnly::start().await;
    let progenitor = net.progenitor.clone();
    let founder = net
        .join(0, &progenitor, None)
        .await
        .expect("the progenitor joins");
    let stranger = net.conductors[1]
        .keystore()
        .new_sign_keypair_random()
        .await
        .unwrap();
    let dna_hash = founder.cell_id().dna_hash().clone();
    let store = net.conductors[1]
        .raw_handle()
        .get_dht_store(&dna_hash)
        .unwrap();
    holochain_state::source_chain::genesis(
        store,
        net.conductors[1].keystore(),
        dna_hash.clone(),
        stranger.clone(),
        None,
    )
    .await
    .expect("genesis written unchecked");
    let cell = net
        .join(1, &stranger, None)
        .await
        .expect("the install takes the unchecked genesis as done");
    let input = members::profiles::CreateProfileInput {
        nickname: "stranger".into(),
        skills: vec![],
        private: None,
    };
    let _: Record = net.conductors[1]
        .call(&cell.zome("members"), "create_profile", input)
        .await;
    await_warrant_by(&[&net.conductors[0]], &dna_hash, &stranger, "invite-only").await;
    net.shutdown().await;
}
