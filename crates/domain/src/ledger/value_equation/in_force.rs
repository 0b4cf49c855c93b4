//! Which version of a project's equation is in force at a time. Versions chain (each names the
//! one it replaces and is numbered one more), but two adoptions may each make "version 2":
//! the history then forks. The rule, the same for the distribution coordinator, the audit and
//! the UI: of the versions adopted at or before the time, the highest-numbered is in force; of
//! several with that number, the first adopted, and of those adopted in the same microsecond the
//! lowest hash. The others with its number are its *rivals*, named so that a fork is seen.
//!
//! Validators cannot see every version (the index is not theirs to read), so they only reject a
//! distribution naming a version adopted after its cutoff; the audit compares what a
//! distribution used with [`in_force`] over the project's index.

/// One adopted version as the rule sees it: its hash, number and adoption time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adopted<H> {
    pub hash: H,
    pub version: u32,
    pub adopted_micros: i64,
}

/// The version in force and its rivals (the fork's other branches at its number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InForce<H> {
    pub hash: H,
    pub version: u32,
    pub rivals: Vec<H>,
}

/// The version in force at `at_micros` (see the module documentation); `None` when none was
/// adopted by then (the network's default is in force).
pub fn in_force<H: Ord + Clone>(versions: &[Adopted<H>], at_micros: i64) -> Option<InForce<H>> {
    let by_then: Vec<&Adopted<H>> = versions
        .iter()
        .filter(|v| v.adopted_micros <= at_micros)
        .collect();
    let top = by_then.iter().map(|v| v.version).max()?;
    let mut branches: Vec<&Adopted<H>> = by_then.into_iter().filter(|v| v.version == top).collect();
    branches.sort_by(|a, b| (a.adopted_micros, &a.hash).cmp(&(b.adopted_micros, &b.hash)));
    branches.dedup_by(|a, b| a.hash == b.hash);
    let (first, rivals) = branches.split_first()?;
    Some(InForce {
        hash: first.hash.clone(),
        version: top,
        rivals: rivals.iter().map(|v| v.hash.clone()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(hash: u8, version: u32, at: i64) -> Adopted<u8> {
        Adopted {
            hash,
            version,
            adopted_micros: at,
        }
    }

    #[test]
    fn the_highest_version_adopted_by_then_is_in_force() {
        let versions = [v(1, 1, 10), v(2, 2, 20), v(3, 3, 30)];
        assert_eq!(in_force(&versions, 5), None);
        assert_eq!(in_force(&versions, 20).map(|f| f.hash), Some(2));
        assert_eq!(in_force(&versions, 99).map(|f| f.hash), Some(3));
    }

    #[test]
    fn of_two_versions_replacing_the_same_one_the_first_adopted_is_in_force() {
        let versions = [v(9, 2, 21), v(1, 1, 10), v(4, 2, 20)];
        let fork = in_force(&versions, 30).unwrap();
        assert_eq!((fork.hash, fork.version, fork.rivals), (4, 2, vec![9]));
        // Adopted in the same microsecond: the lower hash, whatever the input order.
        let same = [v(9, 2, 20), v(4, 2, 20), v(1, 1, 10)];
        assert_eq!(in_force(&same, 30).unwrap().hash, 4);
        let mut reversed = same.clone();
        reversed.reverse();
        assert_eq!(in_force(&reversed, 30).unwrap().hash, 4);
        // A later version on the losing branch ends the fork: the highest number wins.
        let on = [v(1, 1, 10), v(4, 2, 20), v(9, 2, 21), v(7, 3, 40)];
        assert_eq!(
            in_force(&on, 50).unwrap(),
            InForce {
                hash: 7,
                version: 3,
                rivals: vec![]
            }
        );
    }
}
