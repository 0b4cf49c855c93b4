//! A resource's contributor shares as a machine-readable pie chart (format `ovn-pie-chart/1`,
//! after the `pie-chart.json` Sensorica's ovn-license proposes): who would receive what part
//! of the next income of the resource's project (a license fee, a use fee), with their roles.
//! The shares come from `ovn_domain::distribute` over the project's counted contributions and
//! the equation in force, exactly as a distribution would compute them; percentages are whole
//! basis points summing to 100 (`ovn_domain::ledger::apportion::shares_bp`).

use crate::equations::equation_in_force;
use crate::plan::{distributions_of, settle};
use crate::LedgerError;
use hdk::prelude::*;
use ovn_domain::ledger::apportion::shares_bp;
use ovn_domain::ledger::distribution::add_paid_claims;
use ovn_domain::{distribute, Bucket, ContributionKind, Input, Outcome, PaidClaims, Payee};
use ovn_integrity::{LinkTypes, Profile, Project, Resource};
use ovn_zome_support::membership::profile_creation_of;
use ovn_zome_support::records::{get_entry, must_read};
use std::collections::{BTreeMap, BTreeSet};

/// The notional income the shares are computed on: large, so rounding is far below a basis
/// point.
const NOTIONAL_INCOME: u64 = 1_000_000_000_000;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PieChart {
    pub format: String,
    pub resource: String,
    pub name: String,
    pub project: String,
    /// The resource's LicenseAttachment, if it carries a license.
    pub license: Option<String>,
    /// The project's value equation version (0: the network's default).
    pub equation_version: u32,
    pub contributors: Vec<Slice>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Slice {
    /// The agent's public key in Holochain's text form, or `project <hash>` for a project
    /// whose cited design earns it a share (its upstream income).
    pub agent: String,
    /// Their nickname when they joined, if their profile is found; a project's name.
    pub nickname: Option<String>,
    /// Percent, two decimals; all slices sum to exactly 100.
    pub share: f64,
    pub share_bp: u32,
    /// What they are credited for: `work: <skill>`, `use`, `cite`, `financial`, `material`,
    /// `fixed share: <bucket>`, or for a project `upstream: cited design`.
    pub roles: Vec<String>,
}

/// The JSON text of the pie chart, and the same data typed.
#[derive(Serialize, Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PieChartExport {
    pub json: String,
    pub chart: PieChart,
}

/// The contributor shares of `resource`'s project as of now.
#[hdk_extern]
pub fn export_pie_chart(resource: ovn_zome_support::input::Input) -> ExternResult<PieChartExport> {
    let resource: ActionHash = resource.decode()?;
    let (_, found) = must_read::<Resource>(&resource)?;
    let project = found
        .project
        .clone()
        .ok_or_else(|| LedgerError::NoProject(resource.clone()))?;
    let equation = equation_in_force(&project, sys_time()?)?;
    let inputs: Vec<_> = settle(&project, sys_time()?)?
        .iter()
        .flat_map(|s| s.settlement().items.iter().map(|i| i.input()))
        .collect();
    let mut paid = PaidClaims::new();
    for (_, d) in distributions_of(&project)? {
        add_paid_claims(&mut paid, &d.claims);
    }
    let outcome = distribute(&equation.equation, NOTIONAL_INCOME, &inputs, &paid)
        .map_err(LedgerError::from)?;
    let roles = roles_of(&outcome, &inputs, &equation.equation.buckets);
    let contributors = slices_of(&outcome, &roles)?;
    let license = get_links(
        LinkQuery::try_new(resource.clone(), LinkTypes::ResourceToLicense)?,
        GetStrategy::default(),
    )?
    .into_iter()
    .min_by_key(|l| l.timestamp)
    .map(|l| l.target.to_string());
    let chart = PieChart {
        format: "ovn-pie-chart/1".into(),
        resource: resource.to_string(),
        name: found.name,
        project: project.to_string(),
        license,
        equation_version: equation.version,
        contributors,
    };
    let json = serde_json::to_string_pretty(&chart)
        .map_err(|e| wasm_error!(WasmErrorInner::Guest(format!("cannot write JSON: {e}"))))?;
    Ok(PieChartExport { json, chart })
}

