//! [`LicenseAttachment`]: the license a resource (a design, a body of knowledge) is shared
//! under, attached once by the resource's creator, with the licensed works it derives from.
//! A separate entry because the resource entry itself stays immutable. A derivative of a
//! share-alike work must be at least as reciprocal (`ovn_domain::licenses::check_derivative`).
//! Immutable.

use crate::licenses::license::{terms_of, LicenseRef};
use crate::resources::resource::Resource;
use crate::verdict::{
    earlier_actions, entries_created, invalid, must_get_app_entry, valid, Referenced, Verdict,
};
use crate::UnitEntryTypes;
use hdi::prelude::*;
use ovn_domain::licenses::{check_derivative, check_sources, LicenseTerms};
use ovn_domain::text::check_count;

#[hdk_entry_helper]
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LicenseAttachment {
    #[cfg_attr(feature = "ts", ts(as = "ovn_domain::ts::ActionHash"))]
    pub resource: ActionHash,
    pub license: LicenseRef,
    /// The license attachments of the works this resource derives from (the designs it cites).
    #[cfg_attr(feature = "ts", ts(as = "Vec<ovn_domain::ts::ActionHash>"))]
    pub derives_from: Vec<ActionHash>,
}

/// Rules:
/// 1. The resource is a Resource the author created.
/// 2. The license is one of the catalogue, or one the resource's project added.
/// 3. Each source (at most 50, distinct) is a LicenseAttachment of another resource, and this
///    license is at least as reciprocal as a share-alike source requires.
/// 4. A resource's license is attached once: no earlier attachment of it on the author's chain.
pub fn validate_create_license_attachment(
    header: &ActionHeader,
    attachment: &LicenseAttachment,
) -> ExternResult<ValidateCallbackResult> {
    let resource = check!(must_get_app_entry::<Resource>(
        &attachment.resource,
        UnitEntryTypes::Resource
    )?);
    if resource.author() != &header.author {
        return invalid(format!(
            "only the creator of {} attaches its license",
            attachment.resource
        ));
    }
    let terms = check!(terms_of(&attachment.license, &resource.entry)?);
    check!(check_count("derives_from", attachment.derives_from.len()));
    let mut sources = Vec::with_capacity(attachment.derives_from.len());
    for source in &attachment.derives_from {
        sources.push(check!(attached_terms(source)?));
    }
    let named: Vec<(&ActionHash, &ActionHash)> = attachment
        .derives_from
        .iter()
        .zip(&sources)
        .map(|(source, attached)| (source, &attached.attachment.entry.resource))
        .collect();
    check!(check_sources(&attachment.resource, &named));
    for source in &sources {
        check!(check_derivative(&source.terms, &terms));
    }
    let earlier = earlier_actions(header)?;
    if entries_created::<LicenseAttachment>(&earlier, UnitEntryTypes::LicenseAttachment)?
        .iter()
        .any(|a| a.resource == attachment.resource)
    {
        return invalid(format!(
            "{} already carries a license: it is attached once",
            attachment.resource
        ));
    }
    valid()
}

/// A license attachment with the terms it names and the resource it licenses.
pub struct Attached {
    pub attachment: Referenced<LicenseAttachment>,
    pub terms: LicenseTerms,
    pub resource: Resource,
}

/// The attachment at `hash`, its resource and the terms it names.
pub fn attached_terms(hash: &ActionHash) -> Verdict<Attached> {
    let attachment =
        match must_get_app_entry::<LicenseAttachment>(hash, UnitEntryTypes::LicenseAttachment)? {
            Ok(a) => a,
            Err(e) => return Ok(Err(e)),
        };
    let resource =
        match must_get_app_entry::<Resource>(&attachment.entry.resource, UnitEntryTypes::Resource)?
        {
            Ok(r) => r.entry,
            Err(e) => return Ok(Err(e)),
        };
    Ok(
        terms_of(&attachment.entry.license, &resource)?.map(|terms| Attached {
            attachment,
            terms,
            resource,
        }),
    )
}

/// Rules:
/// 1. Attachments are never updated: a resource's license is what its users were granted.
pub fn validate_update_license_attachment() -> ExternResult<ValidateCallbackResult> {
    invalid("license attachments cannot be updated: grants rely on the license as attached")
}
