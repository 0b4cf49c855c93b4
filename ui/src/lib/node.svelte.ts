// The connection to the Holochain node, and the one helper every zome call goes through: it
// counts calls in flight and puts the zome's own message in the error banner when a call fails.

import { decode, encode } from "@msgpack/msgpack";
import {
  AppWebsocket,
  CellType,
  isTauriHolochain,
  type AgentPubKey,
  type AppInfo,
  type WsClient,
} from "@holochain/client";
import { readableError } from "./errors";
import { installOvnNodeSigner, NODE_GONE } from "./signer";

/** The hApp's one role (happ.yaml). */
export const ROLE_NAME = "ovn";
/** First calls compile the zomes' wasm, which takes a while on a small machine. */
const CALL_TIMEOUT_MS = 60_000;
/**
 * The largest call a node takes, in bytes: what ovn-node says, else Holochain's limit on one
 * entry (4 MB), which a launcher's conductor shares; the call's envelope is left room.
 */
const MAX_CALL_BYTES = () => (window.__OVN_NODE__?.maxCallBytes ?? 4_000_000) - 1_000;

/**
 * A write whose validation needs a record the network has not brought yet fails as "could not
 * be completed but may be retried" (the conductor's `IncompleteCommit`, e.g. `DepMissingFromDht`)
 * and writes nothing: it is tried again after these pauses, while the activity line says so.
 */
const RETRY_PAUSES_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
const INCOMPLETE_COMMIT = "could not be completed but may be retried";

/** "5.2 MB". */
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export interface Banner {
  title: string;
  message: string;
  detail?: string;
  /** Stays until dismissed (or replaced by a new failure): a new action does not clear it. */
  sticky?: boolean;
}

/** What the UI shows of the network's constitution (the DNA properties). */
export interface Network {
  name: string;
  currencyCode: string;
  minorUnits: number;
  endorsementsRequired: number;
  /** The progenitor's key (`uhCAk…`) of an invite-only network; null for an open one. */
  progenitor: string | null;
  /** Whether a project's equation is adopted only by a passed decision (governance). */
  decisionsBind: boolean;
  /** The shortest a proposal stays open, in seconds. */
  minWindowSecs: number;
  /** Reputation halves every this many days. */
  halfLifeDays: number;
}

export const app = $state({
  connection: "connecting" as "connecting" | "connected" | "failed",
  connectionError: "",
  myKey: null as AgentPubKey | null,
  /** Which of ovn-node's agents this page is, when ovn-node served it. */
  agentIndex: null as number | null,
  /** Zome calls in flight. */
  inFlight: 0,
  /** Calls in flight waiting to try a write again (see RETRY_PAUSES_MS). */
  waiting: 0,
  error: null as Banner | null,
  /** The defaults of `ovn_domain::NetworkConstitution` until the DNA properties are read. */
  network: {
    name: "Open Value Network",
    currencyCode: "EUR",
    minorUnits: 2,
    endorsementsRequired: 1,
    progenitor: null,
    decisionsBind: true,
    minWindowSecs: 72 * 3600,
    halfLifeDays: 105,
  } as Network,
});

let client: AppWebsocket | null = null;
/** The app websocket whose closing is being watched, and whether it closed. */
let watched: WsClient["socket"] | null = null;
let socketClosed = false;

/**
 * When the node closes the app websocket (ovn-node restarted or stopped), tells the user to
 * reload: this page's port, token and signing secret are the old node's. The client reconnects
 * by itself on the next call; a call that then succeeds means the node is back after all.
 */
function watchSocket() {
  const socket = (client?.client as WsClient | undefined)?.socket;
  if (!socket || socket === watched) return;
  watched = socket;
  socketClosed = false;
  socket.addEventListener("close", (event: { code: number }) => {
    if (socket !== watched) return;
    socketClosed = true;
    app.error = {
      title: "Connection to the node lost",
      message: `${NODE_GONE}: the app websocket closed (code ${event.code}).`,
      sticky: true,
    };
  });
}

/** A zome call that failed; its message is already in the banner. */
export class ZomeCallError extends Error {
  constructor(
    readonly zome: string,
    readonly fnName: string,
    message: string,
  ) {
    super(message);
    this.name = "ZomeCallError";
  }
}

