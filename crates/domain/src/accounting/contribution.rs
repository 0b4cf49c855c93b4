//! Contribution kinds (Valueflows action names: work, use, cite, plus money and materials) and
//! the rules every logged contribution obeys.

use crate::bounds::check_amount;
use crate::ledger::distribution::Payee;
use crate::resources::custody::Holding;
use crate::text::{check_text, check_text_list, MAX_EVIDENCE_ITEM, MAX_NAME, MAX_PROSE};
use crate::DomainError;
use crate::PropertyRegime;
use serde::{Deserialize, Serialize};

/// One entry records at most one day of work or use.
pub const MAX_MINUTES_PER_ENTRY: u32 = 24 * 60;

/// What was contributed. `R` names a resource (an `ActionHash` in the zomes).
/// Durations are whole minutes: exact, and fine-grained enough for logged hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(concrete(R = crate::ts::ActionHash)))]
pub enum ContributionKind<R> {
    /// Time spent working, with the skill it used.
    Work { minutes: u32, skill: String },
    /// Time a contributor's own resource (a tool, a space) was used for the project, under the
    /// custody state `custody` (the resource's creation or an acceptance of it), in which the
    /// contributor is its owner ([`check_use_by_owner`]).
    Use {
        resource: R,
        custody: R,
        minutes: u32,
    },
    /// A design or body of knowledge the project builds on.
    Cite { resource: R },
    /// Money put in, in the network currency's minor units.
    Financial { amount: u64 },
    /// Materials given, valued in minor units.
    Material { description: String, value: u64 },
}

impl<R> ContributionKind<R> {
    /// The resource a Use or Cite names.
    pub fn resource(&self) -> Option<&R> {
        match self {
            Self::Use { resource, .. } | Self::Cite { resource } => Some(resource),
            _ => None,
        }
    }

    /// Rules on quantities:
    /// 1. Durations are 1..=1440 minutes (no entry holds more than 24 hours).
    /// 2. Amounts and values are 1..=[`MAX_AMOUNT`](crate::bounds::MAX_AMOUNT) minor units.
    /// 3. A Work skill and a Material description are non-empty and bounded.
    pub fn check_quantities(&self) -> Result<(), DomainError> {
        match self {
            Self::Work { minutes, skill } => {
                check_minutes("minutes", *minutes)?;
                check_text("skill", skill, MAX_NAME)
            }
            Self::Use { minutes, .. } => check_minutes("minutes", *minutes),
            Self::Cite { .. } => Ok(()),
            Self::Financial { amount } => check_amount("amount", *amount),
            Self::Material { description, value } => {
                check_text("material description", description, MAX_NAME)?;
                check_amount("value", *value)
            }
        }
    }
}

fn check_minutes(field: &'static str, minutes: u32) -> Result<(), DomainError> {
    if minutes == 0 {
        return Err(DomainError::NotPositive { field });
    }
    if minutes > MAX_MINUTES_PER_ENTRY {
        return Err(DomainError::OutOfBounds {
            field,
            value: minutes.into(),
            max: MAX_MINUTES_PER_ENTRY.into(),
        });
    }
    Ok(())
}

/// Rules on who logs a Use, the time of a tool given to a project (the seeds and NRP: the use
/// of a private tool pays its owner; the use of a commons pays its funders, through use fees):
/// 1. The resource has an owner (Private or Shared). A Nondominium, Commons or Public
///    resource's use is a `ResourceUse`, whose fee is the income of the project that funded it,
///    never one member's contribution.
/// 2. The contributor is its owner in the custody state the Use names.
pub fn check_use_by_owner<A: PartialEq + std::fmt::Display>(
    regime: PropertyRegime,
    holding: &Holding<A>,
    contributor: &A,
) -> Result<(), DomainError> {
    if !regime.has_owner() {
        return Err(DomainError::UseOfCommons {
            regime: regime.to_string(),
        });
    }
    match &holding.owner {
        Some(owner) if owner == contributor => Ok(()),
        owner => Err(DomainError::UseOfAnothersTool {
            contributor: contributor.to_string(),
            owner: owner
                .as_ref()
                .map_or_else(|| "nobody".into(), |o| o.to_string()),
        }),
    }
}

/// Rules on a citation (the seeds and NRP's rollup: a citation pays the cited design's makers),
/// returning who its share is paid to:
/// 1. It cites a resource made outside the citing project: what the project made itself is
///    already paid through the contributions that made it.
/// 2. A design of another project pays that project: the share is its upstream income, shared by
///    its own value equation (`IncomeSource::Upstream`).
/// 3. A design of no project pays the member who registered it, whoever logs the citation.
pub fn cite_payee<A: Clone, H: PartialEq + Clone + std::fmt::Display>(
    citing_project: &H,
    resource: &H,
    resource_project: Option<&H>,
    maker: &A,
) -> Result<Payee<A, H>, DomainError> {
    match resource_project {
        Some(p) if p == citing_project => Err(DomainError::CiteOfOwnDesign {
            resource: resource.to_string(),
            project: p.to_string(),
        }),
        Some(p) => Ok(Payee::Project(p.clone())),
        None => Ok(Payee::Agent(maker.clone())),
    }
}

