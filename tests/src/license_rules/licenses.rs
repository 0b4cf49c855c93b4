//! Project licenses: added by a steward, not named like the catalogue's, with valid terms,
//! never updated; and only a project's stewards register resources under it.

use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_domain::licenses::{FeeSchedule, LicenseTerms};
use ovn_domain::PropertyRegime;
use ovn_integrity::License;

/// These rules in order; `needs` names earlier rules (here or in earlier files) whose
/// records a rule uses.
pub fn rules() -> Vec<Rule<World>> {
    vec![
        rule!(alice_adds_a_license_to_her_project_and_bob_who_is_no_steward_cannot),
        rule!(a_project_license_named_like_a_catalogue_license_or_nameless_is_rejected),
        rule!(a_cbrl_license_that_charges_nobody_is_rejected),
        rule!(a_project_license_is_never_updated,
            needs: [alice_adds_a_license_to_her_project_and_bob_who_is_no_steward_cannot]),
        rule!(bob_cannot_file_his_resource_under_alices_project),
    ]
}

fn license(project: &ActionHash, name: &str, terms: LicenseTerms) -> License {
    License {
        project_version: None,
        name: name.into(),
        project: project.clone(),
        terms,
    }
}

/// validate_create_license, rule 3.
pub async fn alice_adds_a_license_to_her_project_and_bob_who_is_no_steward_cannot(w: &World) {
    let World { peers, project, .. } = w;
    let permissive_license = commit(
        peers,
        ALICE,
        "commit_license",
        license(project, "Spectrometer permissive", permissive()),
    )
    .await
    .expect("a steward adds a license");
    w.permissive_license.set(permissive_license);
    peers.sync().await;
    let bobs_own = license(project, "Bob's own", permissive());
    rejects(peers, BOB, "commit_license", bobs_own, "is not a steward").await;
    let create = licenses::catalogue::CreateLicenseInput {
        project: project.clone(),
        name: "Bob's own".into(),
        terms: permissive(),
    };
    let function = "create_license";
    refuses(peers, BOB, "licenses", function, create, "is not a steward").await;
}

/// validate_create_license, rule 1.
pub async fn a_project_license_named_like_a_catalogue_license_or_nameless_is_rejected(w: &World) {
    let World { peers, project, .. } = w;
    let reason = "is a license of the network's catalogue";
    let named_like_cbrl = license(project, "CBRL-1.0", permissive());
    rejects(peers, ALICE, "commit_license", named_like_cbrl, reason).await;
    let nameless = license(project, " ", permissive());
    let reason = "name must not be empty";
    rejects(peers, ALICE, "commit_license", nameless, reason).await;
}

/// validate_create_license, rule 2.
pub async fn a_cbrl_license_that_charges_nobody_is_rejected(w: &World) {
    let World { peers, project, .. } = w;
    let free_cbrl = LicenseTerms {
        fee: None,
        ..LicenseTerms::cbrl(FeeSchedule::Flat { amount: 1 })
    };
    let free = license(project, "Free CBRL", free_cbrl);
    rejects(peers, ALICE, "commit_license", free, "give it a fee").await;
}

/// validate_update_license, rule 1: grants and derivatives rely on the terms as signed.
pub async fn a_project_license_is_never_updated(w: &World) {
    let World { peers, project, .. } = w;
    let rewritten = hostile::UpdateLicenseEntryRaw {
        original: w.permissive_license.get().clone(),
        entry: hostile::LicenseEntry::License(license(
            project,
            "Spectrometer permissive",
            LicenseTerms::cbrl(FeeSchedule::Flat { amount: 1 }),
        )),
    };
    let reason = "licenses cannot be updated";
    rejects(peers, ALICE, "update_license_entry_raw", rewritten, reason).await;
}

/// validate_create_resource, rule 3: its fees become the project's income.
pub async fn bob_cannot_file_his_resource_under_alices_project(w: &World) {
    let World { peers, project, .. } = w;
    let squatted = ovn_integrity::Resource {
        project_version: None,
        name: "Bob's enclosure, filed under alice's project".into(),
        specification: String::new(),
        regime: PropertyRegime::Commons,
        rules: printer_rules(),
        project: Some(project.clone()),
        location: String::new(),
        condition: String::new(),
    };
    let reason = "only its stewards register its resources";
    rejects(peers, BOB, "commit_resource", squatted, reason).await;
    let input = resource_input("Enclosure", PropertyRegime::Commons, Some(project));
    let refused = peers
        .try_call::<_, Record>(BOB, "resources", "create_resource", input)
        .await;
    assert_refused(refused, reason);
}
