//! [`DomainError`]: why a rule rejected its input. Messages name the field and the limit, because
//! they reach users verbatim (as a coordinator error or as the reason in a validation warrant).

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{field} must not be empty or made only of invisible characters")]
    EmptyText { field: &'static str },
    #[error(
        "{field} holds the {kind} character U+{code_point:04X} at character {at}; \
         remove it"
    )]
    ForbiddenCharacter {
        field: &'static str,
        kind: &'static str,
        code_point: u32,
        at: usize,
    },
    #[error("{field} is not in Unicode normal form C (NFC): normalise it before sending")]
    NotNfc { field: &'static str },
    #[error("{field} is {len} characters long; the limit is {max}")]
    TextTooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} has {count} items; the limit is {max}")]
    TooManyItems {
        field: &'static str,
        count: usize,
        max: usize,
    },
    #[error("{field} lists {value:?} twice")]
    Duplicate { field: &'static str, value: String },
    #[error("{field} must be positive")]
    NotPositive { field: &'static str },
    #[error("{field} is {value}; the limit is {max}")]
    OutOfBounds {
        field: &'static str,
        value: u64,
        max: u64,
    },
    #[error(
        "it is dated {when_micros} µs, after it was recorded ({recorded_micros} µs) \
         beyond the allowed clock skew of {skew_micros} µs"
    )]
    InTheFuture {
        when_micros: i64,
        recorded_micros: i64,
        skew_micros: i64,
    },
    #[error("it is dated {when}, before {earliest}, the earliest date an entry may bear")]
    TooEarly { when: String, earliest: String },
    #[error("{field} {why} ({from} to {until})")]
    BadWindow {
        field: String,
        why: &'static str,
        from: String,
        until: String,
    },
    #[error("{endorser} cannot endorse their own contribution")]
    SelfEndorsement { endorser: String },
    #[error(
        "the endorser's latest word on this contribution is already {word}: endorse again \
         only to change it"
    )]
    SameWordAgain { word: &'static str },
    #[error("a {child} project cannot sit under a {parent} project")]
    LevelAboveParent { child: String, parent: String },
    #[error("the profile {profile} is not {agent}'s{why}")]
    NotOwnProfile {
        profile: String,
        agent: String,
        why: &'static str,
    },
    #[error("the project's creator must be its first steward")]
    CreatorNotFirstSteward,
    #[error("a project keeps at least one steward")]
    NoSteward,
    #[error("{agent} is not a steward of project {project}: only its stewards {what}")]
    NotASteward {
        agent: String,
        project: String,
        what: &'static str,
    },
    #[error("{value:?} is not a period; expected YYYY-MM")]
    BadPeriod { value: String },
    #[error("contribution {contribution} has {confirmations} confirmations; {required} are needed before it counts")]
    NotCounted {
        contribution: String,
        confirmations: u32,
        required: u32,
    },
    #[error("contribution {contribution} is corrected by another listed contribution; only the correction counts")]
    Superseded { contribution: String },
    #[error("invalid value equation: {0}")]
    BadEquation(String),
    #[error("{what} is too large to compute exactly")]
    Overflow { what: &'static str },
    #[error("invalid network constitution: {0}")]
    BadConstitution(String),
    #[error("this is not an invitation: {0}")]
    BadInvitation(String),
    #[error(
        "a {regime} resource has no owner to pay for its time: its use is recorded as a resource \
         use, whose fee goes to the project that funded it (use fees), not logged as a contribution"
    )]
    UseOfCommons { regime: String },
    #[error("{contributor} cannot log the use of a tool {owner} owns: only its owner contributes its time")]
    UseOfAnothersTool { contributor: String, owner: String },
    #[error(
        "resource {resource} was made by project {project} itself: its makers are paid through \
         their own contributions to it, not by citing it"
    )]
    CiteOfOwnDesign { resource: String, project: String },
    #[error("distribution {distribution} pays project {project} a share of {share} upstream, not {amount}")]
    UpstreamMismatch {
        distribution: String,
        project: String,
        share: u64,
        amount: u64,
    },
    #[error(
        "only {steward}, the project's first steward, records its upstream income, not {recorder}"
    )]
    NotUpstreamRecorder { recorder: String, steward: String },
    #[error("the use lasts {minutes} minutes; the usage rules allow at most {max}")]
    UseTooLong { minutes: u32, max: u32 },
    #[error("the fee for {minutes} minutes is {expected} under the usage rules, not {fee}")]
    WrongFee {
        fee: u64,
        expected: u64,
        minutes: u32,
    },
    #[error("not permitted: {0}")]
    NotPermitted(String),
    #[error("the use must end after it starts (from {from_micros} µs, until {until_micros} µs)")]
    BadInterval { from_micros: i64, until_micros: i64 },
    #[error("{agent} is not the custodian; {custodian} is")]
    NotCustodian { agent: String, custodian: String },
    #[error("a custodian cannot transfer custody to themselves")]
    SelfTransfer,
    #[error("a {regime} resource changes custodian, never owner: it cannot be sold or its rights transferred")]
    NotForSale {
        regime: crate::resources::resource::PropertyRegime,
    },
    #[error("{agent} does not own the resource and cannot transfer its ownership")]
    NotOwner { agent: String },
    #[error("{agent} holds this resource already: a custodian does not request it")]
    RequestsOwnCustody { agent: String },
    #[error("only the recipient {recipient} may accept this transfer, not {agent}")]
    NotRecipient { agent: String, recipient: String },
    #[error("{state} is not a custody state of this resource")]
    NotAState { state: String },
    #[error("{state} is not the custodian's latest custody state, or was already handed on")]
    StaleCustodyState { state: String },
    #[error("transfer {transfer} was already accepted")]
    AlreadyAccepted { transfer: String },
    #[error(
        "transfer {transfer} was already answered: a recipient accepts or declines an offer once"
    )]
    AlreadyAnswered { transfer: String },
    #[error("transfer {transfer} expired at {expires} µs; it can no longer be accepted")]
    OfferExpired { transfer: String, expires: i64 },
    #[error("the offer must expire after it is made and within {max_days} days")]
    BadOfferWindow { max_days: i64 },
    #[error("custody state {state} is still offered by {transfer} until {expires} µs: it can be offered again once declined or expired")]
    OfferStillOpen {
        state: String,
        transfer: String,
        expires: i64,
    },
    #[error("the license fee due from a {category} licensee is {expected}, not {fee}")]
    WrongLicenseFee {
        fee: u64,
        expected: u64,
        category: String,
    },
    #[error("the licensee asked as {requested}; granting as {granted} needs an exception decided for this case")]
    Mislabelled { requested: String, granted: String },
    #[error("the exception decided for this request grants as {category} for a fee of {fee}; the grant must say so")]
    NotAsDecided { category: String, fee: u64 },
    #[error("invalid license: {0}")]
    BadLicense(String),
    #[error("a contributing for-profit is a member asking for itself: its contributions are on its own chain")]
    ClaimForAnother,
    #[error("{resource} belongs to no project: there is no commons to have contributed to")]
    NoCommons { resource: String },
    #[error("{contribution} is not {agent}'s contribution to project {project}")]
    NotOwnContribution {
        contribution: String,
        agent: String,
        project: String,
    },
    #[error("{name:?} is a license of the network's catalogue: name the project's own license differently")]
    CatalogueName { name: String },
    #[error("{name:?} is not a license of the network's catalogue")]
    NotInCatalogue { name: String },
    #[error(
        "the license {license} is project {project}'s: only that project's resources may carry it"
    )]
    ForeignLicense { license: String, project: String },
    #[error("{named} is named twice as a source")]
    SourceTwice { named: String },
    #[error("{named} is this resource's own license, not a source")]
    OwnSource { named: String },
    #[error("the exception {exception} was decided for {decided_for}, not for {request}")]
    ExceptionForAnother {
        exception: String,
        decided_for: String,
        request: String,
    },
    #[error(
        "resource {resource} belongs to no project: nobody can decide an exception to its license"
    )]
    NoDecider { resource: String },
    #[error("the {what} {record} {verb} a fee of {fee}, not {amount}")]
    FeeMismatch {
        what: &'static str,
        verb: &'static str,
        record: String,
        fee: u64,
        amount: u64,
    },
    #[error("the resource {resource} does not belong to the project {project}: its {what} fees are not this project's income")]
    NotTheResourcesProject {
        what: &'static str,
        resource: String,
        project: String,
    },
    #[error("an exception cannot make a licensee a contributing for-profit: its request shows its contributions")]
    ExceptionAsContributor,
    #[error(
        "a derivative of a {original} work cannot be licensed less reciprocally, as {derivative}"
    )]
    LessReciprocal {
        original: String,
        derivative: String,
    },
    #[error("{voter} is not in this proposal's electorate: their vote does not count")]
    NotInElectorate { voter: String },
    #[error("invalid governance: {0}")]
    BadGovernance(String),
}
