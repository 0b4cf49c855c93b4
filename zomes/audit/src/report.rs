//! `audit_agent`: a report on any agent. The network's view of their chain (status, warrants,
//! rejected actions); every record they authored run again through the integrity zome's own
//! rules (`ovn_integrity::validate_op`), which recompute every derived figure (distributions,
//! fees, custody) with the same domain functions; and each distribution's completeness.
//!
//! The status ([`ChainVerdict`]), warrants and rejections are the authorities' answer with
//! those the caller's own conductor holds added ([`crate::chain::activity_of`]): in a small
//! network the authority that answers may be the audited agent herself, who leaves out the
//! warrants against her (seen in runs of the Mallory test), and the caller may be the only
//! honest authority left. Each record is replayed as its record-level `Op::CreateRecord`
//! through `validate_op` (the function the `validate` callback calls) and gets a [`Verdict`];
//! an action a warrant names is replayed too when the walk did not reach it, since the
//! authorities' valid chain stops before a rejected action. A chain that cannot be walked is
//! reported (`unreadable`) with the status and warrants still given. `clean` holds only for a
//! valid, readable chain with no warrant, no rejection, every record `Valid` or `Private`, and
//! no finding about a distribution (`crate::completeness`), a proposal, a decision or an
//! equation adopted on one (`crate::decisions`).

use crate::chain::{activity_of, chain_of, is_private, Chain};
use crate::findings::{findings_about, Finding};
use hdi::prelude::{FlatOp, OpRecord};
use hdk::prelude::*;
use ovn_domain::export::ExportSource;
use ovn_integrity::{validate_op, EntryTypes, LinkTypes};
use ovn_zome_support::input::Input;

/// The chain's status as the authorities of the agent's activity report it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ChainVerdict {
    /// No authority has seen the chain.
    Empty,
    Valid,
    /// Two actions at one sequence number.
    Forked {
        seq: u32,
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        first: ActionHash,
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        second: ActionHash,
    },
    /// An action the authorities rejected.
    Invalid {
        seq: u32,
        #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
        action: ActionHash,
    },
    Closed,
}

/// A warrant an honest peer issued against the agent.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WarrantSummary {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub issued_by: AgentPubKey,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::Timestamp"))]
    pub issued_at: Timestamp,
    /// The action it proves invalid (none for a fork warrant).
    #[cfg_attr(feature = "ts", ts(as = "Option<ovn_domain::ts::ActionHash>"))]
    pub action: Option<ActionHash>,
    pub reason: String,
}

/// What replaying the rules over one record found.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Verdict {
    Valid,
    Invalid(String),
    /// Another agent's private entry: only its hash is public, so its rules cannot be run.
    Private,
    /// The rules could not be run: a dependency the network does not hold, or an error.
    NotReplayable(String),
}

/// One record of the chain, replayed.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Replayed {
    pub seq: u32,
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub action: ActionHash,
    /// The entry or link type, or the system action.
    pub what: String,
    /// The derived figure the record states (amounts, fees), which the rules recomputed.
    pub figure: Option<String>,
    pub verdict: Verdict,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditReport {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::AgentPubKey"))]
    pub agent: AgentPubKey,
    pub source: ExportSource,
    pub status: ChainVerdict,
    pub actions: u32,
    pub warrants: Vec<WarrantSummary>,
    #[cfg_attr(feature = "ts", ts(as = "Vec<(u32, ovn_domain::ts::ActionHash)>"))]
    pub rejected: Vec<(u32, ActionHash)>,
    pub replayed: Vec<Replayed>,
    /// What the distributions, proposals, decisions and decided equations among the records got
    /// wrong that validation cannot see (`crate::completeness`, `crate::decisions`).
    pub findings: Vec<Finding>,
    /// Why the chain could not be read from the network, when it could not (the status and
    /// warrants above are still the authorities' answer).
    pub unreadable: Option<String>,
    /// Nothing found: a chain the network holds as valid and could be read, no warrant, no
    /// rejection, every record replayed and valid (others' private entries aside), no finding.
    /// (An agent the network has no activity of is not clean: there was nothing to audit.)
    pub clean: bool,
}

