//! A project's own governance rules where decisions do not bind (this world): its stewards in
//! force change them alone, within the network's.

use super::world::*;
use crate::common::*;
use governance::rules::{ChangeGovernanceRulesInput, GovernanceInForce};
use holochain::prelude::*;
use hostile::AnyEntry;
use ovn_domain::governance::rules::GovernanceRules;
use ovn_integrity::GovernanceRulesVersion;

/// validate_create_governance_rules_version, rules 1 and 2, where decisions do not bind (after
/// the usage rules' stewards, in `projects`' order): alice, whom the project's version 3 no
/// longer lists, is refused and her raw change rejected; bob, its steward, makes version 2
/// (reputation halving each month) naming that version; rules that would make the project's
/// decisions bind where the network's do not are rejected.
pub async fn only_the_stewards_in_force_change_governance_rules_where_decisions_do_not_bind(
    w: &Members,
) {
    let peers = &w.peers;
    let network = GovernanceRules {
        decisions_bind: false,
        ..Default::default()
    };
    let monthly = GovernanceRules {
        half_life_days: 30,
        ..network.clone()
    };
    let input = ChangeGovernanceRulesInput {
        project: w.project.clone(),
        rules: monthly.clone(),
    };
    let now: members::changes::ProjectInForce = peers
        .call(BOB, "members", "get_project_in_force", w.project.clone())
        .await;
    assert_eq!(now.stewards, vec![w.bob.clone()], "version 3's steward");
    let raw = |rules: GovernanceRules| {
        AnyEntry::GovernanceRulesVersion(GovernanceRulesVersion {
            project: w.project.clone(),
            version: 2,
            replaces: None,
            rules,
            decision: None,
            project_version: now.version.clone(),
        })
    };
    let reason = "is not a steward of project";
    let change = "change_governance_rules";
    refuses(peers, ALICE, "governance", change, input.clone(), reason).await;
    rejects(
        peers,
        ALICE,
        "commit_entry_raw",
        raw(monthly.clone()),
        reason,
    )
    .await;
    let bound = GovernanceRules {
        decisions_bind: true,
        ..monthly.clone()
    };
    let reason = "decisions_bind is the network's to choose (false)";
    rejects(peers, BOB, "commit_entry_raw", raw(bound), reason).await;

    let two: Record = peers.call(BOB, "governance", change, input).await;
    let made = entry::<GovernanceRulesVersion>(&two);
    assert_eq!((made.version, made.decision), (2, None));
    assert_eq!(made.project_version, now.version);
    peers.sync().await;
    for i in [ALICE, BOB] {
        let held: GovernanceInForce = peers
            .call(
                i,
                "governance",
                "get_governance_rules_in_force",
                w.project.clone(),
            )
            .await;
        assert_eq!(
            held.version.as_ref(),
            Some(two.action_address()),
            "peer {i}"
        );
        assert_eq!((held.number, held.rules), (2, monthly.clone()), "peer {i}");
    }
}
