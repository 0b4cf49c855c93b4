//! [`Endorsement`]: a member confirms or disputes someone else's contribution. Immutable; a
//! member who changes their mind endorses again, and only their latest endorsement is taken.

use crate::accounting::contribution::Contribution;
use crate::members::profile::own_profile;
use crate::verdict::{earlier_actions, entries_created, invalid, must_get_app_entry, valid};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::accounting::endorsement::{check_endorser, check_new_word};
use ovn_domain::EndorsementKind;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Endorsement {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub contribution: ActionHash,
    /// The endorser's own Profile: proof that the endorser is a member.
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub endorser_profile: ActionHash,
    pub kind: EndorsementKind,
}

/// Rules:
/// 1. A dispute gives a non-empty, bounded reason.
/// 2. The contribution is a Contribution.
/// 3. The endorser is not the contributor.
/// 4. The endorser is a member: `endorser_profile` is a Profile the endorser authored.
/// 5. It is a new word: not what the endorser's latest earlier endorsement of the same
///    contribution already says (`check_new_word`).
pub fn validate_create_endorsement(
    header: &ActionHeader,
    endorsement: &Endorsement,
) -> ExternResult<ValidateCallbackResult> {
    check!(endorsement.kind.check());
    let contribution = check!(must_get_app_entry::<Contribution>(
        &endorsement.contribution,
        UnitEntryTypes::Contribution
    )?);
    check!(check_endorser(
        &header.author,
        &contribution.entry.contributor
    ));
    check!(own_profile(
        &endorsement.endorser_profile,
        &header.author,
        ": only members endorse"
    )?);
    let earlier: Vec<Endorsement> =
        entries_created(&earlier_actions(header)?, UnitEntryTypes::Endorsement)?;
    let latest = earlier
        .iter()
        .find(|e| e.contribution == endorsement.contribution)
        .map(|e| &e.kind);
    check!(check_new_word(latest, &endorsement.kind));
    valid()
}

/// Rules:
/// 1. Endorsements are never updated: endorse again; the latest endorsement is the one taken.
pub fn validate_update_endorsement() -> ExternResult<ValidateCallbackResult> {
    invalid("endorsements cannot be updated: endorse again instead")
}
