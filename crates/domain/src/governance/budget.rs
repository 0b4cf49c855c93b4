//! A participatory budget (Decidim's): an amount of a project's retained income, shared among
//! items by approval vote. Each member approves any set of items (through their delegate when
//! they do not vote, as in [`super::tally`]); items are taken in order of approvals (the weight
//! of those approving them; ties to the earlier item), and each is funded when it still fits in
//! what is left, else skipped for the next, smaller one.

use super::tally::representatives;
use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// At most this many items in one budget.
pub const MAX_ITEMS: usize = 100;

/// The budget's count.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Funding {
    /// Per item, in the items' order: the weight that approved it.
    pub approvals: Vec<u128>,
    /// The items funded, in the order they were taken.
    pub funded: Vec<usize>,
    /// What the funded items leave of the budget.
    pub left: u64,
}

/// Funds `costs` (per item, minor units) from `budget` by the approvals of `electorate`
/// (member → weight); `ballots` maps a voter to the items they approve (indices).
pub fn fund<A: Ord + Clone + std::fmt::Display>(
    budget: u64,
    costs: &[u64],
    electorate: &BTreeMap<A, u64>,
    ballots: &BTreeMap<A, BTreeSet<usize>>,
    delegations: &BTreeMap<A, A>,
) -> Result<Funding, DomainError> {
    if costs.is_empty() || costs.len() > MAX_ITEMS {
        return Err(DomainError::OutOfBounds {
            field: "budget items",
            value: costs.len() as u64,
            max: MAX_ITEMS as u64,
        });
    }
    if costs.contains(&0) {
        return Err(DomainError::NotPositive {
            field: "a budget item's cost",
        });
    }
    for (voter, items) in ballots {
        if !electorate.contains_key(voter) {
            return Err(DomainError::NotInElectorate {
                voter: voter.to_string(),
            });
        }
        if let Some(&item) = items.iter().find(|&&i| i >= costs.len()) {
            return Err(DomainError::BadGovernance(format!(
                "{voter} approves item {item}; the budget has {} items",
                costs.len()
            )));
        }
    }
    let mut approvals = vec![0u128; costs.len()];
    for (member, voter) in representatives(electorate, ballots, delegations) {
        for &item in &ballots[&voter] {
            approvals[item] += electorate[&member] as u128;
        }
    }
    let mut order: Vec<usize> = (0..costs.len()).collect();
    order.sort_by(|&a, &b| approvals[b].cmp(&approvals[a]).then(a.cmp(&b)));
    let mut left = budget;
    let mut funded = Vec::new();
    for item in order {
        if approvals[item] > 0 && costs[item] <= left {
            left -= costs[item];
            funded.push(item);
        }
    }
    Ok(Funding {
        approvals,
        funded,
        left,
    })
}
