//! The dispatcher: every op to the one validator that decides it. One `op.flattened()`, one
//! call per arm, no rules here (they live beside each entry and link type).

use crate::accounting::*;
use crate::governance::*;
use crate::ledger::*;
use crate::licenses::*;
use crate::members::*;
use crate::resources::*;
use crate::{links, membrane, verdict, EntryTypes, LinkTypes, UnitEntryTypes};
use hdi::prelude::*;

/// The protocol: every rule an op must keep. The `validate` callback, and the audit
/// zome's replay of an agent's chain, which runs the very same rules over each record.
pub fn validate_op(op: Op) -> ExternResult<ValidateCallbackResult> {
    match op.flattened::<EntryTypes, LinkTypes>()? {
        FlatOp::CreateEntry(OpEntry::CreateEntry { app_entry, action }) => {
            validate_create_entry(app_entry, action)
        }
        FlatOp::CreateRecord(OpRecord::CreateEntry { app_entry, action }) => {
            validate_create_entry(app_entry, action)
        }
        FlatOp::CreateEntry(OpEntry::UpdateEntry { app_entry, action }) => {
            validate_update_entry(app_entry, action)
        }
        FlatOp::CreateRecord(OpRecord::UpdateEntry { app_entry, action }) => {
            validate_update_entry(app_entry, action)
        }
        FlatOp::Update(OpUpdate::Entry { app_entry, action }) => {
            validate_update_entry(app_entry, action)
        }
        FlatOp::CreateRecord(OpRecord::UpdatePrivateEntry { action, .. }) => {
            private_profile::validate_update_private_profile_author(&action)
        }
        FlatOp::Update(OpUpdate::PrivateEntry { action, .. }) => {
            private_profile::validate_update_private_profile_author(&action)
        }
        FlatOp::CreateRecord(OpRecord::DeleteEntry { action }) => validate_delete_entry(action),
        FlatOp::Delete(OpDelete { action }) => validate_delete_entry(action),
        FlatOp::CreateRecord(OpRecord::CreateLink { link_type, action }) => {
            validate_create_link(link_type, action)
        }
        FlatOp::Link(OpLink::CreateLink { link_type, action }) => {
            validate_create_link(link_type, action)
        }
        FlatOp::Link(OpLink::DeleteLink { .. }) => links::validate_delete_link(),
        FlatOp::CreateRecord(OpRecord::DeleteLink { .. }) => links::validate_delete_link(),
        FlatOp::CreateRecord(OpRecord::AgentValidationPkg {
            membrane_proof,
            action,
        }) => membrane::validate_agent_joining(action.author(), membrane_proof.as_deref()),
        _ => Ok(ValidateCallbackResult::Valid),
    }
}

fn validate_create_entry(
    entry: EntryTypes,
    action: TypedAction<CreateData>,
) -> ExternResult<ValidateCallbackResult> {
    let header = &action.header;
    match entry {
        EntryTypes::Profile(p) => profile::validate_create_profile(header, &p),
        EntryTypes::PrivateProfile(p) => private_profile::validate_private_profile(&p),
        EntryTypes::Project(p) => project::validate_create_project(header, &p),
        EntryTypes::Contribution(c) => contribution::validate_create_contribution(header, &c),
        EntryTypes::Endorsement(e) => endorsement::validate_create_endorsement(header, &e),
        EntryTypes::IncomeEvent(i) => income_event::validate_create_income_event(header, &i),
        EntryTypes::ValueEquation(v) => value_equation::validate_create_value_equation(header, &v),
        EntryTypes::Settlement(s) => settlement::validate_create_settlement(&s),
        EntryTypes::Distribution(d) => distribution::validate_create_distribution(header, &d),
        EntryTypes::PaymentReceipt(r) => {
            payment_receipt::validate_create_payment_receipt(header, &r)
        }
        EntryTypes::Resource(r) => resource::validate_create_resource(header, &r),
        EntryTypes::CustodyRequest(r) => {
            custody_request::validate_create_custody_request(header, &r)
        }
        EntryTypes::CustodyTransfer(t) => {
            custody_transfer::validate_create_custody_transfer(header, &t)
        }
        EntryTypes::CustodyAcceptance(a) => {
            custody_acceptance::validate_create_custody_acceptance(header, &a)
        }
        EntryTypes::ResourceUse(u) => resource_use::validate_create_resource_use(header, &u),
        EntryTypes::License(l) => license::validate_create_license(header, &l),
        EntryTypes::LicenseAttachment(a) => {
            license_attachment::validate_create_license_attachment(header, &a)
        }
        EntryTypes::LicenseRequest(r) => {
            license_request::validate_create_license_request(header, &r)
        }
        EntryTypes::LicenseException(e) => {
            license_exception::validate_create_license_exception(header, &e)
        }
        EntryTypes::LicenseGrant(g) => license_grant::validate_create_license_grant(header, &g),
        EntryTypes::CustodyDecline(d) => {
            custody_decline::validate_create_custody_decline(header, &d)
        }
        EntryTypes::Proposal(p) => proposal::validate_create_proposal(header, &p),
        EntryTypes::Vote(v) => vote::validate_create_vote(header, &v),
        EntryTypes::Delegation(d) => delegation::validate_create_delegation(header, &d),
        EntryTypes::Decision(d) => decision::validate_create_decision(header, &d),
        EntryTypes::ProjectVersion(v) => {
            project_version::validate_create_project_version(header, &v)
        }
        EntryTypes::UsageRulesVersion(v) => {
            usage_rules_version::validate_create_usage_rules_version(header, &v)
        }
        EntryTypes::GovernanceRulesVersion(v) => {
            rules_version::validate_create_governance_rules_version(header, &v)
        }
    }
}

