//! Uses: of a Resource, over a real interval, in the user's own name, as its usage rules allow
//! (duration, exact fee, permitted users, a condition report), under a custody state of it; a
//! use logged as a contribution names a Resource, and is logged by the owner of a tool (a
//! commons' use is paid through use fees); a use fee is recorded once, by who collects it.

use super::citations::a_citation_names_a_design_made_outside_the_citing_project;
use super::world::*;
use crate::common::*;
use crate::rule_runner::{rule, Rule};
use holochain::prelude::*;
use ovn_domain::resources::resource::use_minutes;
use ovn_domain::{IncomeSource, PropertyRegime};
use ovn_integrity::ResourceUse;

/// These rules in order.
pub fn rules() -> Vec<Rule<Uses>> {
    vec![
        rule!(bob_uses_the_printer_four_hours_and_no_longer),
        rule!(a_use_pays_exactly_the_fee_its_rules_set),
        rule!(only_members_use_the_printer_and_only_the_skilled_the_laser),
        rule!(a_use_of_the_printer_reports_its_condition),
        rule!(bob_uses_the_printer_in_his_own_name),
        rule!(a_use_ends_after_it_starts_and_before_it_is_recorded),
        rule!(a_use_of_something_that_is_no_resource_is_rejected),
        rule!(a_use_logged_as_a_contribution_names_a_resource),
        rule!(only_its_owner_logs_the_use_of_a_tool),
        rule!(a_use_names_the_custody_state_it_was_made_under),
        rule!(a_use_fee_is_recorded_once_by_who_collects_it),
        rule!(a_citation_names_a_design_made_outside_the_citing_project),
    ]
}

const USE: &str = "commit_resource_use";

/// validate_create_resource_use, rule 1.
pub async fn a_use_of_something_that_is_no_resource_is_rejected(w: &Uses) {
    let of_a_profile = raw_use(&w.bobs_profile, Some(&w.bobs_profile), 60, 500);
    rejects(&w.peers, BOB, USE, of_a_profile, "is not a Resource").await;
}

/// validate_create_resource_use, rule 2.
pub async fn a_use_ends_after_it_starts_and_before_it_is_recorded(w: &Uses) {
    let backwards = ResourceUse {
        until: w.use_of(60, 500).from,
        ..w.use_of(60, 500)
    };
    rejects(&w.peers, BOB, USE, backwards, "must end after it starts").await;
    let an_hour = 3_600_000_000;
    let ahead = ResourceUse {
        from: Timestamp::from_micros(Timestamp::now().as_micros() + an_hour),
        until: Timestamp::from_micros(Timestamp::now().as_micros() + 2 * an_hour),
        ..w.use_of(60, 500)
    };
    rejects(&w.peers, BOB, USE, ahead, "after it was recorded").await;
}

/// validate_create_resource_use, rule 3.
pub async fn bob_uses_the_printer_in_his_own_name(w: &Uses) {
    let borrowed = raw_use(&w.printer, Some(&w.alices_profile), 60, 500);
    rejects(&w.peers, BOB, USE, borrowed, "the profile").await;
}

/// validate_create_resource_use, rule 4: at most the rules' duration (coordinator too).
pub async fn bob_uses_the_printer_four_hours_and_no_longer(w: &Uses) {
    commit(&w.peers, BOB, USE, w.use_of(240, 2_000))
        .await
        .expect("four hours at 5.00 an hour, with a report, by a member, is valid");
    // 241 minutes cost 500 × 241 / 60 = 2,008.33, rounded up: the fee is right, the time not.
    let too_long = w.use_of(241, 2_009);
    rejects(
        &w.peers,
        BOB,
        USE,
        too_long,
        "the usage rules allow at most 240",
    )
    .await;
    let until = Timestamp::now();
    let long = resources::uses::RecordUseInput {
        resource: w.printer.clone(),
        from: Timestamp::from_micros(until.as_micros() - 300 * 60_000_000),
        until,
        condition_report: "fine".into(),
    };
    let reason = "the usage rules allow at most 240";
    refuses(&w.peers, BOB, "resources", "record_use", long, reason).await;
}

