// The `licenses` zome: the license catalogue (the network's, from the DNA properties, and a
// project's own), attaching a license to a resource, what a licensee owes, requests,
// exceptions and grants. Its types (the License, LicenseAttachment, LicenseRequest,
// LicenseException and LicenseGrant entries, ovn_domain::licenses, the zome's inputs and
// outputs) are generated from the Rust types: ../generated/licenses.ts (crates/ts).

import { callZome } from "../node.svelte";
import type {
  AttachLicenseInput,
  CountedContribution,
  CreateLicenseInput,
  DecideExceptionInput,
  GrantLicenseInput,
  LicenseCatalogue,
  LicenseeCategory,
  RequestedLicense,
  RequestLicenseInput,
  ResourceLicense,
  TermsFor,
  TermsForInput,
} from "../generated/licenses";
import type { ActionHash, HcRecord } from "./types";

export type * from "../generated/licenses";

/** The category as requests, exceptions and grants store it (`ovn_integrity::Category`). */
export type Category = LicenseeCategory<CountedContribution>;

const ZOME = "licenses";

export const createLicense = (input: CreateLicenseInput) =>
  callZome<HcRecord>(ZOME, "create_license", input);

export const getLicenseCatalogue = (project: ActionHash | null) =>
  callZome<LicenseCatalogue>(ZOME, "get_license_catalogue", project);

export const attachLicense = (input: AttachLicenseInput) =>
  callZome<HcRecord>(ZOME, "attach_license", input);

export const getLicenseOf = (resource: ActionHash) =>
  callZome<ResourceLicense | null>(ZOME, "get_license_of", resource);

export const licenseTermsFor = (input: TermsForInput) =>
  callZome<TermsFor>(ZOME, "license_terms_for", input);

export const requestLicense = (input: RequestLicenseInput) =>
  callZome<RequestedLicense>(ZOME, "request_license", input);

export const getLicenseRequests = (resource: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_license_requests", resource);

export const decideException = (input: DecideExceptionInput) =>
  callZome<HcRecord>(ZOME, "decide_exception", input);

export const getExceptions = (request: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_exceptions", request);

export const grantLicense = (input: GrantLicenseInput) =>
  callZome<HcRecord>(ZOME, "grant_license", input);

export const getGrantsForResource = (resource: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_grants_for_resource", resource);

/** Carries out a passed decision on a license exception (any member). */
export const adoptDecidedException = (decision: ActionHash) =>
  callZome<HcRecord>(ZOME, "adopt_decided_exception", decision);
