//! Projects and their levels. The seeds organise an OVN on nested levels: a network holds open
//! enterprises, which hold projects.

use crate::text::{check_count, check_optional_text, check_text, MAX_NAME, MAX_PROSE};
use crate::DomainError;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ProjectLevel {
    Project,
    OpenEnterprise,
    Network,
}

impl std::fmt::Display for ProjectLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Project => "Project",
            Self::OpenEnterprise => "OpenEnterprise",
            Self::Network => "Network",
        })
    }
}

/// The rules for a new project, given its author `creator`.
///
/// 1. The name is non-empty and bounded; the purpose is bounded.
/// 2. The creator is the first steward; stewards are distinct and at most 50.
pub fn check_project<A: PartialEq>(
    name: &str,
    purpose: &str,
    stewards: &[A],
    creator: &A,
) -> Result<(), DomainError> {
    check_text("name", name, MAX_NAME)?;
    if stewards.first() != Some(creator) {
        return Err(DomainError::CreatorNotFirstSteward);
    }
    check_change(purpose, stewards)
}

/// The rules for a change of a project (by a decision, or by its stewards where decisions do
/// not bind): the purpose is bounded; it keeps at least one steward, at most 50, distinct.
pub fn check_change<A: PartialEq>(purpose: &str, stewards: &[A]) -> Result<(), DomainError> {
    check_optional_text("purpose", purpose, MAX_PROSE)?;
    check_count("stewards", stewards.len())?;
    if stewards.is_empty() {
        return Err(DomainError::NoSteward);
    }
    for (i, s) in stewards.iter().enumerate() {
        if stewards[..i].contains(s) {
            return Err(DomainError::Duplicate {
                field: "stewards",
                value: format!("steward #{}", i + 1),
            });
        }
    }
    Ok(())
}

/// Only a project's stewards act for it (register its resources, add its licenses, decide
/// exceptions to them; adopt its value equation where decisions do not bind); `what` names the act, for the refusal. The one
/// home of this rule: every validator and coordinator asks it.
pub fn check_steward<A: PartialEq + std::fmt::Display>(
    stewards: &[A],
    agent: &A,
    project: &impl std::fmt::Display,
    what: &'static str,
) -> Result<(), DomainError> {
    if !stewards.contains(agent) {
        return Err(DomainError::NotASteward {
            agent: agent.to_string(),
            project: project.to_string(),
            what,
        });
    }
    Ok(())
}

/// 3. A project sits under a parent of the same level or a higher one (a network can federate
///    networks; an open enterprise cannot hold a network).
pub fn check_parent_level(child: ProjectLevel, parent: ProjectLevel) -> Result<(), DomainError> {
    if child > parent {
        return Err(DomainError::LevelAboveParent {
            child: child.to_string(),
            parent: parent.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProjectLevel::*;

    #[test]
    fn only_a_steward_acts_for_the_project_and_the_refusal_names_the_act() {
        assert!(check_steward(&[1, 2], &2, &"p", "add its licenses").is_ok());
        let refused = check_steward(&[1, 2], &3, &"p", "add its licenses").unwrap_err();
        assert_eq!(
            refused.to_string(),
            "3 is not a steward of project p: only its stewards add its licenses"
        );
    }

    #[test]
    fn the_creator_must_be_the_first_steward() {
        assert!(check_project("printer", "", &[1, 2], &1).is_ok());
        assert_eq!(
            check_project("printer", "", &[2, 1], &1),
            Err(DomainError::CreatorNotFirstSteward)
        );
        assert_eq!(
            check_project::<u8>("printer", "", &[], &1),
            Err(DomainError::CreatorNotFirstSteward)
        );
        assert!(check_project("printer", "", &[1, 1], &1).is_err());
    }

    #[test]
    fn a_change_keeps_one_steward_at_least_each_once() {
        assert!(check_change("", &[2]).is_ok());
        assert_eq!(check_change::<u8>("", &[]), Err(DomainError::NoSteward));
        assert!(check_change("", &[2, 2]).is_err());
        assert!(check_change(&"x".repeat(100_000), &[2]).is_err());
    }

    #[test]
    fn a_project_needs_a_name() {
        assert_eq!(
            check_project(" ", "", &[1], &1),
            Err(DomainError::EmptyText { field: "name" })
        );
    }

    #[test]
    fn levels_nest_downwards() {
        assert!(check_parent_level(Project, OpenEnterprise).is_ok());
        assert!(check_parent_level(Network, Network).is_ok());
        assert!(check_parent_level(Network, Project).is_err());
        assert!(check_parent_level(OpenEnterprise, Project).is_err());
    }
}
