//! Custody requests, transfers, acceptances, declines and uses are never updated; the request and use
//! index links are the author's own, under the resource they name.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use hostile::AnyEntry;
use ovn_domain::PropertyRegime;
use ovn_integrity::{CustodyAcceptance, CustodyDecline, CustodyRequest, ResourceUse};
use resources::custody::{DeclineCustodyInput, RequestCustodyInput};
use resources::uses::RecordUseInput;

/// These rules in order; `needs` names earlier rules whose records a rule uses.
pub fn rules() -> Vec<Rule<Records>> {
    vec![
        rule!(a_custody_request_is_never_updated),
        rule!(a_custody_transfer_is_never_updated),
        rule!(a_custody_acceptance_is_never_updated, needs: [a_custody_transfer_is_never_updated]),
        rule!(a_custody_decline_is_never_updated),
        rule!(a_resource_use_is_never_updated),
        rule!(alice_cannot_index_bobs_custody_request,
            needs: [a_custody_request_is_never_updated]),
        rule!(a_custody_request_is_indexed_only_under_its_resource,
            needs: [a_custody_request_is_never_updated]),
        rule!(alice_cannot_index_bobs_use, needs: [a_resource_use_is_never_updated]),
        rule!(a_use_is_indexed_only_under_its_resource, needs: [a_resource_use_is_never_updated]),
    ]
}

/// validate_update_custody_request, rule 1: bob asks again instead.
pub async fn a_custody_request_is_never_updated(w: &Records) {
    let input = RequestCustodyInput {
        resource: w.printer.clone(),
        note: "For the spectrometer housings, one week".into(),
    };
    let record: Record = w
        .peers
        .call(BOB, "resources", "request_custody", input)
        .await;
    let hash = record.action_address().clone();
    let longer = AnyEntry::CustodyRequest(CustodyRequest {
        note: "For a month".into(),
        ..entry(&record)
    });
    let reason = "custody requests cannot be updated";
    w.update_rejected(BOB, &hash, longer, reason).await;
    w.request.set(hash);
}

/// validate_update_custody_transfer, rule 1: bob accepts what alice signed.
pub async fn a_custody_transfer_is_never_updated(w: &Records) {
    let hash = offer(&w.peers, ALICE, &w.printer, BOB).await;
    let mut rewritten = raw_transfer(&w.printer, &w.printer, w.bob.clone(), &w.bobs_profile);
    rewritten.condition_note = "nozzle clogged".into();
    let entry = AnyEntry::CustodyTransfer(rewritten);
    let reason = "custody transfers cannot be updated";
    w.update_rejected(ALICE, &hash, entry, reason).await;
    w.transfer.set(hash);
}

/// validate_update_custody_acceptance, rule 1.
pub async fn a_custody_acceptance_is_never_updated(w: &Records) {
    w.peers.sync().await;
    let transfer = w.transfer.get().clone();
    let hash = accept(&w.peers, BOB, &transfer).await;
    let complaint = AnyEntry::CustodyAcceptance(CustodyAcceptance {
        resource: w.printer.clone(),
        transfer,
        condition_note: "received broken".into(),
    });
    let reason = "custody acceptances cannot be updated";
    w.update_rejected(BOB, &hash, complaint, reason).await;
}

/// validate_update_custody_decline, rule 1.
pub async fn a_custody_decline_is_never_updated(w: &Records) {
    let tool = create_resource(
        &w.peers,
        ALICE,
        "Drill press",
        PropertyRegime::Nondominium,
        None,
    )
    .await;
    w.peers.sync().await;
    let transfer = offer(&w.peers, ALICE, &tool, BOB).await;
    w.peers.sync().await;
    let input = DeclineCustodyInput {
        transfer: transfer.clone(),
        note: "no room in my workshop".into(),
    };
    let record: Record = w
        .peers
        .call(BOB, "resources", "decline_custody", input)
        .await;
    let hash = record.action_address().clone();
    let softer = AnyEntry::CustodyDecline(CustodyDecline {
        note: "maybe later".into(),
        ..entry(&record)
    });
    let reason = "custody declines cannot be updated";
    w.update_rejected(BOB, &hash, softer, reason).await;
}

/// validate_update_resource_use, rule 1: the fee was set by what was signed.
pub async fn a_resource_use_is_never_updated(w: &Records) {
    let now = Timestamp::now().as_micros();
    let input = RecordUseInput {
        resource: w.printer.clone(),
        from: Timestamp::from_micros(now - 61 * 60_000_000),
        until: Timestamp::from_micros(now - 60_000_000),
        condition_report: "returned clean".into(),
    };
    let record: Record = w.peers.call(BOB, "resources", "record_use", input).await;
    let hash = record.action_address().clone();
    let free = AnyEntry::ResourceUse(ResourceUse {
        fee: 0,
        ..entry(&record)
    });
    let reason = "resource uses cannot be updated";
    w.update_rejected(BOB, &hash, free, reason).await;
    w.usage.set(hash);
}

/// validate_create_link_resource_to_custody_requests, rule 1.
pub async fn alice_cannot_index_bobs_custody_request(w: &Records) {
    w.peers.sync().await;
    let kind = "ResourceToCustodyRequests";
    let reason = not_own(&w.request, &w.alice, "custody request");
    w.forged(ALICE, &w.printer, &w.request, kind, &reason).await;
    w.links(BOB, &w.printer, &w.request, kind).await;
}

/// validate_create_link_resource_to_custody_requests, rule 2.
pub async fn a_custody_request_is_indexed_only_under_its_resource(w: &Records) {
    let kind = "ResourceToCustodyRequests";
    let reason = not_under(&w.request, &w.project);
    w.forged(BOB, &w.project, &w.request, kind, &reason).await;
    w.links(BOB, &w.printer, &w.request, kind).await;
}

/// validate_create_link_resource_to_uses, rule 1.
pub async fn alice_cannot_index_bobs_use(w: &Records) {
    w.peers.sync().await;
    let kind = "ResourceToUses";
    let reason = not_own(&w.usage, &w.alice, "resource use");
    w.forged(ALICE, &w.printer, &w.usage, kind, &reason).await;
    w.links(BOB, &w.printer, &w.usage, kind).await;
}

/// validate_create_link_resource_to_uses, rule 2.
pub async fn a_use_is_indexed_only_under_its_resource(w: &Records) {
    let kind = "ResourceToUses";
    let reason = not_under(&w.usage, &w.project);
    w.forged(BOB, &w.project, &w.usage, kind, &reason).await;
    w.links(BOB, &w.printer, &w.usage, kind).await;
}
