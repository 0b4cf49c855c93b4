//! The resources coordinator refuses bad input with typed errors before anything is written.

use super::world::*;
use crate::common::*;
use holochain::prelude::*;
use ovn_domain::{PropertyRegime, UsageRules};
use resources::custody::{AcceptCustodyInput, TransferCustodyInput};
use resources::history::CustodyReport;

#[tokio::test(flavor = "multi_thread")]
async fn the_resources_coordinator_refuses_bad_input_with_typed_errors() {
    let peers = Peers::honest(2).await;
    create_profile(&peers, ALICE, "alice").await;
    create_profile(&peers, BOB, "bob").await;
    refuses_malformed_resources(&peers).await;
    let regime = PropertyRegime::Nondominium;
    let printer = create_resource(&peers, ALICE, "3D printer", regime, None).await;
    peers.sync().await;
    let to_bob = refuses_bad_transfers(&peers, &printer).await;
    refuses_bad_acceptances(&peers, &to_bob).await;
    // Nothing bad was written: bob holds it after the one hand-over.
    let report = custody_of(&peers, BOB, &printer).await;
    assert_eq!(report.custodian, peers.agent(BOB));
    assert_eq!(report.steps.len(), 1);
    peers.shutdown().await;
}

async fn refuses_malformed_resources(peers: &Peers) {
    let mut nameless = resource_input(" ", PropertyRegime::Nondominium, None);
    let create = "create_resource";
    let reason = "name must not be empty";
    refuses(peers, ALICE, "resources", create, nameless.clone(), reason).await;
    nameless.name = "Printer".into();
    nameless.rules = Some(UsageRules {
        max_minutes_per_use: 0,
        ..UsageRules::default()
    });
    let reason = "max_minutes_per_use must be positive";
    refuses(peers, ALICE, "resources", create, nameless, reason).await;
}

/// The refusals of transfers; then alice's offer to bob, whose hash is returned.
async fn refuses_bad_transfers(peers: &Peers, printer: &ActionHash) -> ActionHash {
    let transfer = |to: AgentPubKey| TransferCustodyInput {
        resource: printer.clone(),
        to,
        rights: None,
        condition_note: String::new(),
        open_days: None,
    };
    let function = "transfer_custody";
    let to_alice = transfer(peers.agent(ALICE));
    let reason = "does not hold resource";
    refuses(peers, BOB, "resources", function, to_alice, reason).await;
    let stranger = transfer(AgentPubKey::from_raw_32(vec![9; 32]));
    let reason = "has no profile yet";
    refuses(peers, ALICE, "resources", function, stranger, reason).await;
    let to_herself = transfer(peers.agent(ALICE));
    refuses(
        peers,
        ALICE,
        "resources",
        function,
        to_herself,
        "to themselves",
    )
    .await;
    let to_bob = offer(peers, ALICE, printer, BOB).await;
    let again = transfer(peers.agent(BOB));
    refuses(
        peers,
        ALICE,
        "resources",
        function,
        again,
        "is already offered",
    )
    .await;
    to_bob
}

async fn refuses_bad_acceptances(peers: &Peers, to_bob: &ActionHash) {
    let input = AcceptCustodyInput {
        transfer: to_bob.clone(),
        condition_note: String::new(),
    };
    let function = "accept_custody";
    let reason = "only they may answer";
    refuses(peers, ALICE, "resources", function, input.clone(), reason).await;
    peers.sync().await;
    accept(peers, BOB, to_bob).await;
    let reason = "was already answered";
    refuses(peers, BOB, "resources", function, input, reason).await;
    let history = peers
        .try_call::<_, CustodyReport>(BOB, "resources", "get_custody_history", to_bob.clone())
        .await;
    assert_refused(history, "is a CustodyTransfer, not a Resource");
}
