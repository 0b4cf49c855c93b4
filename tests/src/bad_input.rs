//! Bad input, as a careless client or a hostile one sends it, to every zome function: each
//! answer is an error that names the field or the hash, short (never the payload
//! echoed back), and the caller's chain does not grow.

use crate::common::*;
use holochain::prelude::Record;
use rmpv::Value;

/// Every zome function (those that take nothing take `()`, and refuse anything else).
const FUNCTIONS: [(&str, &str); 79] = [
    ("members", "get_my_profile"),
    ("members", "get_my_private_profile"),
    ("members", "get_all_projects"),
    ("members", "get_payout_details"),
    ("members", "get_payout_shares"),
    ("resources", "get_all_resources"),
    ("members", "share_payout_details"),
    ("members", "receive_payout_access"),
    ("members", "fetch_payout_details"),
    ("members", "revoke_payout_access"),
    ("members", "create_profile"),
    ("members", "update_profile"),
    ("members", "get_profile"),
    ("members", "set_my_private_profile"),
    ("members", "create_project"),
    ("members", "get_project"),
    ("members", "get_project_in_force"),
    ("members", "change_project"),
    ("members", "change_decided_project"),
    ("members", "invite"),
    ("contributions", "log_contribution"),
    ("contributions", "get_contributions_for_project"),
    ("contributions", "get_periods_for_project"),
    ("contributions", "get_contributions_for_agent"),
    ("contributions", "endorse_contribution"),
    ("contributions", "get_contribution_status"),
    ("ledger", "preview_distribution"),
    ("ledger", "distribute"),
    ("ledger", "get_distributions_for_project"),
    ("ledger", "explain_payout"),
    ("ledger", "confirm_payment"),
    ("ledger", "get_payment_receipts"),
    ("ledger", "export_pie_chart"),
    ("ledger", "set_value_equation"),
    ("ledger", "adopt_decided_equation"),
    ("ledger", "get_value_equation"),
    ("ledger", "get_version_adopted_by"),
    ("ledger", "export_distribution"),
    ("ledger", "record_income"),
    ("ledger", "get_incomes_for_project"),
    ("resources", "request_custody"),
    ("resources", "get_custody_requests"),
    ("resources", "transfer_custody"),
    ("resources", "accept_custody"),
    ("resources", "decline_custody"),
    ("resources", "get_custody_history"),
    ("resources", "get_resources_held_by"),
    ("resources", "record_use"),
    ("resources", "get_uses"),
    ("resources", "create_resource"),
    ("resources", "get_resource"),
    ("resources", "get_resources_for_project"),
    ("resources", "get_usage_rules_in_force"),
    ("resources", "change_usage_rules"),
    ("resources", "change_decided_usage_rules"),
    ("licenses", "request_license"),
    ("licenses", "get_license_requests"),
    ("licenses", "decide_exception"),
    ("licenses", "adopt_decided_exception"),
    ("licenses", "get_exceptions"),
    ("licenses", "grant_license"),
    ("licenses", "get_grants_for_resource"),
    ("licenses", "create_license"),
    ("licenses", "get_license_catalogue"),
    ("licenses", "attach_license"),
    ("licenses", "get_license_of"),
    ("licenses", "license_terms_for"),
    ("governance", "open_proposal"),
    ("governance", "get_proposals"),
    ("governance", "get_proposal"),
    ("governance", "cast_vote"),
    ("governance", "delegate"),
    ("governance", "get_delegations_of"),
    ("governance", "decide"),
    ("governance", "get_governance_rules_in_force"),
    ("governance", "change_governance_rules"),
    ("governance", "change_decided_governance_rules"),
    ("audit", "export_chain"),
    ("audit", "audit_agent"),
];

/// `typed` as the MessagePack value a client sends.
pub fn value_of<T: serde::Serialize + std::fmt::Debug>(typed: &T) -> Value {
    let bytes = holochain_serialized_bytes::encode(typed).expect("encode");
    rmpv::decode::read_value(&mut &bytes[..]).expect("read back")
}

/// A payload nested `depth` lists deep.
fn nested(depth: usize) -> Value {
    (0..depth).fold(Value::from(1), |inner, _| Value::Array(vec![inner]))
}

