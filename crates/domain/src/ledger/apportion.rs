//! Exact integer apportionment: splitting a whole number of minor units in proportion to
//! weights, so that the parts add up to the whole. Largest remainder (Hamilton's method), ties
//! to the earlier item; optional caps filled first (water-filling).

use crate::ledger::value_equation::FULL_SHARE_BP;
use crate::DomainError;

/// What is left to split after capped items that reach their caps are paid them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saturated {
    /// Each capped item that reached its cap holds it here; every other item holds 0.
    pub amounts: Vec<u64>,
    /// The items still to share `left`.
    pub active: Vec<bool>,
    pub left: u64,
}

/// Pays capped items their caps while a proportional split would give them at least that.
///
/// Items reach their caps in order of cap / weight; once the cheapest remaining one would not
/// reach its cap, none of the later ones would either (paying a capped item its cap never
/// lowers the level the others are split at), so the loop stops there.
pub fn saturate(
    pot: u64,
    weights: &[u128],
    caps: &[Option<u64>],
) -> Result<Saturated, DomainError> {
    let n = weights.len();
    let mut amounts = vec![0u64; n];
    let mut active = vec![true; n];
    let mut left = pot;
    let mut total = sum(weights)?;
    let mut capped: Vec<(usize, u64)> = (0..n).filter_map(|i| caps[i].map(|c| (i, c))).collect();
    let mut cost = Ok(());
    capped.sort_by(|&(i, ci), &(j, cj)| {
        match (mul(ci as u128, weights[j]), mul(cj as u128, weights[i])) {
            (Ok(a), Ok(b)) => a.cmp(&b).then(i.cmp(&j)),
            (Err(e), _) | (_, Err(e)) => {
                cost = Err(e);
                i.cmp(&j)
            }
        }
    });
    cost?;
    for (i, cap) in capped {
        if total == 0 || mul(left as u128, weights[i])? < mul(cap as u128, total)? {
            break;
        }
        amounts[i] = cap;
        active[i] = false;
        left -= cap;
        total -= weights[i];
    }
    Ok(Saturated {
        amounts,
        active,
        left,
    })
}

/// Splits `pot` in proportion to `weights` by largest remainder, ties to the earlier item.
/// All of `pot` is paid out unless every weight is 0 (then nothing is).
pub fn largest_remainder(pot: u64, weights: &[u128]) -> Result<Vec<u64>, DomainError> {
    let total = sum(weights)?;
    let mut amounts = vec![0u64; weights.len()];
    if total == 0 {
        return Ok(amounts);
    }
    let mut remainders = Vec::with_capacity(weights.len());
    let mut handed = 0u64;
    for (i, &w) in weights.iter().enumerate() {
        let share = mul(pot as u128, w)?;
        amounts[i] = (share / total) as u64;
        handed += amounts[i];
        remainders.push((share % total, i));
    }
    let leftover = (pot - handed) as usize;
    if leftover > 0 {
        let by_remainder = |a: &(u128, usize), b: &(u128, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if leftover < remainders.len() {
            remainders.select_nth_unstable_by(leftover - 1, by_remainder);
        }
        for &(_, i) in &remainders[..leftover] {
            amounts[i] += 1;
        }
    }
    Ok(amounts)
}

/// Splits `pot` in proportion to `weights`, never paying item `i` more than `caps[i]`.
/// Pays out all of `pot` unless every item reaches its cap (or there are none).
pub fn apportion_capped(
    pot: u64,
    weights: &[u128],
    caps: &[Option<u64>],
) -> Result<Vec<u64>, DomainError> {
    let saturated = saturate(pot, weights, caps)?;
    let active: Vec<usize> = (0..weights.len())
        .filter(|&i| saturated.active[i])
        .collect();
    let active_weights: Vec<u128> = active.iter().map(|&i| weights[i]).collect();
    let mut amounts = saturated.amounts;
    for (&i, share) in active
        .iter()
        .zip(largest_remainder(saturated.left, &active_weights)?)
    {
        amounts[i] = share;
    }
    Ok(amounts)
}

/// Pie slices in basis points: each amount's share of their total by [`largest_remainder`], so
/// the slices sum to exactly 10,000 (when anything is paid) and each is within one basis point
/// of its exact share.
pub fn shares_bp(amounts: &[u64]) -> Result<Vec<u32>, DomainError> {
    let weights: Vec<u128> = amounts.iter().map(|a| u128::from(*a)).collect();
    let slices = largest_remainder(u64::from(FULL_SHARE_BP), &weights)?;
    // Each slice is at most the pot, 10,000.
    Ok(slices.into_iter().map(|s| s as u32).collect())
}

fn sum(weights: &[u128]) -> Result<u128, DomainError> {
    weights.iter().try_fold(0u128, |acc, &w| {
        acc.checked_add(w).ok_or(DomainError::Overflow {
            what: "the total value of a bucket",
        })
    })
}

fn mul(a: u128, b: u128) -> Result<u128, DomainError> {
    a.checked_mul(b).ok_or(DomainError::Overflow {
        what: "a share of the income",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn largest_remainder_pays_every_unit_ties_to_the_earlier_item() {
        assert_eq!(largest_remainder(10, &[1, 1, 1]).unwrap(), vec![4, 3, 3]);
        assert_eq!(largest_remainder(10, &[0, 0]).unwrap(), vec![0, 0]);
        assert_eq!(largest_remainder(10, &[]).unwrap(), Vec::<u64>::new());
    }

    #[test]
    fn capped_items_get_their_cap_and_the_rest_is_shared() {
        assert_eq!(
            apportion_capped(10, &[1, 1], &[Some(2), None]).unwrap(),
            vec![2, 8]
        );
        assert_eq!(
            apportion_capped(10, &[1, 1], &[Some(2), Some(3)]).unwrap(),
            vec![2, 3]
        );
        assert_eq!(
            apportion_capped(10, &[1, 1], &[Some(9), None]).unwrap(),
            vec![5, 5]
        );
    }

    #[test]
    fn weights_too_large_to_multiply_are_an_error_not_a_wrong_answer() {
        assert!(largest_remainder(u64::MAX, &[u128::MAX / 2, 1]).is_err());
    }

    #[test]
    fn pie_shares_sum_to_a_whole() {
        assert_eq!(shares_bp(&[1, 1, 1]).unwrap(), vec![3_334, 3_333, 3_333]);
        assert_eq!(shares_bp(&[732, 18]).unwrap(), vec![9_760, 240]);
        assert_eq!(shares_bp(&[0, 0]).unwrap(), vec![0, 0]);
        assert_eq!(shares_bp(&[]).unwrap(), Vec::<u32>::new());
    }

    proptest::proptest! {
        #[test]
        fn pie_shares_are_whole_and_each_within_a_basis_point(amounts in prop::collection::vec(0u64..u64::MAX / 4, 1..40)) {
            let shares = shares_bp(&amounts).unwrap();
            let total: u128 = amounts.iter().map(|a| u128::from(*a)).sum();
            if total > 0 {
                prop_assert_eq!(shares.iter().sum::<u32>(), 10_000);
            }
            for (a, s) in amounts.iter().zip(&shares) {
                let exact = u128::from(*a) * 10_000;
                prop_assert!(u128::from(*s) * total <= exact + total);
                prop_assert!(u128::from(*s) * total + total >= exact);
            }
        }
    }
}
