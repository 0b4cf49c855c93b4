//! Which version of a project is in force at a time. A project changes by versions, each naming
//! the one it replaces (the project as created: `None`). Two changes may replace the same
//! version (a fork), and a version may replace one that was already replaced (a side branch:
//! a removed steward still listed by an old version could build one, as long as they like).
//! The rule, the same for the coordinators, the audit and the UI: from the project as created,
//! repeatedly, of the versions made by then that replace the one in force (and are dated no
//! earlier than it), the first made is in force, and of those made in the same microsecond the
//! lowest hash. A side branch never counts, however long; the others replacing the same version
//! as the one in force are its *rivals*, named so that a fork is seen.
//!
//! Validators cannot see every version (the index is not theirs to read), so they check only
//! that an act's author is listed by the version it names; the audit compares with
//! [`chained_in_force`] over the project's index.

use crate::ledger::value_equation::in_force::InForce;

/// The number of a version replacing one numbered `replaced` (`None`: the original, 1).
pub fn next_number(replaced: Option<u32>) -> u32 {
    replaced.map_or(2, |n| n.saturating_add(1))
}

/// A `what` numbered `version` replacing one numbered `replaced` is numbered one more.
pub fn check_number(what: &str, replaced: Option<u32>, version: u32) -> Result<(), String> {
    let expected = next_number(replaced);
    if version != expected {
        return Err(format!(
            "this {what} must be version {expected}, not {version}"
        ));
    }
    Ok(())
}

/// One version as the rule sees it: its hash, the version it replaces, when it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version<H> {
    pub hash: H,
    pub replaces: Option<H>,
    pub made_micros: i64,
}

/// The version in force at `at_micros` (see the module documentation), numbered from 2 (the
/// project as created is 1); `None` while the project as created is in force.
pub fn chained_in_force<H: Ord + Clone>(
    versions: &[Version<H>],
    at_micros: i64,
) -> Option<InForce<H>> {
    let mut current: Option<&Version<H>> = None;
    let mut chosen = None;
    for number in 2..=u32::try_from(versions.len())
        .unwrap_or(u32::MAX)
        .saturating_add(1)
    {
        let mut next: Vec<&Version<H>> = versions
            .iter()
            .filter(|v| v.made_micros <= at_micros)
            .filter(|v| v.replaces.as_ref() == current.map(|c| &c.hash))
            .filter(|v| current.is_none_or(|c| v.made_micros >= c.made_micros))
            .collect();
        next.sort_by(|a, b| (a.made_micros, &a.hash).cmp(&(b.made_micros, &b.hash)));
        next.dedup_by(|a, b| a.hash == b.hash);
        let Some((first, rivals)) = next.split_first() else {
            break;
        };
        current = Some(first);
        chosen = Some(InForce {
            hash: first.hash.clone(),
            version: number,
            rivals: rivals.iter().map(|v| v.hash.clone()).collect(),
        });
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(hash: u8, replaces: Option<u8>, at: i64) -> Version<u8> {
        Version {
            hash,
            replaces,
            made_micros: at,
        }
    }

    #[test]
    fn the_first_change_of_the_version_in_force_is_in_force() {
        let chain = [v(2, None, 10), v(3, Some(2), 20)];
        assert_eq!(chained_in_force(&chain, 5), None);
        assert_eq!(
            chained_in_force(&chain, 10).map(|f| (f.hash, f.version)),
            Some((2, 2))
        );
        assert_eq!(
            chained_in_force(&chain, 25).map(|f| (f.hash, f.version)),
            Some((3, 3))
        );
    }

    #[test]
    fn a_fork_keeps_the_first_made_and_names_its_rivals() {
        let fork = [v(9, None, 10), v(4, None, 10), v(5, None, 11)];
        let chosen = chained_in_force(&fork, 20).expect("a version");
        assert_eq!((chosen.hash, chosen.rivals), (4, vec![9, 5]));
    }

    #[test]
    fn a_side_branch_never_overtakes_however_long() {
        // 2 replaced by 3 (in force); 30 also replaces 2, later, and 40 and 50 extend it.
        let history = [
            v(2, None, 10),
            v(3, Some(2), 20),
            v(30, Some(2), 30),
            v(40, Some(30), 40),
            v(50, Some(40), 50),
        ];
        let chosen = chained_in_force(&history, 60).expect("a version");
        assert_eq!(
            (chosen.hash, chosen.version, chosen.rivals),
            (3, 3, vec![30])
        );
    }

    #[test]
    fn a_change_dated_before_the_version_it_replaces_does_not_count() {
        let backdated = [v(2, None, 10), v(3, Some(2), 5)];
        assert_eq!(chained_in_force(&backdated, 20).map(|f| f.hash), Some(2));
    }
}