/// The audit of `agent` (see the module documentation).
#[hdk_extern]
pub fn audit_agent(agent: Input) -> ExternResult<AuditReport> {
    let agent: AgentPubKey = agent.decode()?;
    let (chain, unreadable) = match chain_of(&agent) {
        Ok(chain) => (chain, None),
        Err(e) => (
            Chain {
                source: ExportSource::Dht,
                records: vec![],
                activity: None,
            },
            Some(e.to_string()),
        ),
    };
    let activity = match &chain.activity {
        Some(a) => a.clone(),
        None => activity_of(&agent)?,
    };
    let status = verdict_of(&activity.status);
    let warrants = activity.warrants.iter().map(summary).collect::<Vec<_>>();
    let (mut replayed, missing) = replay_chain(&chain.records)?;
    replay_warranted(&warrants, &mut replayed)?;
    let rejected = activity.rejected_activity.clone();
    let clean = status == ChainVerdict::Valid
        && unreadable.is_none()
        && warrants.is_empty()
        && rejected.is_empty()
        && replayed
            .iter()
            .all(|r| matches!(r.verdict, Verdict::Valid | Verdict::Private))
        && missing.is_empty();
    Ok(AuditReport {
        agent,
        source: chain.source,
        status,
        actions: chain.records.len() as u32,
        warrants,
        rejected,
        replayed,
        findings: missing,
        unreadable,
        clean,
    })
}

fn verdict_of(status: &ChainStatus) -> ChainVerdict {
    match status {
        ChainStatus::Empty => ChainVerdict::Empty,
        ChainStatus::Valid(_) => ChainVerdict::Valid,
        ChainStatus::Forked(f) => ChainVerdict::Forked {
            seq: f.fork_seq,
            first: f.first_action.clone(),
            second: f.second_action.clone(),
        },
        ChainStatus::Invalid(h) => ChainVerdict::Invalid {
            seq: h.action_seq,
            action: h.hash.clone(),
        },
        ChainStatus::Closed(_) => ChainVerdict::Closed,
    }
}

/// Every record replayed through the protocol's rules, and the findings about each valid
/// distribution, proposal, decision and decided equation among them.
fn replay_chain(records: &[Record]) -> ExternResult<(Vec<Replayed>, Vec<Finding>)> {
    let mut replayed = Vec::with_capacity(records.len());
    let mut missing = Vec::new();
    for record in records {
        let one = replay(record)?;
        if one.verdict == Verdict::Valid {
            missing.extend(findings_about(record, &one.what)?);
        }
        replayed.push(one);
    }
    Ok((replayed, missing))
}

/// An action a warrant names is replayed too, when the chain walk did not reach it (the
/// authorities' valid chain stops before a rejected action).
fn replay_warranted(warrants: &[WarrantSummary], replayed: &mut Vec<Replayed>) -> ExternResult<()> {
    for w in warrants {
        let Some(hash) = &w.action else { continue };
        if replayed.iter().any(|r| &r.action == hash) {
            continue; // reached by the walk, or named by an earlier warrant
        }
        replayed.push(match warranted_record(hash) {
            Ok(record) => replay(&record)?,
            Err(e) => Replayed {
                seq: 0,
                action: hash.clone(),
                what: "warranted action".into(),
                figure: None,
                verdict: Verdict::NotReplayable(format!("not reachable: {e}")),
            },
        });
    }
    Ok(())
}

fn summary(w: &SignedWarrant) -> WarrantSummary {
    let warrant = w.data();
    let (action, reason) = match &warrant.proof {
        WarrantProof::ChainIntegrity(ChainIntegrityWarrant::InvalidChainOp {
            action,
            reason,
            ..
        }) => (Some(action.0.clone()), reason.clone()),
        WarrantProof::ChainIntegrity(ChainIntegrityWarrant::ChainFork { .. }) => {
            (None, "the chain is forked".into())
        }
    };
    WarrantSummary {
        issued_by: warrant.author.clone(),
        issued_at: warrant.timestamp,
        action,
        reason,
    }
}

