// The `audit` zome: any agent's chain exported exactly as signed (`ovn-chain-export/1`), and
// the online report on an agent. Mirrors zomes/audit/src/{export,report,completeness}.rs and
// ovn_domain::export.

import { encodeHashToBase64 } from "@holochain/client";
import { callZome } from "../node.svelte";
import type { ActionHash, AgentPubKey, Micros } from "./types";

const ZOME = "audit";

export type ExportSource = "Author" | "Dht";

export interface ExportChainInput {
  agent: AgentPubKey;
  /** Private entries too (the caller's own chain only). */
  include_private: boolean;
}

export interface ExportedHead {
  seq: number;
  hash: Uint8Array;
}

export interface ExportedEntry {
  hash: Uint8Array;
  entry: Uint8Array;
}

export interface ExportedAction {
  hash: Uint8Array;
  signature: Uint8Array;
  /** The exact msgpack bytes that were signed and hashed. */
  action: Uint8Array;
  entry: ExportedEntry | null;
}

/** `ovn_domain::export::ChainExport`: bytes are binary over msgpack. */
export interface ChainExport {
  format: string;
  dna_hash: Uint8Array;
  agent: Uint8Array;
  source: ExportSource;
  head: ExportedHead | null;
  private_entries: boolean;
  exported_at: Micros;
  actions: ExportedAction[];
}

export type ChainVerdict =
  | "Empty"
  | "Valid"
  | { Forked: { seq: number; first: ActionHash; second: ActionHash } }
  | { Invalid: { seq: number; action: ActionHash } }
  | "Closed";

export interface WarrantSummary {
  issued_by: AgentPubKey;
  issued_at: Micros;
  action: ActionHash | null;
  reason: string;
}

export type Verdict = "Valid" | { Invalid: string } | "Private" | { NotReplayable: string };

export interface Replayed {
  seq: number;
  action: ActionHash;
  what: string;
  figure: string | null;
  verdict: Verdict;
}

export type Missing =
  | { Contribution: { contribution: ActionHash; contributor: AgentPubKey; when: Micros } }
  | { EarlierDistribution: { distribution: ActionHash } };

export interface LeftOut {
  distribution: ActionHash;
  missing: Missing;
}

export interface AuditReport {
  agent: AgentPubKey;
  source: ExportSource;
  status: ChainVerdict;
  actions: number;
  warrants: WarrantSummary[];
  /** [seq, action] pairs. */
  rejected: [number, ActionHash][];
  replayed: Replayed[];
  left_out: LeftOut[];
  unreadable: string | null;
  clean: boolean;
}

export const exportChain = (input: ExportChainInput) =>
  callZome<ChainExport>(ZOME, "export_chain", input);

export const auditAgent = (agent: AgentPubKey) => callZome<AuditReport>(ZOME, "audit_agent", agent);

/**
 * The export as `ovn-chain-export/1` JSON, the text `ovn-audit` reads: every byte string in
 * multibase base64url (`u…`, as `ovn_domain::export::Bytes` writes it in JSON).
 */
export function chainExportJson(exported: ChainExport): string {
  return JSON.stringify(
    exported,
    (_key, value) => (value instanceof Uint8Array ? encodeHashToBase64(value) : value),
    2,
  );
}
