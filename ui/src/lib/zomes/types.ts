// What every zome client shares: hashes, timestamps, records and reading an entry out of one.
//
// Serde shapes, as Holochain's msgpack (rmp-serde, named fields) writes them:
// - hashes and agent keys: 39 raw bytes (Uint8Array);
// - Timestamp: microseconds since the Unix epoch (a number);
// - Option<T>: T or null (always sent as null, never left out);
// - enums are externally tagged: a unit variant is its name ("Confirm"), a struct variant a
//   one-key map ({ Work: { minutes, skill } }), a newtype variant { Invalid: "reason" };
// - tuples are arrays.
//
// The generated types (../generated/, from the Rust types by crates/ts) name Holochain's types
// by the names exported here: ActionHash, AgentPubKey, HcRecord, Micros.

import { decode } from "@msgpack/msgpack";
import type { ActionHash, AgentPubKey, Record as HcRecord } from "@holochain/client";

export type { ActionHash, AgentPubKey, HcRecord };

/** Microseconds since the Unix epoch (Holochain's `Timestamp`). */
export type Micros = number;

/** A record with its app entry decoded. */
export interface Entry<T> {
  hash: ActionHash;
  author: AgentPubKey;
  timestamp: Micros;
  entry: T;
  record: HcRecord;
}

/** The app entry of `record`, decoded, or undefined for a record without one. */
export function decodeEntry<T>(record: HcRecord): T | undefined {
  const entry = record.entry;
  if (!entry || !("Present" in entry)) return undefined;
  const present = entry.Present;
  if (present.entry_type !== "App") return undefined;
  return decode(present.entry) as T;
}

/** The record's action hash, author and time, with its entry decoded as `T`. */
export function readRecord<T>(record: HcRecord): Entry<T> {
  const action = actionHeader(record);
  const entry = decodeEntry<T>(record);
  if (entry === undefined) {
    throw new Error("the record holds no app entry");
  }
  return {
    hash: record.signed_action.hashed.hash,
    author: action.author,
    timestamp: action.timestamp,
    entry,
    record,
  };
}

/**
 * The author and time of a record's action. Holochain 0.7 writes an action as
 * `{ header: { author, timestamp, action_seq, prev_action }, data: { type, … } }`; earlier
 * versions (and @holochain/client's `Action` type) have the fields at the top level.
 */
export function actionHeader(record: HcRecord): { author: AgentPubKey; timestamp: Micros } {
  const content = record.signed_action.hashed.content as unknown as {
    header?: { author: AgentPubKey; timestamp: Micros };
    author?: AgentPubKey;
    timestamp?: Micros;
  };
  const header = content.header ?? content;
  if (!header.author || header.timestamp === undefined) {
    throw new Error("the record's action names no author or time");
  }
  return { author: header.author, timestamp: header.timestamp };
}

/** Every record read as `T`. */
export function readRecords<T>(records: HcRecord[]): Entry<T>[] {
  return records.map((r) => readRecord<T>(r));
}

/** The name of an externally tagged enum value: "Confirm", or the key of { Work: {...} }. */
export function variantName(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") return Object.keys(value)[0] ?? "?";
  return String(value);
}