/// Each paid agent's roles: the kinds of contribution (and skills) or the fixed shares their
/// payout came from.
fn roles_of<'a>(
    outcome: &'a Outcome<AgentPubKey, ActionHash>,
    inputs: &[Input<AgentPubKey, ActionHash, ActionHash>],
    buckets: &[Bucket<AgentPubKey, ActionHash>],
) -> BTreeMap<&'a AgentPubKey, BTreeSet<String>> {
    let kinds: BTreeMap<&ActionHash, &ContributionKind<ActionHash>> =
        inputs.iter().map(|i| (&i.id, &i.kind)).collect();
    let mut roles: BTreeMap<&AgentPubKey, BTreeSet<String>> = BTreeMap::new();
    for line in outcome.trace.iter().filter(|l| l.amount > 0) {
        let role = match line.contribution.as_ref().and_then(|c| kinds.get(c)) {
            Some(ContributionKind::Work { skill, .. }) => format!("work: {skill}"),
            Some(ContributionKind::Use { .. }) => "use".into(),
            Some(ContributionKind::Cite { .. }) => "cite".into(),
            Some(ContributionKind::Financial { .. }) => "financial".into(),
            Some(ContributionKind::Material { .. }) => "material".into(),
            None => format!(
                "fixed share: {}",
                buckets
                    .get(line.bucket as usize)
                    .map(|b| b.name.as_str())
                    .unwrap_or("?")
            ),
        };
        if let Payee::Agent(agent) = &line.payee {
            roles.entry(agent).or_default().insert(role);
        }
    }
    roles
}

/// The chart's slices, largest first: each payout's share in whole basis points.
fn slices_of(
    outcome: &Outcome<AgentPubKey, ActionHash>,
    roles: &BTreeMap<&AgentPubKey, BTreeSet<String>>,
) -> ExternResult<Vec<Slice>> {
    let amounts: Vec<u64> = outcome
        .payouts
        .iter()
        .map(|p| p.amount)
        .chain(outcome.upstream.iter().map(|p| p.amount))
        .collect();
    let mut shares = shares_bp(&amounts).map_err(LedgerError::from)?;
    let upstream_shares = shares.split_off(outcome.payouts.len());
    let mut contributors = Vec::with_capacity(amounts.len());
    for (payout, share_bp) in outcome.upstream.iter().zip(upstream_shares) {
        let name = match get_entry::<Project>(&payout.agent)? {
            Some(Ok((_, p))) => Some(p.name),
            _ => None,
        };
        contributors.push(Slice {
            agent: format!("project {}", payout.agent),
            nickname: name,
            share: f64::from(share_bp) / 100.0,
            share_bp,
            roles: vec!["upstream: cited design".into()],
        });
    }
    for (payout, share_bp) in outcome.payouts.iter().zip(shares) {
        contributors.push(Slice {
            agent: payout.agent.to_string(),
            nickname: nickname_of(&payout.agent)?,
            share: f64::from(share_bp) / 100.0,
            share_bp,
            roles: roles
                .get(&payout.agent)
                .map(|r| r.iter().cloned().collect())
                .unwrap_or_default(),
        });
    }
    contributors.sort_by(|a, b| b.share_bp.cmp(&a.share_bp).then(a.agent.cmp(&b.agent)));
    Ok(contributors)
}

fn nickname_of(agent: &AgentPubKey) -> ExternResult<Option<String>> {
    let Some(profile) = profile_creation_of(agent)? else {
        return Ok(None);
    };
    Ok(match get_entry::<Profile>(&profile)? {
        Some(Ok((_, p))) => Some(p.nickname),
        _ => None,
    })
}