/// The record of an action a warrant names: the action as signed, and its entry if any.
fn warranted_record(hash: &ActionHash) -> ExternResult<Record> {
    let action = must_get_action(hash.clone())?;
    let entry = match action.action().entry_hash() {
        Some(e) if !is_private(action.action()) => Some(must_get_entry(e.clone())?.content),
        _ => None,
    };
    let entry = RecordEntry::new(action.action().entry_type().map(|t| t.visibility()), entry);
    Ok(Record::new(action, entry))
}

/// Runs the integrity zome's rules over one record, as a validator of its StoreRecord op would.
fn replay(record: &Record) -> ExternResult<Replayed> {
    let action = record.action();
    let private_hidden = is_private(action) && record.entry().as_option().is_none();
    let op = Op::CreateRecord(CreateRecord {
        record: record.clone(),
    });
    let (what, figure) = describe(&op, action);
    let verdict = if private_hidden {
        Verdict::Private
    } else {
        match validate_op(op) {
            Ok(ValidateCallbackResult::Valid) => Verdict::Valid,
            Ok(ValidateCallbackResult::Invalid(reason)) => Verdict::Invalid(reason),
            Ok(ValidateCallbackResult::UnresolvedDependencies(deps)) => {
                Verdict::NotReplayable(format!("the network does not hold {deps:?} yet"))
            }
            Err(e) => Verdict::NotReplayable(e.to_string()),
        }
    };
    Ok(Replayed {
        seq: action.action_seq(),
        action: record.action_address().clone(),
        what,
        figure,
        verdict,
    })
}

/// The record's type, and the figure it states, for the report.
fn describe(op: &Op, action: &Action) -> (String, Option<String>) {
    match op.flattened::<EntryTypes, LinkTypes>() {
        Ok(FlatOp::CreateRecord(OpRecord::CreateEntry { app_entry, .. }))
        | Ok(FlatOp::CreateRecord(OpRecord::UpdateEntry { app_entry, .. })) => {
            let what = format!("{:?}", app_entry.to_unit());
            (what, figure(&app_entry))
        }
        Ok(FlatOp::CreateRecord(OpRecord::CreatePrivateEntry { app_entry_type, .. }))
        | Ok(FlatOp::CreateRecord(OpRecord::UpdatePrivateEntry { app_entry_type, .. })) => {
            (format!("{app_entry_type:?}"), None)
        }
        Ok(FlatOp::CreateRecord(OpRecord::CreateLink { link_type, .. })) => {
            (format!("link {link_type:?}"), None)
        }
        _ if matches!(action.entry_type(), Some(EntryType::AgentPubKey)) => {
            ("AgentPubKey".into(), None)
        }
        // A capability grant or claim (payout-details access): private system entries.
        _ if matches!(action.entry_type(), Some(EntryType::CapGrant)) => ("CapGrant".into(), None),
        _ if matches!(action.entry_type(), Some(EntryType::CapClaim)) => ("CapClaim".into(), None),
        _ => (format!("{:?}", action.action_type()), None),
    }
}

fn figure(entry: &EntryTypes) -> Option<String> {
    Some(match entry {
        EntryTypes::Distribution(d) => {
            let paid: u128 = d.payouts.iter().map(|p| u128::from(p.amount)).sum();
            let upstream: u128 = d.upstream.iter().map(|p| u128::from(p.amount)).sum();
            let cited = match d.upstream.len() {
                0 => String::new(),
                n => format!(", {n} cited projects {upstream} upstream"),
            };
            format!(
                "distributes income {}: {} payouts totalling {paid}{cited}, {} retained",
                d.income,
                d.payouts.len(),
                d.retained
            )
        }
        EntryTypes::IncomeEvent(i) => format!("income of {} to project {}", i.amount, i.project),
        EntryTypes::LicenseGrant(g) => format!(
            "license granted to a {:?} under {:?}: fee {}{}",
            g.category.tag(),
            g.terms.kind,
            g.fee,
            if g.exception.is_some() {
                " (exception)"
            } else {
                ""
            }
        ),
        EntryTypes::ResourceUse(u) => format!("use of resource {}: fee {}", u.resource, u.fee),
        EntryTypes::Settlement(s) => {
            format!("settles {} contributions of {}", s.items.len(), s.period)
        }
        _ => return None,
    })
}
