// Turning a conductor error into the sentence the zome wrote.
//
// The conductor wraps a zome's own error (`WasmErrorInner::Guest(message)`) in its debug text,
// e.g. `Wasm runtime error while working with Ribosome: RuntimeError: WasmError { file: "…",
// line: 35, error: Guest("invalid input: nickname must not be empty") }`, and a validation
// failure as `… InvalidCommit { reason: "…" } …`. Users see the inner sentence; the whole text
// stays available as the detail.

/** Reads a Rust debug string literal starting just after its opening quote. */
function readRustString(text: string, start: number): string | undefined {
  let out = "";
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return out;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = text[++i];
    if (next === "n") out += "\n";
    else if (next === "t") out += "\t";
    else if (next === "r") out += "\r";
    else if (next === "u" && text[i + 1] === "{") {
      const close = text.indexOf("}", i);
      out += String.fromCodePoint(parseInt(text.slice(i + 2, close), 16));
      i = close;
    } else out += next ?? "";
  }
  return undefined;
}

/** The first string literal following one of `markers` in `text`. */
function after(text: string, markers: string[]): string | undefined {
  for (const marker of markers) {
    const at = text.indexOf(marker);
    if (at >= 0) {
      const found = readRustString(text, at + marker.length);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export interface ReadableError {
  /** The zome's own sentence when there is one, else the error's message. */
  message: string;
  /** Everything the conductor said, when it said more than `message`. */
  detail?: string;
}

/** A message longer than this is cut in the banner; the whole text stays in the detail. */
const SHORT = 300;
/** The detail is cut there. */
const LONG = 20_000;

export function readableError(error: unknown): ReadableError {
  const { message, detail } = fullError(error);
  const short = message.length <= SHORT;
  // What the node said: all of it, unless it echoes a whole payload (then its start).
  const whole = detail ?? (short ? undefined : message);
  const kept = whole && whole.length > LONG ? `${whole.slice(0, LONG)}… (${whole.length - LONG} more characters)` : whole;
  if (short) return { message, detail: kept };
  return { message: `${message.slice(0, SHORT)}… (more under “What the node said”)`, detail: kept };
}

function fullError(error: unknown): ReadableError {
  const raw =
    error instanceof Error
      ? error.message || error.name
      : typeof error === "string"
        ? error
        : JSON.stringify(error);
  const guest = after(raw, ['Guest("']);
  if (guest !== undefined) return { message: guest, detail: raw };
  const rejected = after(raw, ['InvalidCommit { reason: "', 'reason: "', 'Invalid("']);
  if (rejected !== undefined) {
    return { message: `Rejected by the network's rules: ${rejected}`, detail: raw };
  }
  return { message: raw || "unknown error" };
}