fn validate_update_entry(
    entry: EntryTypes,
    action: TypedAction<UpdateData>,
) -> ExternResult<ValidateCallbackResult> {
    match entry {
        EntryTypes::Profile(p) => profile::validate_update_profile(&action, &p),
        EntryTypes::PrivateProfile(p) => {
            private_profile::validate_update_private_profile(&action, &p)
        }
        EntryTypes::Project(_) => project::validate_update_project(&action),
        EntryTypes::Contribution(_) => contribution::validate_update_contribution(),
        EntryTypes::Endorsement(_) => endorsement::validate_update_endorsement(),
        EntryTypes::IncomeEvent(_) => income_event::validate_update_income_event(),
        EntryTypes::ValueEquation(_) => value_equation::validate_update_value_equation(),
        EntryTypes::Settlement(_) => settlement::validate_update_settlement(),
        EntryTypes::Distribution(_) => distribution::validate_update_distribution(),
        EntryTypes::PaymentReceipt(_) => payment_receipt::validate_update_payment_receipt(),
        EntryTypes::Resource(_) => resource::validate_update_resource(),
        EntryTypes::CustodyRequest(_) => custody_request::validate_update_custody_request(),
        EntryTypes::CustodyTransfer(_) => custody_transfer::validate_update_custody_transfer(),
        EntryTypes::CustodyAcceptance(_) => {
            custody_acceptance::validate_update_custody_acceptance()
        }
        EntryTypes::ResourceUse(_) => resource_use::validate_update_resource_use(),
        EntryTypes::License(_) => license::validate_update_license(),
        EntryTypes::LicenseAttachment(_) => {
            license_attachment::validate_update_license_attachment()
        }
        EntryTypes::LicenseRequest(_) => license_request::validate_update_license_request(),
        EntryTypes::LicenseException(_) => license_exception::validate_update_license_exception(),
        EntryTypes::LicenseGrant(_) => license_grant::validate_update_license_grant(),
        EntryTypes::CustodyDecline(_) => custody_decline::validate_update_custody_decline(),
        EntryTypes::Proposal(_) => proposal::validate_update_proposal(),
        EntryTypes::Vote(_) => vote::validate_update_vote(),
        EntryTypes::Delegation(_) => delegation::validate_update_delegation(),
        EntryTypes::Decision(_) => decision::validate_update_decision(),
        EntryTypes::ProjectVersion(_) => project_version::validate_update_project_version(),
        EntryTypes::UsageRulesVersion(_) => {
            usage_rules_version::validate_update_usage_rules_version()
        }
        EntryTypes::GovernanceRulesVersion(_) => {
            rules_version::validate_update_governance_rules_version()
        }
    }
}

fn validate_delete_entry(action: TypedAction<DeleteData>) -> ExternResult<ValidateCallbackResult> {
    let original = must_get_valid_record(action.deletes_address.clone())?;
    let unit = verdict::unit_entry_type(&original)?;
    let own_grant = matches!(original.action().entry_type(), Some(EntryType::CapGrant))
        && original.action().author() == action.author();
    match unit {
        Some(UnitEntryTypes::PrivateProfile) => {
            private_profile::validate_delete_private_profile(&action, &original)
        }
        // A capability grant (a payee's payout-details access) is revoked by deleting it.
        None if own_grant => verdict::valid(),
        _ => verdict::invalid(format!(
            "{} cannot be deleted: the ledger is append-only",
            action.deletes_address
        )),
    }
}