/// validate_create_resource_use, rule 4: the exact fee.
pub async fn a_use_pays_exactly_the_fee_its_rules_set(w: &Uses) {
    let short = w.use_of(60, 499);
    let reason = "is 500 under the usage rules, not 499";
    rejects(&w.peers, BOB, USE, short, reason).await;
}

/// validate_create_resource_use, rule 4: permitted users.
pub async fn only_members_use_the_printer_and_only_the_skilled_the_laser(w: &Uses) {
    let outsider = raw_use(&w.printer, None, 60, 500);
    rejects(&w.peers, BOB, USE, outsider, "only members may use").await;
    let unskilled = raw_use(&w.laser, Some(&w.bobs_profile), 60, 0);
    rejects(&w.peers, BOB, USE, unskilled, "one of the skills").await;
}

/// validate_create_resource_use, rule 4: a condition report when required.
pub async fn a_use_of_the_printer_reports_its_condition(w: &Uses) {
    let unreported = ResourceUse {
        condition_report: " ".into(),
        ..w.use_of(60, 500)
    };
    let reason = "condition_report must not be empty";
    rejects(&w.peers, BOB, USE, unreported, reason).await;
}

/// validate_create_contribution, rule 6.
pub async fn a_use_logged_as_a_contribution_names_a_resource(w: &Uses) {
    let Uses { peers, project, .. } = w;
    let drill = create_resource(peers, BOB, "Drill", PropertyRegime::Private, None).await;
    let input = log_input(project, use_of(project, project));
    let refused = peers
        .try_call::<_, Record>(BOB, "contributions", "log_contribution", input)
        .await;
    assert_refused(refused, "is a Project, not a Resource");
    let raw = ovn_integrity::Contribution {
        kind: use_of(project, project),
        ..raw_contribution(peers.agent(BOB), project, 60)
    };
    rejects(peers, BOB, "commit_contribution", raw, "is not a Resource").await;
    let drill_use = ovn_integrity::Contribution {
        kind: use_of(&drill, &drill),
        ..raw_contribution(peers.agent(BOB), project, 60)
    };
    commit(peers, BOB, "commit_contribution", drill_use)
        .await
        .expect("a use of a Resource is a valid contribution");
}

/// validate_create_contribution, rule 8: bob logs the use of his own drill; alice cannot log
/// it, nor anyone the use of her nondominium printer or the commons laser (their use is paid
/// through use fees), nor bob under a state that is not one of the drill's.
pub async fn only_its_owner_logs_the_use_of_a_tool(w: &Uses) {
    let Uses {
        peers,
        project,
        printer,
        laser,
        ..
    } = w;
    let drill = create_resource(peers, BOB, "Drill", PropertyRegime::Private, None).await;
    peers.sync().await;
    let logged: Record = peers
        .call(
            BOB,
            "contributions",
            "log_contribution",
            log_input(project, use_of(&drill, &drill)),
        )
        .await;
    assert_eq!(logged.action().author(), &peers.agent(BOB));
    let alices = ovn_integrity::Contribution {
        kind: use_of(&drill, &drill),
        ..raw_contribution(peers.agent(ALICE), project, 60)
    };
    let reason = "only its owner contributes its time";
    rejects(peers, ALICE, "commit_contribution", alices, reason).await;
    for (who, commons) in [(ALICE, printer), (BOB, laser)] {
        let raw = ovn_integrity::Contribution {
            kind: use_of(commons, commons),
            ..raw_contribution(peers.agent(who), project, 60)
        };
        rejects(peers, who, "commit_contribution", raw, "use fees").await;
    }
    let stray = ovn_integrity::Contribution {
        kind: use_of(&drill, printer),
        ..raw_contribution(peers.agent(BOB), project, 60)
    };
    let reason = "is neither the resource's creation nor an acceptance";
    rejects(peers, BOB, "commit_contribution", stray, reason).await;
}