/// `value` with the field at `path` (map keys) set to `to`.
fn with_field(mut value: Value, path: &[&str], to: Value) -> Value {
    let mut at = &mut value;
    for (i, key) in path.iter().enumerate() {
        let Value::Map(entries) = at else {
            panic!("{path:?}: not a map at {key}")
        };
        let found = entries.iter().position(|(k, _)| k.as_str() == Some(key));
        if i + 1 == path.len() {
            match found {
                Some(j) => entries[j].1 = to,
                None => entries.push((Value::from(*key), to)),
            }
            return value;
        }
        at = &mut entries[found.expect("the path's maps exist")].1;
    }
    value
}

/// The call is refused with a message holding `names`, under 1 KB, and writes nothing.
async fn refused_naming(peers: &Peers, zome: &str, function: &str, payload: Value, names: &str) {
    let before: u32 = peers.call(0, "hostile", "chain_head_seq", ()).await;
    let answer = peers.try_call::<_, Value>(0, zome, function, payload).await;
    let error = format!("{:?}", answer.expect_err("bad input should be refused"));
    assert!(error.contains(names), "{zome}.{function}: {error}");
    assert!(
        error.len() < 1024,
        "{zome}.{function}: {} bytes: {error}",
        error.len()
    );
    let after: u32 = peers.call(0, "hostile", "chain_head_seq", ()).await;
    assert_eq!(before, after, "{zome}.{function} wrote after refusing");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_zome_function_refuses_bad_input_naming_the_field_in_short_and_writes_nothing() {
    let peers = Peers::honest(1).await;
    create_profile(&peers, 0, "alice").await;
    let project = create_project(&peers, 0, "Spectrometer").await;

    let huge = Value::from("x".repeat(1_000_000));
    for (zome, function) in FUNCTIONS {
        // Of the wrong type, huge, or deep: an error that names what was expected, whatever
        // the function, and never more than 40 characters of the megabyte back.
        for payload in [Value::from(-5), huge.clone(), nested(500)] {
            refused_naming(&peers, zome, function, payload, "invalid input").await;
        }
        let echoed = "x".repeat(41);
        let answer = peers
            .try_call::<_, Value>(0, zome, function, huge.clone())
            .await;
        let error = format!("{:?}", answer.expect_err("a megabyte of text is refused"));
        assert!(
            !error.contains(&echoed),
            "{zome}.{function} echoes the payload: {error}"
        );
    }

    // A field given wrong, by a client that otherwise builds the call as the UI does.
    let lab = value_of(&project_input("Lab", ovn_domain::ProjectLevel::Project));
    let by_number = with_field(lab.clone(), &["level"], Value::from(2));
    let names = "at level: 2 names a variant by its number; name it instead";
    refused_naming(&peers, "members", "create_project", by_number, names).await;
    let stolen = with_field(lab.clone(), &["level"], Value::from("Stolen"));
    let names = "at level: unknown variant `Stolen`";
    refused_naming(&peers, "members", "create_project", stolen, names).await;
    let extra = with_field(lab.clone(), &["owner"], Value::from("mallory"));
    let names = "at owner: unknown field";
    refused_naming(&peers, "members", "create_project", extra, names).await;

    let equation = ledger::equations::SetValueEquationInput {
        project: project.clone(),
        equation: sensorica_equation(peers.agent(0)),
    };
    let negative = with_field(
        value_of(&equation),
        &["equation", "buckets"],
        Value::Array(vec![Value::Map(vec![(
            Value::from("share_bp"),
            Value::from(-5),
        )])]),
    );
    let names = "at equation.buckets[0].share_bp: invalid value: integer `-5`";
    refused_naming(&peers, "ledger", "set_value_equation", negative, names).await;
    let as_a_list = Value::Array(vec![Value::from("bob"), Value::Array(vec![])]);
    let names = "invalid input";
    refused_naming(&peers, "members", "create_profile", as_a_list, names).await;

    // The same inputs, well formed, pass: the decoding refuses what is wrong, not what is new;
    // and so do the other spellings serde reads alike (a unit variant as a map to nil, a hash
    // as its text).
    let _: Value = peers
        .call(0, "members", "create_project", lab.clone())
        .await;
    let unit_as_map = Value::Map(vec![(Value::from("Project"), Value::Nil)]);
    let spelled = with_field(lab, &["level"], unit_as_map);
    let _: Value = peers.call(0, "members", "create_project", spelled).await;
    let as_text = Value::from(project.to_string());
    let read: Option<Record> = peers.call(0, "members", "get_project", as_text).await;
    assert_eq!(read.map(|r| r.action_address().clone()), Some(project));
    peers.shutdown().await;
}