fn validate_create_link(
    link_type: LinkTypes,
    action: TypedAction<CreateLinkData>,
) -> ExternResult<ValidateCallbackResult> {
    let header = &action.header;
    let link = &action.data;
    match link_type {
        LinkTypes::AgentToProfile => {
            agent_to_profile::validate_create_link_agent_to_profile(header, link)
        }
        LinkTypes::AllProjects => all_projects::validate_create_link_all_projects(header, link),
        LinkTypes::ProjectToPeriods => {
            project_to_periods::validate_create_link_project_to_periods(header, link)
        }
        LinkTypes::PeriodToContributions => {
            period_to_contributions::validate_create_link_period_to_contributions(header, link)
        }
        LinkTypes::AgentToContributions => {
            agent_to_contributions::validate_create_link_agent_to_contributions(header, link)
        }
        LinkTypes::ContributionToEndorsements => {
            contribution_to_endorsements::validate_create_link_contribution_to_endorsements(
                header, link,
            )
        }
        LinkTypes::ContributionToCorrections => {
            contribution_to_corrections::validate_create_link_contribution_to_corrections(
                header, link,
            )
        }
        LinkTypes::ProjectToIncomeEvents => {
            project_to_income_events::validate_create_link_project_to_income_events(header, link)
        }
        LinkTypes::ProjectToValueEquations => {
            project_to_value_equations::validate_create_link_project_to_value_equations(
                header, link,
            )
        }
        LinkTypes::ProjectToSettlements => {
            project_to_settlements::validate_create_link_project_to_settlements(header, link)
        }
        LinkTypes::ProjectToDistributions => {
            project_to_distributions::validate_create_link_project_to_distributions(header, link)
        }
        LinkTypes::DistributionToPaymentReceipts => {
            distribution_to_payment_receipts::validate_create_link_distribution_to_payment_receipts(
                header, link,
            )
        }
        LinkTypes::AllResources => all_resources::validate_create_link_all_resources(header, link),
        LinkTypes::ProjectToResources => {
            project_to_resources::validate_create_link_project_to_resources(header, link)
        }
        LinkTypes::ResourceToCustody => {
            resource_to_custody::validate_create_link_resource_to_custody(header, link)
        }
        LinkTypes::AgentToCustodyStates => {
            agent_to_custody_states::validate_create_link_agent_to_custody_states(header, link)
        }
        LinkTypes::ResourceToUses => {
            resource_to_uses::validate_create_link_resource_to_uses(header, link)
        }
        LinkTypes::ResourceToCustodyRequests => {
            resource_to_custody_requests::validate_create_link_resource_to_custody_requests(
                header, link,
            )
        }
        LinkTypes::ProjectToLicenses => {
            project_to_licenses::validate_create_link_project_to_licenses(header, link)
        }
        LinkTypes::ResourceToLicense => {
            resource_to_license::validate_create_link_resource_to_license(header, link)
        }
        LinkTypes::ResourceToLicenseRequests => {
            resource_to_license_requests::validate_create_link_resource_to_license_requests(
                header, link,
            )
        }
        LinkTypes::ResourceToLicenseGrants => {
            resource_to_license_grants::validate_create_link_resource_to_license_grants(
                header, link,
            )
        }
        LinkTypes::LicenseRequestToExceptions => {
            license_request_to_exceptions::validate_create_link_license_request_to_exceptions(
                header, link,
            )
        }
        LinkTypes::ProjectToProposals => {
            project_to_proposals::validate_create_link_project_to_proposals(header, link)
        }
        LinkTypes::ProposalToVotes => {
            proposal_to_votes::validate_create_link_proposal_to_votes(header, link)
        }
        LinkTypes::AgentToDelegations => {
            agent_to_delegations::validate_create_link_agent_to_delegations(header, link)
        }
        LinkTypes::ProposalToDecisions => {
            proposal_to_decisions::validate_create_link_proposal_to_decisions(header, link)
        }
        LinkTypes::ProjectToVersions => {
            project_to_versions::validate_create_link_project_to_versions(header, link)
        }
        LinkTypes::ResourceToRulesVersions => {
            resource_to_rules_versions::validate_create_link_resource_to_rules_versions(
                header, link,
            )
        }
        LinkTypes::ProjectToGovernanceRules => {
            project_to_rules::validate_create_link_project_to_rules(header, link)
        }
    }
}
