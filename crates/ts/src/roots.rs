//! The types the UI exchanges with the zomes: every zome function's input and output struct and
//! every entry type a record may hold. The domain types they contain follow by themselves.
//! A new zome input or output derives `TS` (feature `ts`) and is added here.

use crate::Collector;
use ts_rs::TypeVisitor;

/// Visits every root type; each visit pulls in what the type contains.
pub fn visit_roots(c: &mut Collector) {
    use ovn_integrity as entry;

    // members
    c.visit::<entry::Profile>();
    c.visit::<entry::PrivateProfile>();
    c.visit::<entry::Project>();
    c.visit::<members::profiles::CreateProfileInput>();
    c.visit::<members::profiles::UpdateProfileInput>();
    c.visit::<members::payout::PayoutShare>();
    c.visit::<members::projects::CreateProjectInput>();
    c.visit::<entry::ProjectVersion>();
    c.visit::<members::changes::ProjectInForce>();
    c.visit::<members::changes::ChangeProjectInput>();

    // contributions
    c.visit::<entry::Contribution>();
    c.visit::<entry::Endorsement>();
    c.visit::<contributions::contributions::LogContributionInput>();
    c.visit::<contributions::contributions::GetContributionsForProjectInput>();
    c.visit::<contributions::endorsements::EndorseContributionInput>();
    c.visit::<ovn_zome_support::status::ContributionStatusReport>();

    // ledger
    c.visit::<entry::IncomeEvent>();
    c.visit::<entry::ValueEquation>();
    c.visit::<entry::Settlement>();
    c.visit::<entry::Distribution>();
    c.visit::<entry::PaymentReceipt>();
    c.visit::<ledger::incomes::RecordIncomeInput>();
    c.visit::<ledger::equations::SetValueEquationInput>();
    c.visit::<ledger::equations::CurrentEquation>();
    c.visit::<ledger::distributions::DistributeInput>();
    c.visit::<ledger::distributions::DistributionPreview>();
    c.visit::<ledger::distributions::ExplainPayoutInput>();
    c.visit::<ledger::distributions::PayoutExplanation>();
    c.visit::<ledger::export::DistributionExport>();
    c.visit::<ledger::pie_chart::PieChartExport>();

    // resources
    c.visit::<entry::Resource>();
    c.visit::<entry::CustodyRequest>();
    c.visit::<entry::CustodyTransfer>();
    c.visit::<entry::CustodyAcceptance>();
    c.visit::<entry::ResourceUse>();
    c.visit::<resources::rules::RulesInForce>();
    c.visit::<resources::rules::ChangeUsageRulesInput>();
    c.visit::<resources::resources::CreateResourceInput>();
    c.visit::<resources::custody::RequestCustodyInput>();
    c.visit::<resources::custody::TransferCustodyInput>();
    c.visit::<resources::custody::AcceptCustodyInput>();
    c.visit::<resources::custody::DeclineCustodyInput>();
    c.visit::<resources::history::CustodyReport>();
    c.visit::<resources::uses::RecordUseInput>();

    // licenses
    c.visit::<entry::License>();
    c.visit::<entry::LicenseAttachment>();
    c.visit::<entry::LicenseRequest>();
    c.visit::<entry::LicenseException>();
    c.visit::<entry::LicenseGrant>();
    c.visit::<licenses::catalogue::CreateLicenseInput>();
    c.visit::<licenses::catalogue::LicenseCatalogue>();
    c.visit::<licenses::catalogue::AttachLicenseInput>();
    c.visit::<licenses::catalogue::ResourceLicense>();
    c.visit::<licenses::catalogue::TermsForInput>();
    c.visit::<licenses::catalogue::TermsFor>();
    c.visit::<licenses::grants::RequestLicenseInput>();
    c.visit::<licenses::grants::RequestedLicense>();
    c.visit::<licenses::exceptions::DecideExceptionInput>();
    c.visit::<licenses::grants::GrantLicenseInput>();

    // governance
    c.visit::<entry::Proposal>();
    c.visit::<entry::Vote>();
    c.visit::<entry::Delegation>();
    c.visit::<entry::Decision>();
    c.visit::<governance::proposals::OpenProposalInput>();
    c.visit::<governance::proposals::ProposalView>();
    c.visit::<governance::reputation::ReputationAt>();
    c.visit::<governance::votes::CastVoteInput>();
    c.visit::<governance::votes::DelegateInput>();
    c.visit::<entry::GovernanceRulesVersion>();
    c.visit::<governance::rules::GovernanceInForce>();
    c.visit::<governance::rules::ChangeGovernanceRulesInput>();

    // audit
    c.visit::<audit::export::ExportChainInput>();
    c.visit::<ovn_domain::export::ChainExport>();
    c.visit::<audit::report::AuditReport>();
}
