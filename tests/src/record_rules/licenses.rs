//! The project-license and resource-license index links are the author's own, under the
//! project or resource their license names.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use licenses::catalogue::CreateLicenseInput;
use ovn_domain::licenses::{LicenseKind, LicenseTerms};

/// These rules in order; `needs` names earlier rules whose records a rule uses.
pub fn rules() -> Vec<Rule<Records>> {
    vec![
        rule!(bob_cannot_index_alices_project_license),
        rule!(a_project_license_is_indexed_only_under_its_project,
            needs: [bob_cannot_index_alices_project_license]),
        rule!(bob_cannot_index_alices_license_attachment),
        rule!(a_license_attachment_is_indexed_only_under_its_resource,
            needs: [bob_cannot_index_alices_license_attachment]),
    ]
}

fn permissive() -> LicenseTerms {
    LicenseTerms {
        kind: LicenseKind::Custom {
            text: "Do as you like.".into(),
        },
        fee: None,
        exempt: vec![],
        max_cooperative_workers: None,
        share_alike: false,
    }
}

/// validate_create_link_project_to_licenses, rule 1.
pub async fn bob_cannot_index_alices_project_license(w: &Records) {
    let input = CreateLicenseInput {
        project: w.project.clone(),
        name: "Spectrometer permissive".into(),
        terms: permissive(),
    };
    let record: Record = w
        .peers
        .call(ALICE, "licenses", "create_license", input)
        .await;
    w.license.set(record.action_address().clone());
    w.peers.sync().await;
    let kind = "ProjectToLicenses";
    let reason = not_own(&w.license, &w.bob, "license");
    w.forged(BOB, &w.project, &w.license, kind, &reason).await;
    w.links(ALICE, &w.project, &w.license, kind).await;
}

/// validate_create_link_project_to_licenses, rule 2.
pub async fn a_project_license_is_indexed_only_under_its_project(w: &Records) {
    let kind = "ProjectToLicenses";
    let reason = not_under(&w.license, &w.bobs_project);
    w.forged(ALICE, &w.bobs_project, &w.license, kind, &reason)
        .await;
    w.links(ALICE, &w.project, &w.license, kind).await;
}

/// validate_create_link_resource_to_license, rule 1.
pub async fn bob_cannot_index_alices_license_attachment(w: &Records) {
    let attachment = attach_license(&w.peers, ALICE, &w.printer, "CC-BY-SA-4.0", &[]).await;
    w.attachment.set(attachment);
    w.peers.sync().await;
    let kind = "ResourceToLicense";
    let reason = not_own(&w.attachment, &w.bob, "license attachment");
    w.forged(BOB, &w.printer, &w.attachment, kind, &reason)
        .await;
    w.links(ALICE, &w.printer, &w.attachment, kind).await;
}

/// validate_create_link_resource_to_license, rule 2.
pub async fn a_license_attachment_is_indexed_only_under_its_resource(w: &Records) {
    let kind = "ResourceToLicense";
    let reason = not_under(&w.attachment, &w.project);
    w.forged(ALICE, &w.project, &w.attachment, kind, &reason)
        .await;
    w.links(ALICE, &w.printer, &w.attachment, kind).await;
}