/// Rules on the free text of a contribution: a description, and up to 50 distinct evidence
/// items (URIs or content hashes).
pub fn check_description_and_evidence(
    description: &str,
    evidence: &[String],
) -> Result<(), DomainError> {
    check_text("description", description, MAX_PROSE)?;
    check_text_list("evidence", evidence, MAX_EVIDENCE_ITEM)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounds::{check_date, EARLIEST_DATE_MICROS, MAX_AMOUNT, MAX_CLOCK_SKEW_MICROS};
    use proptest::prelude::*;

    type Kind = ContributionKind<u32>;

    fn work(minutes: u32) -> Kind {
        Kind::Work {
            minutes,
            skill: "cad".into(),
        }
    }

    #[test]
    fn a_citation_pays_the_project_or_member_that_made_the_design_never_its_own_project() {
        assert_eq!(cite_payee(&1u32, &7, Some(&2), &5u8), Ok(Payee::Project(2)));
        assert_eq!(cite_payee(&1u32, &7, None, &5u8), Ok(Payee::Agent(5)));
        assert_eq!(
            cite_payee(&1u32, &7, Some(&1), &5u8)
                .unwrap_err()
                .to_string(),
            "resource 7 was made by project 1 itself: its makers are paid through their own \
             contributions to it, not by citing it"
        );
    }

    #[test]
    fn a_day_of_work_is_the_most_one_entry_holds() {
        assert!(work(MAX_MINUTES_PER_ENTRY).check_quantities().is_ok());
        assert!(matches!(
            work(MAX_MINUTES_PER_ENTRY + 1).check_quantities(),
            Err(DomainError::OutOfBounds {
                field: "minutes",
                ..
            })
        ));
        assert!(matches!(
            work(0).check_quantities(),
            Err(DomainError::NotPositive { field: "minutes" })
        ));
    }

    #[test]
    fn money_and_materials_need_a_positive_bounded_amount() {
        assert!(Kind::Financial { amount: 0 }.check_quantities().is_err());
        assert!(Kind::Financial {
            amount: MAX_AMOUNT + 1
        }
        .check_quantities()
        .is_err());
        assert!(Kind::Financial { amount: 1 }.check_quantities().is_ok());
        let m = |description: &str, value| Kind::Material {
            description: description.into(),
            value,
        };
        assert!(m("", 5).check_quantities().is_err());
        assert!(m("PLA filament", 5).check_quantities().is_ok());
    }

    #[test]
    fn use_and_cite_name_their_resource() {
        assert_eq!(Kind::Cite { resource: 7 }.resource(), Some(&7));
        assert_eq!(
            Kind::Use {
                resource: 8,
                custody: 8,
                minutes: 60
            }
            .resource(),
            Some(&8)
        );
        assert_eq!(work(60).resource(), None);
    }

    #[test]
    fn only_its_owner_logs_the_use_of_a_tool_and_nobody_that_of_a_commons() {
        let mine = Holding::created(&1u32, PropertyRegime::Private);
        assert_eq!(
            check_use_by_owner(PropertyRegime::Private, &mine, &1),
            Ok(())
        );
        assert!(matches!(
            check_use_by_owner(PropertyRegime::Private, &mine, &2),
            Err(DomainError::UseOfAnothersTool { .. })
        ));
        // Lent out, it is still its owner's; sold, it is the buyer's.
        let lent = mine.after(&2, &crate::Rights::Custody);
        assert_eq!(
            check_use_by_owner(PropertyRegime::Private, &lent, &1),
            Ok(())
        );
        let sold = mine.after(&2, &crate::Rights::Ownership { price: 10 });
        assert!(check_use_by_owner(PropertyRegime::Private, &sold, &1).is_err());
        assert_eq!(
            check_use_by_owner(PropertyRegime::Private, &sold, &2),
            Ok(())
        );
        for regime in [
            PropertyRegime::Nondominium,
            PropertyRegime::Commons,
            PropertyRegime::Public,
        ] {
            let held = Holding::created(&1u32, regime);
            let refused = check_use_by_owner(regime, &held, &1).unwrap_err();
            assert!(refused.to_string().contains("use fees"), "{refused}");
        }
    }

    #[test]
    fn evidence_is_bounded_and_distinct() {
        assert!(check_description_and_evidence("drew the case", &["ipfs://x".into()]).is_ok());
        assert!(check_description_and_evidence("", &[]).is_err());
        assert!(check_description_and_evidence("d", &["a".into(), "a".into()]).is_err());
    }

    proptest! {
        #[test]
        fn durations_are_valid_exactly_within_one_day(minutes in any::<u32>()) {
            let ok = (1..=MAX_MINUTES_PER_ENTRY).contains(&minutes);
            prop_assert_eq!(work(minutes).check_quantities().is_ok(), ok);
            let used = Kind::Use { resource: 1, custody: 1, minutes };
            prop_assert_eq!(used.check_quantities().is_ok(), ok);
        }

        #[test]
        fn amounts_are_valid_exactly_within_bounds(amount in any::<u64>()) {
            let ok = (1..=MAX_AMOUNT).contains(&amount);
            prop_assert_eq!(Kind::Financial { amount }.check_quantities().is_ok(), ok);
        }

        #[test]
        fn dates_are_valid_from_2000_to_the_skew(recorded in 945_000_000_000_000i64..5_000_000_000_000_000, ahead in -1_000_000_000_000i64..1_000_000_000) {
            let when = recorded + ahead;
            let ok = when >= EARLIEST_DATE_MICROS && ahead <= MAX_CLOCK_SKEW_MICROS;
            prop_assert_eq!(check_date(when, recorded).is_ok(), ok);
        }
    }
}
