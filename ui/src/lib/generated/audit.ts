// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// The audit: chain exports (`ovn-chain-export/1`) and reports on an agent.

import type { ActionHash, AgentPubKey, Micros } from "../zomes/types";
import type { ContributionState } from "./contributions";

export type AuditReport = {
  agent: AgentPubKey;
  source: ExportSource;
  status: ChainVerdict;
  actions: number;
  warrants: Array<WarrantSummary>;
  rejected: Array<[number, ActionHash]>;
  replayed: Array<Replayed>;
  /**
   * What the distributions, proposals, decisions and decided equations among the records got
   * wrong that validation cannot see (`crate::completeness`, `crate::decisions`).
   */
  findings: Array<Finding>;
  /**
   * Why the chain could not be read from the network, when it could not (the status and
   * warrants above are still the authorities' answer).
   */
  unreadable: string | null;
  /**
   * Nothing found: a chain the network holds as valid and could be read, no warrant, no
   * rejection, every record replayed and valid (others' private entries aside), no finding.
   * (An agent the network has no activity of is not clean: there was nothing to audit.)
   */
  clean: boolean;
};

/** Bytes: binary in msgpack, `u` + base64url (no padding) in JSON. */
export type Bytes = Uint8Array;

/** An agent's chain as it was signed (see the module documentation). */
export type ChainExport = {
  format: string;
  dna_hash: Bytes;
  agent: Bytes;
  source: ExportSource;
  head: ExportedHead | null;
  private_entries: boolean;
  exported_at: number;
  actions: Array<ExportedAction>;
};

/** The chain's status as the authorities of the agent's activity report it. */
export type ChainVerdict =
  | "Empty"
  | "Valid"
  | { Forked: { seq: number, first: ActionHash, second: ActionHash } }
  | { Invalid: { seq: number, action: ActionHash } }
  | "Closed";

export type ExportChainInput = {
  agent: AgentPubKey;
  /** Include private entries (the caller's own chain only). */
  include_private: boolean;
};

/** Who produced an export. */
export type ExportSource = "Author" | "Dht";

/** One action as signed. */
export type ExportedAction = {
  /** The 39-byte action hash. */
  hash: Bytes;
  /** The 64-byte ed25519 signature over `action`. */
  signature: Bytes;
  /** The exact msgpack bytes that were signed and hashed. */
  action: Bytes;
  entry: ExportedEntry | null;
};

/** An entry as stored. */
export type ExportedEntry = {
  /** The 39-byte entry hash. */
  hash: Bytes;
  /** The exact msgpack bytes of the entry. */
  entry: Bytes;
};

/** The chain's head: the highest action the exporter saw. */
export type ExportedHead = {
  seq: number;
  hash: Bytes;
};

/**
 * What the audit found about one record's inputs: a distribution's, a decision's (see
 * [`crate::decisions`]) or an equation's.
 */
export type Finding = {
  record: ActionHash;
  found: Found;
};

export type Found =
  | { CountedLeftOut: { contribution: ActionHash, contributor: AgentPubKey, when: Micros } }
  | { EarlierLeftOut: { distribution: ActionHash } }
  | { PaidNotCounted: { contribution: ActionHash, state: ContributionState } }
  | { SupersededEquation: { used: ActionHash | null, in_force: ActionHash, version: number } }
  | { SettlementLeftOut: { settlement: ActionHash } }
  | { EquationNotInForce: { named: ActionHash | null, in_force: ActionHash | null } }
  | { VoteLeftOut: { vote: ActionHash } }
  | { DelegationLeftOut: { delegation: ActionHash } }
  | { DecisionNotStanding: { decision: ActionHash, standing: ActionHash | null } }
  | { ProjectVersionNotInForce: { named: ActionHash | null, in_force: ActionHash | null } }
  | { NotStewardInForce: { project: ActionHash, in_force: ActionHash | null } }
  | { UsageRulesNotInForce: { resource: ActionHash, named: ActionHash | null, in_force: ActionHash | null } }
  | { GovernanceRulesNotInForce: { project: ActionHash, named: ActionHash | null, in_force: ActionHash | null } }
  | { CountUnreadable: { proposal: ActionHash, why: string } };

/** One record of the chain, replayed. */
export type Replayed = {
  seq: number;
  action: ActionHash;
  /** The entry or link type, or the system action. */
  what: string;
  /** The derived figure the record states (amounts, fees), which the rules recomputed. */
  figure: string | null;
  verdict: Verdict;
};

/** What replaying the rules over one record found. */
export type Verdict = "Valid" | { Invalid: string } | "Private" | { NotReplayable: string };

/** A warrant an honest peer issued against the agent. */
export type WarrantSummary = {
  issued_by: AgentPubKey;
  issued_at: Micros;
  /** The action it proves invalid (none for a fork warrant). */
  action: ActionHash | null;
  reason: string;
};
