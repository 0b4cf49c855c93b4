// The `licenses` zome: the license catalogue (the network's, from the DNA properties, and a
// project's own), attaching a license to a resource, what a licensee owes, requests,
// exceptions and grants. Mirrors zomes/licenses/src/*.rs, the License, LicenseAttachment,
// LicenseRequest, LicenseException and LicenseGrant entries and ovn_domain::license.

import { callZome } from "../node.svelte";
import type { ActionHash, AgentPubKey, HcRecord } from "./types";

const ZOME = "licenses";

export type LicenseKind =
  | "CommonsBasedReciprocity"
  | "PeerProduction"
  | "CcBySa"
  | "Gpl"
  | { Custom: { text: string } };

/** Flat and PerUnit in minor units; RevenueShare in basis points of revenue. */
export type FeeSchedule =
  | { Flat: { amount: number } }
  | { PerUnit: { amount: number } }
  | { RevenueShare: { share_bp: number } };

export type CategoryTag =
  | "CommonGood"
  | "NonProfit"
  | "NonCommercialUse"
  | "WorkerCooperative"
  | "ContributingForProfit"
  | "ForProfit";

/** `ovn_domain::license::LicenseeCategory<R>`: R names contributions. */
export type LicenseeCategory<R = ActionHash> =
  | "CommonGood"
  | "NonProfit"
  | "NonCommercialUse"
  | { WorkerCooperative: { workers: number } }
  | { ContributingForProfit: { contributions: R[] } }
  | "ForProfit";

/** A contribution a for-profit made, with the confirmations that make it count. */
export interface CountedContribution {
  contribution: ActionHash;
  confirmations: ActionHash[];
}

/** The category as requests, exceptions and grants store it. */
export type Category = LicenseeCategory<CountedContribution>;

export interface Usage {
  /** Units made or sold under the license. */
  units: number;
  /** Revenue made with the licensed work, in minor units. */
  revenue: number;
}

export interface LicenseTerms {
  kind: LicenseKind;
  /** null: nobody pays. */
  fee: FeeSchedule | null;
  exempt: CategoryTag[];
  max_cooperative_workers: number | null;
  share_alike: boolean;
}

export interface CatalogueLicense {
  name: string;
  terms: LicenseTerms;
}

export interface License {
  name: string;
  project: ActionHash;
  terms: LicenseTerms;
}

export type LicenseRef = { Catalogue: { name: string } } | { Project: { license: ActionHash } };

export interface LicenseCatalogue {
  network: CatalogueLicense[];
  /** The project's own licenses: [hash, license] pairs. */
  project: [ActionHash, License][];
}

export interface CreateLicenseInput {
  project: ActionHash;
  name: string;
  terms: LicenseTerms;
}

export interface AttachLicenseInput {
  resource: ActionHash;
  license: LicenseRef;
  /** The resources this one derives from; each must carry a license. */
  derives_from: ActionHash[];
}

export interface LicenseAttachment {
  resource: ActionHash;
  license: LicenseRef;
  derives_from: ActionHash[];
}

export interface ResourceLicense {
  attachment: ActionHash;
  licensor: AgentPubKey;
  license: LicenseRef;
  name: string;
  terms: LicenseTerms;
  derives_from: ActionHash[];
}

export interface TermsForInput {
  resource: ActionHash;
  category: LicenseeCategory;
  usage: Usage;
}

export interface TermsFor {
  license: ResourceLicense;
  owes: boolean;
  fee: number;
}

export type Licensee = "Requester" | { Outside: { name: string } };

export interface RequestLicenseInput {
  resource: ActionHash;
  /** An outside entity's name, when the caller asks for one; the caller if null. */
  outside_licensee: string | null;
  category: LicenseeCategory;
  usage: Usage;
  note: string;
}

export interface LicenseRequest {
  resource: ActionHash;
  attachment: ActionHash;
  requester_profile: ActionHash;
  licensee: Licensee;
  category: Category;
  usage: Usage;
  note: string;
}

export interface RequestedLicense {
  request: HcRecord;
  owes: boolean;
  fee: number;
}

export interface DecideExceptionInput {
  request: ActionHash;
  category: Category;
  fee: number;
  reason: string;
}

export interface LicenseException {
  request: ActionHash;
  category: Category;
  fee: number;
  reason: string;
}

export interface GrantLicenseInput {
  request: ActionHash;
  exception: ActionHash | null;
}

export interface LicenseGrant {
  request: ActionHash;
  resource: ActionHash;
  licensee: Licensee;
  category: Category;
  terms: LicenseTerms;
  usage: Usage;
  fee: number;
  exception: ActionHash | null;
}

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
