//! Attachments: by the resource's creator, once, with a license its project may use, as
//! reciprocal as its share-alike sources; never updated.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_integrity::{LicenseAttachment, LicenseRef};

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(bob_licenses_his_design_but_not_alices),
        rule!(a_license_from_outside_the_catalogue_or_of_another_project_is_rejected,
            needs: [alice_adds_a_license_to_her_project_and_bob_who_is_no_steward_cannot]),
        rule!(a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal, needs: [
            alice_adds_a_license_to_her_project_and_bob_who_is_no_steward_cannot,
            bob_licenses_his_design_but_not_alices,
        ]),
        rule!(a_source_named_twice_or_the_designs_own_license_as_a_source_is_rejected,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(a_resources_license_is_attached_once,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
        rule!(a_license_attachment_is_never_updated,
            needs: [a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal]),
    ]
}

fn attachment(
    resource: &ActionHash,
    license: LicenseRef,
    from: Vec<ActionHash>,
) -> LicenseAttachment {
    LicenseAttachment {
        resource: resource.clone(),
        license,
        derives_from: from,
    }
}

fn attach_input(
    resource: &ActionHash,
    license: LicenseRef,
) -> licenses::catalogue::AttachLicenseInput {
    licenses::catalogue::AttachLicenseInput {
        resource: resource.clone(),
        license,
        derives_from: vec![],
    }
}

/// validate_create_license_attachment, rule 1.
pub async fn bob_licenses_his_design_but_not_alices(w: &World) {
    let World {
        peers,
        design,
        bobs_design,
        ..
    } = w;
    let bobs = attach_license(peers, BOB, bobs_design, "CC-BY-SA-4.0", &[]).await;
    w.bobs_attachment.set(bobs);
    peers.sync().await;
    let alices = attachment(design, catalogue("CBRL-1.0"), vec![]);
    let function = "commit_license_attachment";
    rejects(peers, BOB, function, alices, "only the creator").await;
    let not_mine = attach_input(design, catalogue("GPL-3.0"));
    let reason = "attaches its license";
    refuses(peers, BOB, "licenses", "attach_license", not_mine, reason).await;
}

/// validate_create_license_attachment, rule 2.
pub async fn a_license_from_outside_the_catalogue_or_of_another_project_is_rejected(w: &World) {
    let World {
        peers,
        design,
        bobs_design,
        ..
    } = w;
    let function = "commit_license_attachment";
    let mit = attachment(design, catalogue("MIT"), vec![]);
    let reason = "is not a license of the network's catalogue";
    rejects(peers, ALICE, function, mit, reason).await;
    let alices_license = LicenseRef::Project {
        license: w.permissive_license.get().clone(),
    };
    let borrowed = attachment(bobs_design, alices_license, vec![]);
    let reason = "only that project's resources may carry it";
    rejects(peers, BOB, function, borrowed, reason).await;
}

/// validate_create_license_attachment, rule 3: a CC BY-SA work's derivative is not permissive.
pub async fn a_derivative_of_a_share_alike_design_is_at_least_as_reciprocal(w: &World) {
    let World {
        peers,
        design,
        bobs_design,
        ..
    } = w;
    let permissive_license = LicenseRef::Project {
        license: w.permissive_license.get().clone(),
    };
    let bobs = w.bobs_attachment.get().clone();
    let less = attachment(design, permissive_license.clone(), vec![bobs]);
    let reason = "cannot be licensed less reciprocally";
    rejects(peers, ALICE, "commit_license_attachment", less, reason).await;
    let attach = licenses::catalogue::AttachLicenseInput {
        derives_from: vec![bobs_design.clone()],
        ..attach_input(design, permissive_license)
    };
    let reason = "less reciprocally";
    refuses(peers, ALICE, "licenses", "attach_license", attach, reason).await;
    let sources = std::slice::from_ref(bobs_design);
    let designs_license = attach_license(peers, ALICE, design, "CBRL-1.0", sources).await;
    w.designs_license.set(designs_license);
    peers.sync().await;
}

/// validate_create_license_attachment, rule 3: sources are distinct, other resources' licenses.
pub async fn a_source_named_twice_or_the_designs_own_license_as_a_source_is_rejected(w: &World) {
    let World { peers, design, .. } = w;
    let function = "commit_license_attachment";
    let bobs = w.bobs_attachment.get().clone();
    let twice = attachment(design, catalogue("CBRL-1.0"), vec![bobs.clone(), bobs]);
    rejects(peers, ALICE, function, twice, "is named twice as a source").await;
    let own = vec![w.designs_license.get().clone()];
    let circular = attachment(design, catalogue("CBRL-1.0"), own);
    let reason = "is this resource's own license, not a source";
    rejects(peers, ALICE, function, circular, reason).await;
}

/// validate_create_license_attachment, rule 4.
pub async fn a_resources_license_is_attached_once(w: &World) {
    let World {
        peers,
        design,
        bobs_design,
        ..
    } = w;
    let gpl = attachment(bobs_design, catalogue("GPL-3.0"), vec![]);
    let reason = "already carries a license";
    rejects(peers, BOB, "commit_license_attachment", gpl, reason).await;
    let again = attach_input(design, catalogue("GPL-3.0"));
    refuses(peers, ALICE, "licenses", "attach_license", again, reason).await;
}

/// validate_update_license_attachment, rule 1.
pub async fn a_license_attachment_is_never_updated(w: &World) {
    let World { peers, design, .. } = w;
    let relicensed = hostile::UpdateLicenseEntryRaw {
        original: w.designs_license.get().clone(),
        entry: hostile::LicenseEntry::LicenseAttachment(attachment(
            design,
            catalogue("CC-BY-SA-4.0"),
            vec![],
        )),
    };
    let reason = "license attachments cannot be updated";
    rejects(peers, ALICE, "update_license_entry_raw", relicensed, reason).await;
}