export function showError(title: string, error: unknown) {
  app.error = { title, ...readableError(error) };
}

/**
 * The banner a user's action put up: a background load clears any other banner when it starts
 * (a failure it or another load showed, a nickname lookup's), never this one (a refused
 * proposal stays on screen while the proposal cards load).
 */
let actionError: Banner | null = null;

/** Clears the banner; a sticky one only when `dismiss` (the user's Dismiss button). */
export function clearError(dismiss = false) {
  if (dismiss || !app.error?.sticky) {
    app.error = null;
    actionError = null;
  }
}

/** Connects to the node that served this page (ovn-node or a launcher). */
export async function connect(): Promise<void> {
  app.connection = "connecting";
  try {
    installOvnNodeSigner();
    app.agentIndex = window.__OVN_NODE__?.agent ?? null;
    // AppWebsocket.connect() finds the port and token in `__HC_LAUNCHER_ENV__` (launcher.js).
    if (!window.__HC_LAUNCHER_ENV__?.APP_INTERFACE_PORT && !isTauriHolochain()) {
      throw new Error(
        "No Holochain node: open this UI from ovn-node (scripts/run), or from a Holochain launcher.",
      );
    }
    client = await AppWebsocket.connect({ defaultTimeout: CALL_TIMEOUT_MS });
    watchSocket();
    app.myKey = client.myPubKey;
    readConstitution(client.cachedAppInfo ?? (await client.appInfo()));
    app.connection = "connected";
  } catch (e) {
    app.connectionError = readableError(e).message;
    app.connection = "failed";
  }
}

/**
 * Reads network name, currency and K from the `ovn` cell's DNA properties. When they cannot be
 * read the defaults stay, and the banner says so: amounts may then be shown in the wrong unit.
 */
function readConstitution(info: AppInfo) {
  try {
    const cell = info.cell_info[ROLE_NAME]?.find((c) => c.type === CellType.Provisioned);
    if (!cell || cell.type !== CellType.Provisioned) return;
    const bytes = cell.value.dna_modifiers.properties;
    // No properties at all: the defaults are the constitution's own.
    if (bytes.length === 0) return;
    const props = decode(bytes) as {
      network_name?: string;
      currency?: { code?: string; minor_units?: number };
      endorsements_required?: number;
      membrane?: "Open" | { InviteOnly?: { progenitor?: string } };
      governance?: { decisions_bind?: boolean; min_window_secs?: number; half_life_days?: number };
    } | null;
    if (props === null) return;
    if (typeof props !== "object") throw new Error(`the properties are a ${typeof props}, not a map`);
    app.network = {
      name: props.network_name ?? app.network.name,
      currencyCode: props.currency?.code ?? app.network.currencyCode,
      minorUnits: props.currency?.minor_units ?? app.network.minorUnits,
      endorsementsRequired: props.endorsements_required ?? app.network.endorsementsRequired,
      progenitor:
        typeof props.membrane === "object" ? (props.membrane.InviteOnly?.progenitor ?? null) : null,
      decisionsBind: props.governance?.decisions_bind ?? app.network.decisionsBind,
      minWindowSecs: props.governance?.min_window_secs ?? app.network.minWindowSecs,
      halfLifeDays: props.governance?.half_life_days ?? app.network.halfLifeDays,
    };
  } catch (e) {
    const { currencyCode, minorUnits } = app.network;
    app.error = {
      title: "Could not read the network's constitution",
      message:
        `its DNA properties cannot be read, so this page assumes ${currencyCode} with ${minorUnits} ` +
        `decimals and ${app.network.endorsementsRequired} endorsement(s) required: amounts may be shown wrong.`,
      detail: readableError(e).message,
      sticky: true,
    };
  }
}

/**
 * `payload` with every string in Unicode normal form C, as validation requires of all text
 * (`ovn_domain::text`): what a person types or pastes may come decomposed (macOS file names,
 * some keyboards), and is the same text composed. Bytes (hashes, keys) are left as they are.
 */
