//! Citations: a Cite names a design made outside the citing project, and its share is paid to
//! the design's maker (a project upstream, or the member who registered it), never to whoever
//! logs it.

use super::world::*;
use crate::common::*;
use holochain::prelude::*;
use ovn_domain::{ContributionKind, PropertyRegime};

/// validate_create_contribution, rule 9: bob cites the optics alice registered on her own and
/// the printer design of her project "Printer fund" in his project; nobody cites a design of
/// "Printer fund" in "Printer fund" itself (its makers are paid through their work on it).
pub async fn a_citation_names_a_design_made_outside_the_citing_project(w: &Uses) {
    let Uses { peers, project, .. } = w;
    let fund = create_project(peers, ALICE, "Printer fund").await;
    let regime = PropertyRegime::Commons;
    let printer_design = create_resource(peers, ALICE, "Printer design", regime, Some(&fund)).await;
    let optics = create_resource(peers, ALICE, "Optics", regime, None).await;
    peers.sync().await;
    let cite = |of: &ActionHash, by: usize, to: &ActionHash| ovn_integrity::Contribution {
        kind: ContributionKind::Cite {
            resource: of.clone(),
        },
        ..raw_contribution(peers.agent(by), to, 60)
    };
    for design in [&printer_design, &optics] {
        commit(
            peers,
            BOB,
            "commit_contribution",
            cite(design, BOB, project),
        )
        .await
        .expect("a design made elsewhere is cited");
    }
    let reason = "was made by project";
    let own = cite(&printer_design, ALICE, &fund);
    rejects(peers, ALICE, "commit_contribution", own, reason).await;
    let input = log_input(
        &fund,
        ContributionKind::Cite {
            resource: printer_design.clone(),
        },
    );
    let refused = peers
        .try_call::<_, Record>(ALICE, "contributions", "log_contribution", input)
        .await;
    assert_refused(refused, reason);
}