/// A use of `resource` for an hour, under the custody state `custody`.
fn use_of(resource: &ActionHash, custody: &ActionHash) -> ovn_domain::ContributionKind<ActionHash> {
    ovn_domain::ContributionKind::Use {
        resource: resource.clone(),
        custody: custody.clone(),
        minutes: 60,
    }
}

/// bob's soldering station, a nondominium of his project, handed to alice: (the station, bob's
/// creation state, alice's acceptance).
async fn station_in_alices_hands(w: &Uses) -> (ActionHash, ActionHash) {
    let regime = PropertyRegime::Nondominium;
    let station =
        create_resource(&w.peers, BOB, "Soldering station", regime, Some(&w.project)).await;
    w.peers.sync().await;
    let transfer = offer(&w.peers, BOB, &station, ALICE).await;
    w.peers.sync().await;
    let accepted = accept(&w.peers, ALICE, &transfer).await;
    w.peers.sync().await;
    (station, accepted)
}

/// validate_create_resource_use, rule 5.
pub async fn a_use_names_the_custody_state_it_was_made_under(w: &Uses) {
    let (station, accepted) = station_in_alices_hands(w).await;
    // bob's use an hour ago, before alice accepted the station: under bob's creation state,
    // not under alice's acceptance.
    let under_creation = raw_use(&station, Some(&w.bobs_profile), 60, 500);
    commit(&w.peers, BOB, USE, under_creation.clone())
        .await
        .expect("a use under the state that held then is valid");
    let under_acceptance = ResourceUse {
        custody: accepted,
        ..under_creation.clone()
    };
    rejects(
        &w.peers,
        BOB,
        USE,
        under_acceptance,
        "began after the use did",
    )
    .await;
    let under_the_printer = ResourceUse {
        custody: w.printer.clone(),
        ..under_creation
    };
    let reason = "neither the resource's creation nor an acceptance of it";
    rejects(&w.peers, BOB, USE, under_the_printer, reason).await;
}

/// validate_create_income_event, rules 5 and 6.
pub async fn a_use_fee_is_recorded_once_by_who_collects_it(w: &Uses) {
    let (station, accepted) = station_in_alices_hands(w).await;
    // bob borrows the station from alice, its custodian now: from just after she took it.
    let taken: Option<Record> = w
        .peers
        .call(ALICE, "hostile", "get_record_local", accepted.clone())
        .await;
    let from = taken
        .expect("alice's acceptance")
        .action()
        .timestamp()
        .as_micros()
        + 1;
    let until = Timestamp::now().as_micros();
    let minutes = use_minutes(from, until).expect("a use of a few seconds");
    let usage = ResourceUse {
        from: Timestamp::from_micros(from),
        until: Timestamp::from_micros(until),
        fee: printer_rules().fee_for(minutes),
        custody: accepted,
        ..raw_use(&station, Some(&w.bobs_profile), 1, 0)
    };
    let used = commit(&w.peers, BOB, USE, usage.clone())
        .await
        .expect("bob's use under alice's custody is valid");
    w.peers.sync().await;
    let fee = ovn_integrity::IncomeEvent {
        project: w.project.clone(),
        amount: usage.fee,
        source: IncomeSource::UseFee { resource_use: used },
        description: "Soldering station use fee".into(),
        evidence: vec![],
        received: Timestamp::now(),
    };
    // bob made the station, but alice held it: she collects, once.
    let reason = "who collects the fees of custody state";
    rejects(&w.peers, BOB, INCOME, fee.clone(), reason).await;
    commit(&w.peers, ALICE, INCOME, fee.clone())
        .await
        .expect("the collector records the fee");
    rejects(&w.peers, ALICE, INCOME, fee, "was already recorded").await;
}

const INCOME: &str = "commit_income_event";
