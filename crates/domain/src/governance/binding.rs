//! Decisions bind: where a network's rules say so (`decisions_bind`, a new network's default),
//! a change its project's rules put to a vote takes effect only by naming a passed decision on a
//! proposal that made exactly that change, in that project, against the state it replaces (for
//! an equation: the proposal named as its equation the version the change replaces), made no
//! earlier than the decision. Elsewhere the project's stewards may still act alone, and a change
//! that names a decision is checked the same. Validators and coordinators ask [`authority`].
//!
//! Validation cannot see what a decision or its proposal left out (a vote, a settlement whose
//! contributors would have voted), nor which decision stands: coordinators carry out only the
//! standing decision that names all they count, and the audit reports the rest. Nor a second
//! carrying-out of one decision: for an equation, a rival of the same version, never in force
//! after the first; for an exception, which replaces nothing, a twin of the first (a request
//! is granted once).

use crate::DomainError;
use std::fmt::Display;

/// A change as its entry makes it.
#[derive(Debug, Clone, Copy)]
pub struct Made<'a, H, C> {
    pub project: &'a H,
    pub change: &'a C,
    /// What it replaces (an equation: the version in force it supersedes; `None`: the default).
    pub replaces: Option<&'a H>,
    /// When it is made (µs).
    pub at: i64,
}

/// The decision a change names, with its proposal, as read from their records.
#[derive(Debug, Clone, Copy)]
pub struct Decided<'a, H, C> {
    pub decision: &'a H,
    pub project: &'a H,
    pub change: &'a C,
    /// What the proposal was made against (an equation: the version in force when it opened).
    pub against: Option<&'a H>,
    pub passed: bool,
    /// When the decision was published (µs).
    pub at: i64,
}

/// On whose authority a change is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Authority {
    /// A passed decision names exactly this change: any member may carry it out.
    Decision,
    /// The network lets stewards act alone: the caller must check the author stewards it.
    Stewards,
}

/// Whether `made` may be made, naming `decided` (or nothing), where `binds` is the network's
/// `decisions_bind`. `what` names the kind of change in errors ("value equation").
pub fn authority<H, C>(
    what: &str,
    binds: bool,
    made: &Made<'_, H, C>,
    decided: Option<&Decided<'_, H, C>>,
) -> Result<Authority, DomainError>
where
    H: PartialEq + Display,
    C: PartialEq,
{
    let bad = |why: String| Err(DomainError::BadGovernance(why));
    let Some(decided) = decided else {
        if binds {
            return bad(format!(
                "this network adopts a {what} only by a decision: propose it and name the \
                 decision once it passes"
            ));
        }
        return Ok(Authority::Stewards);
    };
    if decided.project != made.project {
        return bad(format!(
            "decision {} is about project {}, not {}",
            decided.decision, decided.project, made.project
        ));
    }
    if !decided.passed {
        return bad(format!("decision {} did not pass", decided.decision));
    }
    if made.at < decided.at {
        return bad(format!(
            "this {what} is dated before decision {} was published: a decision is carried out \
             after it",
            decided.decision
        ));
    }
    if decided.change != made.change {
        return bad(format!(
            "decision {} decided another change than this {what}",
            decided.decision
        ));
    }
    if decided.against != made.replaces {
        let shown = |h: Option<&H>| h.map_or("the network's default".into(), |h| h.to_string());
        return bad(format!(
            "decision {} was made against {}, but this {what} replaces {}: a decision is carried \
             out once, on the state it was proposed against",
            decided.decision,
            shown(decided.against),
            shown(made.replaces)
        ));
    }
    Ok(Authority::Decision)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Pair<'a> = (
        Made<'a, String, u8>,
        Vec<(Decided<'a, String, u8>, &'static str)>,
    );

    /// Version 2 of project p's equation (change 1) replacing v1, made at 20, and decisions
    /// about it.
    fn cases<'a>(names: &'a [String; 4]) -> Pair<'a> {
        let [p, q, v1, d] = names;
        let made = Made {
            project: p,
            change: &1,
            replaces: Some(v1),
            at: 20,
        };
        let decided = |project, change, against, passed, at| Decided {
            decision: d,
            project,
            change,
            against,
            passed,
            at,
        };
        let cases = vec![
            (decided(p, &1, Some(v1), true, 10), ""),
            (decided(p, &1, Some(v1), true, 20), ""),
            (decided(p, &1, Some(v1), false, 10), "did not pass"),
            (decided(q, &1, Some(v1), true, 10), "is about project q"),
            (decided(p, &2, Some(v1), true, 10), "another change"),
            (decided(p, &1, None, true, 10), "carried out once"),
            (
                decided(p, &1, Some(v1), true, 21),
                "dated before decision d",
            ),
        ];
        (made, cases)
    }

    fn names() -> [String; 4] {
        ["p", "q", "v1", "d"].map(String::from)
    }

    #[test]
    fn stewards_act_alone_only_where_decisions_do_not_bind() {
        let names = names();
        let (made, _) = cases(&names);
        assert_eq!(authority("x", false, &made, None), Ok(Authority::Stewards));
        let err = authority("value equation", true, &made, None).unwrap_err();
        assert!(err.to_string().contains("only by a decision"), "{err}");
    }

    #[test]
    fn only_a_passed_decision_on_exactly_this_change_authorises_it_bound_or_not() {
        let names = names();
        let (made, cases) = cases(&names);
        for binds in [false, true] {
            for (decided, why) in &cases {
                match authority("x", binds, &made, Some(decided)) {
                    Ok(authority) => {
                        assert_eq!((authority, *why), (Authority::Decision, ""))
                    }
                    Err(err) => assert!(
                        !why.is_empty() && err.to_string().contains(why),
                        "{err} should say {why:?}"
                    ),
                }
            }
        }
    }
}