export function composed(payload: unknown): unknown {
  if (typeof payload === "string") return payload.normalize("NFC");
  if (Array.isArray(payload)) return payload.map(composed);
  if (payload && typeof payload === "object" && Object.getPrototypeOf(payload) === Object.prototype) {
    return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, composed(v)]));
  }
  return payload;
}

/** Calls `fn_name` of `zome_name` in the `ovn` cell; on failure the banner shows why. */
export async function callZome<T>(zome_name: string, fn_name: string, payload: unknown = null): Promise<T> {
  if (!client) {
    const error = new ZomeCallError(zome_name, fn_name, "not connected to a Holochain node");
    showError(`${zome_name}.${fn_name}`, error);
    throw error;
  }
  const sent = composed(payload);
  const size = encode(sent).length;
  if (size > MAX_CALL_BYTES()) {
    // Refused here, before the node is asked: it would refuse it too (HTTP 413).
    const message = `this request is ${megabytes(size)}, over the ${megabytes(MAX_CALL_BYTES() + 1_000)} a node takes in one call: send less at once (a shorter text, fewer items)`;
    app.error = { title: `${zome_name}.${fn_name} not sent`, message };
    throw new ZomeCallError(zome_name, fn_name, message);
  }
  app.inFlight += 1;
  try {
    const request = { role_name: ROLE_NAME, zome_name, fn_name, payload: sent };
    for (const pause of RETRY_PAUSES_MS) {
      try {
        const result = (await client.callZome(request)) as T;
        watchSocket();
        return result;
      } catch (e) {
        if (!String(e instanceof Error ? e.message : e).includes(INCOMPLETE_COMMIT)) throw e;
        app.waiting += 1;
        try {
          await new Promise((resolve) => setTimeout(resolve, pause));
        } finally {
          app.waiting -= 1;
        }
      }
    }
    const result = (await client.callZome(request)) as T;
    watchSocket();
    return result;
  } catch (e) {
    const readable = readableError(e);
    if (socketClosed && !readable.message.startsWith(NODE_GONE)) {
      readable.message = `${NODE_GONE}: ${readable.message}`;
    }
    app.error = { title: `${zome_name}.${fn_name} failed`, ...readable };
    throw new ZomeCallError(zome_name, fn_name, readable.message);
  } finally {
    app.inFlight -= 1;
  }
}

/**
 * A user action: `running` while it is in flight (bind it to the button's `disabled`), errors
 * shown in the banner. Zome errors are already there; anything else is put there here.
 */
export class Task<A extends unknown[] = []> {
  running = $state(false);
  readonly #work: (...args: A) => Promise<unknown>;

  constructor(work: (...args: A) => Promise<unknown>) {
    this.#work = work;
  }

  /** Runs the action unless it is already running; true when it finished without error. */
  run = async (...args: A): Promise<boolean> => {
    if (this.running) return false;
    this.running = true;
    // A new action: the last failure's banner has been read.
    clearError();
    try {
      await this.#work(...args);
      return true;
    } catch (e) {
      if (!(e instanceof ZomeCallError)) showError("Something went wrong", e);
      actionError = app.error;
      return false;
    } finally {
      this.running = false;
    }
  };
}

/**
 * A load whose latest request wins (a view's data for the selected project or resource). Unlike
 * a Task, a run while another is in flight is not dropped: every run goes ahead, and `work`
 * applies its results only while `current()` is true, that is while no later run has started.
 * `failed` tells whether the latest run failed (its error is in the banner).
 */
export class Loader<A extends unknown[] = []> {
  running = $state(false);
  failed = $state(false);
  #latest = 0;
  readonly #work: (current: () => boolean, ...args: A) => Promise<unknown>;

  constructor(work: (current: () => boolean, ...args: A) => Promise<unknown>) {
    this.#work = work;
  }

  /** True when this run finished without error and is still the latest. */
  run = async (...args: A): Promise<boolean> => {
    const run = ++this.#latest;
    const current = () => run === this.#latest;
    this.running = true;
    this.failed = false;
    if (app.error !== actionError) clearError();
    try {
      await this.#work(current, ...args);
      return current();
    } catch (e) {
      if (!(e instanceof ZomeCallError)) showError("Something went wrong", e);
      if (current()) this.failed = true;
      return false;
    } finally {
      if (current()) this.running = false;
    }
  };
}
