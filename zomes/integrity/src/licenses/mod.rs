//! Licenses on designs: the catalogue and a project's own licenses, a license attached to a
//! resource, requests, exceptions its project decided, and grants whose fee every peer checks.
//!
//! # Layout
//! - [`license`] and its link [`project_to_licenses`].
//! - [`license_attachment`] and its link [`resource_to_license`].
//! - [`license_request`] and its link [`resource_to_license_requests`].
//! - [`license_exception`] and its link [`license_request_to_exceptions`].
//! - [`license_grant`] and its link [`resource_to_license_grants`].

pub mod license;
pub mod license_attachment;
pub mod license_exception;
pub mod license_grant;
pub mod license_request;
pub mod license_request_to_exceptions;
pub mod project_to_licenses;
pub mod resource_to_license;
pub mod resource_to_license_grants;
pub mod resource_to_license_requests;
