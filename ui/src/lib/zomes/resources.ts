// The `resources` zome: resources held in common, two-party custody (request, offer, accept)
// with its history, and uses with their fees. Mirrors zomes/resources/src/*.rs, the Resource,
// CustodyRequest, CustodyTransfer, CustodyAcceptance and ResourceUse entries, and ovn_domain's
// resource and custody types.

import { callZome } from "../node.svelte";
import type { ActionHash, AgentPubKey, HcRecord, Micros } from "./types";

const ZOME = "resources";

export type PropertyRegime = "Nondominium" | "Commons" | "Shared" | "Private" | "Public";

export type Permitted = "Anyone" | "Members" | { MembersWithSkill: { skills: string[] } };

export interface UsageRules {
  who: Permitted;
  /** 1..=129600 (90 days). */
  max_minutes_per_use: number;
  /** Minor units. */
  deposit: number;
  /** Minor units per hour; 0 for free use. */
  fee_per_hour: number;
  condition_report_required: boolean;
}

export interface Resource {
  name: string;
  specification: string;
  regime: PropertyRegime;
  rules: UsageRules;
  project: ActionHash | null;
  location: string;
  condition: string;
}

export interface CreateResourceInput {
  name: string;
  specification: string;
  regime: PropertyRegime;
  /** Members, free, up to a day when null. */
  rules: UsageRules | null;
  /** The project that produced or funded it (the caller must be one of its stewards). */
  project: ActionHash | null;
  location: string;
  condition: string;
}

/** `ovn_domain::Rights`: custody only, or ownership too (a sale, or a gift at price 0). */
export type Rights = "Custody" | { Ownership: { price: number } };

export interface CustodyRequest {
  resource: ActionHash;
  requester_profile: ActionHash;
  note: string;
}

export interface RequestCustodyInput {
  resource: ActionHash;
  note: string;
}

export interface CustodyTransfer {
  resource: ActionHash;
  prev: ActionHash;
  to: AgentPubKey;
  to_profile: ActionHash;
  rights: Rights;
  owner: AgentPubKey | null;
  condition_note: string;
}

export interface TransferCustodyInput {
  resource: ActionHash;
  to: AgentPubKey;
  /** Custody only when null. */
  rights: Rights | null;
  condition_note: string;
}

export interface AcceptCustodyInput {
  transfer: ActionHash;
  condition_note: string;
}

export interface CustodyStepReport {
  transfer: ActionHash;
  acceptance: ActionHash;
  from: AgentPubKey;
  to: AgentPubKey;
  rights: Rights;
  offered_at: Micros;
  accepted_at: Micros;
  condition_given: string;
  condition_received: string;
}

export interface PendingReport {
  transfer: ActionHash;
  to: AgentPubKey;
  rights: Rights;
  offered_at: Micros;
}

export interface CustodyReport {
  resource: ActionHash;
  name: string;
  regime: PropertyRegime;
  creator: AgentPubKey;
  created_at: Micros;
  custodian: AgentPubKey;
  owner: AgentPubKey | null;
  state: ActionHash;
  steps: CustodyStepReport[];
  pending: PendingReport | null;
}

export interface ResourceUse {
  resource: ActionHash;
  user_profile: ActionHash | null;
  from: Micros;
  until: Micros;
  fee: number;
  condition_report: string;
}

export interface RecordUseInput {
  resource: ActionHash;
  from: Micros;
  until: Micros;
  condition_report: string;
}

export const requestCustody = (input: RequestCustodyInput) =>
  callZome<HcRecord>(ZOME, "request_custody", input);

export const getCustodyRequests = (resource: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_custody_requests", resource);

export const transferCustody = (input: TransferCustodyInput) =>
  callZome<HcRecord>(ZOME, "transfer_custody", input);

export const acceptCustody = (input: AcceptCustodyInput) =>
  callZome<HcRecord>(ZOME, "accept_custody", input);

export const getCustodyHistory = (resource: ActionHash) =>
  callZome<CustodyReport>(ZOME, "get_custody_history", resource);

export const getResourcesHeldBy = (agent: AgentPubKey) =>
  callZome<HcRecord[]>(ZOME, "get_resources_held_by", agent);

export const createResource = (input: CreateResourceInput) =>
  callZome<HcRecord>(ZOME, "create_resource", input);

export const getResource = (hash: ActionHash) => callZome<HcRecord | null>(ZOME, "get_resource", hash);

export const getAllResources = () => callZome<HcRecord[]>(ZOME, "get_all_resources", null);

export const getResourcesForProject = (project: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_resources_for_project", project);

export const recordUse = (input: RecordUseInput) => callZome<HcRecord>(ZOME, "record_use", input);

export const getUses = (resource: ActionHash) => callZome<HcRecord[]>(ZOME, "get_uses", resource);
