// How hashes, amounts, durations and dates read on screen, and reading them back from forms.

import { decodeHashFromBase64, encodeHashToBase64, type HoloHash } from "@holochain/client";
import { app } from "./node.svelte";

/** A hash in Holochain's text form (`uhCkk…`). */
export function b64(hash: HoloHash): string {
  return encodeHashToBase64(hash);
}

/** A hash short enough to read: its start and end. */
export function shortHash(hash: HoloHash | string): string {
  const text = typeof hash === "string" ? hash : b64(hash);
  return text.length > 16 ? `${text.slice(0, 8)}…${text.slice(-6)}` : text;
}

export function sameHash(a: HoloHash | null | undefined, b: HoloHash | null | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const PREFIXES: Record<string, number[]> = {
  agent: [0x84, 0x20, 0x24],
  action: [0x84, 0x29, 0x24],
};

/**
 * Reads a pasted hash (`uhCAk…` for an agent, `uhCkk…` for an action); an error names the
 * field and what is wrong.
 */
export function parseHash(text: string, kind: "agent" | "action", field: string): Uint8Array {
  const trimmed = text.trim();
  if (!trimmed) throw new Error(`${field} must not be empty`);
  let bytes: Uint8Array;
  try {
    if (!trimmed.startsWith("u")) throw new Error();
    bytes = decodeHashFromBase64(trimmed);
  } catch {
    throw new Error(`${field} is not a hash in Holochain's text form (it starts with "u")`);
  }
  const prefix = PREFIXES[kind];
  if (bytes.length !== 39 || prefix.some((b, i) => bytes[i] !== b)) {
    const expected = kind === "agent" ? "an agent key (uhCAk…)" : "an action hash (uhCkk…)";
    throw new Error(`${field} is not ${expected}`);
  }
  return bytes;
}

/** Minor units as the network's currency: 150050 → "1,500.50 EUR". */
export function money(minor: number): string {
  const { minorUnits, currencyCode } = app.network;
  const major = minor / 10 ** minorUnits;
  return `${major.toLocaleString("en", {
    minimumFractionDigits: minorUnits,
    maximumFractionDigits: minorUnits,
  })} ${currencyCode}`;
}

/** Minor units as a form shows them, without the currency: 150050 → "1500.50". */
export function moneyInput(minor: number): string {
  return (minor / 10 ** app.network.minorUnits).toFixed(app.network.minorUnits);
}

/** A decimal amount typed in a form → integer minor units, or an error naming the field. */
export function parseMoney(text: string, field: string): number {
  const trimmed = text.trim();
  if (!trimmed) throw new Error(`${field} must not be empty`);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new Error(`${field} must be a number`);
  const minor = Math.round(value * 10 ** app.network.minorUnits);
  if (minor <= 0) throw new Error(`${field} must be positive`);
  return minor;
}

/** Like `parseMoney`, but empty or zero (a free price, fee or deposit) reads as 0. */
export function parseOptionalMoney(text: string, field: string): number {
  return text.trim() === "" || Number(text) === 0 ? 0 : parseMoney(text, field);
}

/**
 * A percentage typed in a form (`12.5`, at most two decimals, `,` or `.`) → basis points, or an
 * error naming the field; what range it may take is the rule's that reads it.
 */
export function parsePercent(text: string, field: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,5}([.,]\d{1,2})?$/.test(trimmed)) {
    throw new Error(`${field} must be a percentage with at most two decimals, e.g. 12.5`);
  }
  const [whole, fraction = ""] = trimmed.split(/[.,]/);
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** A UTC day (`YYYY-MM-DD`) of microseconds since the epoch. */
export function utcDay(micros: number): string {
  return new Date(Math.floor(micros / 1000)).toISOString().slice(0, 10);
}

/** Basis points as a percentage: 2550 → "25.5 %". */
export function percent(bp: number): string {
  return `${(bp / 100).toLocaleString("en", { maximumFractionDigits: 2 })} %`;
}

export function minutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A timestamp in microseconds as a local date and time. */
export function when(micros: number): string {
  return new Date(micros / 1000).toLocaleString("en-GB", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

export function day(micros: number): string {
  return new Date(micros / 1000).toLocaleDateString("en-GB", {
    year: "numeric",
    month: "short",
    day: "numeric",
  });
}

/** A `<input type="datetime-local">` value (local time) → microseconds. */
export function localInputToMicros(value: string, field: string): number {
  const ms = new Date(value).getTime();
  if (!value || Number.isNaN(ms)) throw new Error(`${field} is not a date and time`);
  return ms * 1000;
}

/** Now as a `<input type="datetime-local">` value, `offsetMinutes` from now. */
export function localInputNow(offsetMinutes = 0): string {
  return localInputAt((Date.now() + offsetMinutes * 60_000) * 1000);
}

/** Microseconds as a `<input type="datetime-local">` value (local time). */
export function localInputAt(micros: number): string {
  const d = new Date(Math.floor(micros / 1000));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A comma- or newline-separated list typed in a form, trimmed, without empties. */
export function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Offers `text` as a file download named `name`. */
export function download(name: string, text: string, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A profile's public part typed in a form, checked; an error says what is wrong. */
export function parseProfileFields(nickname: string, skills: string): { nickname: string; skills: string[] } {
  if (!nickname.trim()) throw new Error("Nickname must not be empty.");
  const skillList = list(skills);
  if (new Set(skillList).size !== skillList.length) throw new Error("Skills must not list the same skill twice.");
  return { nickname: nickname.trim(), skills: skillList };
}

/** What `parse` returns, or null after handing its error's message to `report` (a form's problem line). */
export function parsedOr<T>(parse: () => T, report: (message: string) => void): T | null {
  try {
    return parse();
  } catch (e) {
    report((e as Error).message);
    return null;
  }
}
