// The `resources` zome: resources held in common, two-party custody (request, offer, accept)
// with its history, and uses with their fees. Its types (the Resource, CustodyRequest,
// CustodyTransfer, CustodyAcceptance and ResourceUse entries, ovn_domain's resource and custody
// types, the zome's inputs and outputs) are generated from the Rust types:
// ../generated/resources.ts (crates/ts).

import { callZome } from "../node.svelte";
import type {
  AcceptCustodyInput,
  ChangeUsageRulesInput,
  CreateResourceInput,
  CustodyReport,
  DeclineCustodyInput,
  RecordUseInput,
  RequestCustodyInput,
  RulesInForce,
  TransferCustodyInput,
} from "../generated/resources";
import type { ActionHash, AgentPubKey, HcRecord } from "./types";

export type * from "../generated/resources";

const ZOME = "resources";

export const requestCustody = (input: RequestCustodyInput) =>
  callZome<HcRecord>(ZOME, "request_custody", input);

export const getCustodyRequests = (resource: ActionHash) =>
  callZome<HcRecord[]>(ZOME, "get_custody_requests", resource);

export const transferCustody = (input: TransferCustodyInput) =>
  callZome<HcRecord>(ZOME, "transfer_custody", input);

export const acceptCustody = (input: AcceptCustodyInput) =>
  callZome<HcRecord>(ZOME, "accept_custody", input);

/** Turns down a hand-over offered to me: the offer lapses and the custodian may offer it again. */
export const declineCustody = (input: DeclineCustodyInput) =>
  callZome<HcRecord>(ZOME, "decline_custody", input);

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

/** A resource's usage rules as their version in force has them (version 1: as registered). */
export const getUsageRulesInForce = (resource: ActionHash) =>
  callZome<RulesInForce>(ZOME, "get_usage_rules_in_force", resource);

/** Changes a project resource's usage rules as one of its stewards, where decisions do not bind. */
export const changeUsageRules = (input: ChangeUsageRulesInput) =>
  callZome<HcRecord>(ZOME, "change_usage_rules", input);

/** Carries out a passed decision to change a resource's usage rules (any member). */
export const changeDecidedUsageRules = (decision: ActionHash) =>
  callZome<HcRecord>(ZOME, "change_decided_usage_rules", decision);
