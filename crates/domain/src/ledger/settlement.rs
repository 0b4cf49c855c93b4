//! Settlements: the common ledger's pages. A settlement lists up to [`MAX_SETTLED`] counted
//! contributions of one project and month, each copied as signed (contributor, kind, date) with
//! the K confirmations that make it count. Distributions reference settlements instead of single
//! contributions, so a distribution over 100,000 contributions names 50 settlements, and every
//! entry stays far below the DHT's 4 MB entry limit (a page's size: see docs/figures.md). The
//! next distribution reuses every settlement whose contributions all still count, so a month is
//! settled once and only new contributions make new pages.

use crate::DomainError;
use std::collections::BTreeSet;
use std::fmt::Debug;

/// The most contributions one settlement lists (about 200 bytes each with one confirmation).
pub const MAX_SETTLED: usize = 2_000;

/// A settled contribution as the rule sees it.
pub struct Settled<'a, A, H> {
    pub contribution: &'a H,
    pub contributor: &'a A,
    /// The authors of the confirmations listed for it.
    pub endorsers: Vec<&'a A>,
    /// The contribution it corrects, if it is a correction.
    pub corrects: Option<&'a H>,
}

/// Rules:
/// 1. One to [`MAX_SETTLED`] contributions, each listed once.
/// 2. Each lists confirmations by at least `required` distinct members other than its
///    contributor (an endorser listed twice counts once).
/// 3. No listed contribution corrects another listed one ([`check_not_beside_correction`]).
pub fn check_settlement<A: Ord + Debug, H: Ord + Debug>(
    items: &[Settled<'_, A, H>],
    required: u32,
) -> Result<(), DomainError> {
    if items.is_empty() || items.len() > MAX_SETTLED {
        return Err(DomainError::OutOfBounds {
            field: "settled contributions",
            value: items.len() as u64,
            max: MAX_SETTLED as u64,
        });
    }
    let mut listed = BTreeSet::new();
    for item in items {
        if !listed.insert(item.contribution) {
            return Err(DomainError::Duplicate {
                field: "settled contributions",
                value: format!("{:?}", item.contribution),
            });
        }
    }
    check_not_beside_correction(items.iter().map(|i| (i.contribution, i.corrects)))?;
    for item in items {
        let endorsers: BTreeSet<&A> = item
            .endorsers
            .iter()
            .copied()
            .filter(|e| *e != item.contributor)
            .collect();
        if endorsers.len() < required as usize {
            return Err(DomainError::NotCounted {
                contribution: format!("{:?}", item.contribution),
                confirmations: endorsers.len() as u32,
                required,
            });
        }
    }
    Ok(())
}

/// No contribution is listed beside a correction of it: a superseded contribution never counts
/// beside what replaced it. Items are (contribution, what it corrects); a distribution applies
/// this across all its settlements, so an original and its correction settled in different
/// months are not both paid.
pub fn check_not_beside_correction<'a, H: Ord + Debug + 'a>(
    items: impl IntoIterator<Item = (&'a H, Option<&'a H>)> + Clone,
) -> Result<(), DomainError> {
    let listed: BTreeSet<&H> = items.clone().into_iter().map(|(c, _)| c).collect();
    match items
        .into_iter()
        .find_map(|(_, corrects)| corrects.filter(|c| listed.contains(c)))
    {
        Some(corrected) => Err(DomainError::Superseded {
            contribution: format!("{corrected:?}"),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item<'a>(id: &'a u32, who: &'a u8, by: Vec<&'a u8>) -> Settled<'a, u8, u32> {
        Settled {
            contribution: id,
            contributor: who,
            endorsers: by,
            corrects: None,
        }
    }

    #[test]
    fn a_contribution_with_k_distinct_confirmations_settles() {
        let (a, b, c) = (1u8, 2u8, 3u8);
        assert!(check_settlement(&[item(&10, &a, vec![&b, &c])], 2).is_ok());
    }

    #[test]
    fn too_few_confirmations_duplicates_and_self_confirmations_do_not_count() {
        let (a, b) = (1u8, 2u8);
        let err = check_settlement(&[item(&10, &a, vec![&b, &b, &a])], 2).unwrap_err();
        assert!(matches!(
            err,
            DomainError::NotCounted {
                confirmations: 1,
                ..
            }
        ));
        assert!(check_settlement(&[item(&10, &a, vec![&b]), item(&10, &a, vec![&b])], 1).is_err());
        assert!(check_settlement::<u8, u32>(&[], 1).is_err());
    }

    #[test]
    fn a_contribution_is_not_settled_beside_its_correction() {
        let (a, b) = (1u8, 2u8);
        let mut correction = item(&11, &a, vec![&b]);
        correction.corrects = Some(&10);
        let err = check_settlement(&[item(&10, &a, vec![&b]), correction], 1).unwrap_err();
        assert!(matches!(err, DomainError::Superseded { .. }));
    }
}
