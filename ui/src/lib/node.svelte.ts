// The connection to the Holochain node, and the one helper every zome call goes through: it
// counts calls in flight and puts the zome's own message in the error banner when a call fails.

import { decode } from "@msgpack/msgpack";
import {
  AppWebsocket,
  CellType,
  isTauriHolochain,
  type AgentPubKey,
  type AppInfo,
} from "@holochain/client";
import { readableError } from "./errors";
import { installOvnNodeSigner } from "./signer";

/** The hApp's one role (happ.yaml). */
export const ROLE_NAME = "ovn";
/** First calls compile the zomes' wasm, which takes a while on a small machine. */
const CALL_TIMEOUT_MS = 60_000;

export interface Banner {
  title: string;
  message: string;
  detail?: string;
}

/** What the UI shows of the network's constitution (the DNA properties). */
export interface Network {
  name: string;
  currencyCode: string;
  minorUnits: number;
  endorsementsRequired: number;
}

export const app = $state({
  connection: "connecting" as "connecting" | "connected" | "failed",
  connectionError: "",
  myKey: null as AgentPubKey | null,
  /** Which of ovn-node's agents this page is, when ovn-node served it. */
  agentIndex: null as number | null,
  /** Zome calls in flight. */
  inFlight: 0,
  error: null as Banner | null,
  /** The defaults of `ovn_domain::NetworkConstitution` until the DNA properties are read. */
  network: {
    name: "Open Value Network",
    currencyCode: "EUR",
    minorUnits: 2,
    endorsementsRequired: 1,
  } as Network,
});

let client: AppWebsocket | null = null;

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

export function clearError() {
  app.error = null;
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
    app.myKey = client.myPubKey;
    readConstitution(client.cachedAppInfo ?? (await client.appInfo()));
    app.connection = "connected";
  } catch (e) {
    app.connectionError = readableError(e).message;
    app.connection = "failed";
  }
}

/** Reads network name, currency and K from the `ovn` cell's DNA properties, if it can. */
function readConstitution(info: AppInfo) {
  try {
    const cell = info.cell_info[ROLE_NAME]?.find((c) => c.type === CellType.Provisioned);
    if (!cell || cell.type !== CellType.Provisioned) return;
    const props = decode(cell.value.dna_modifiers.properties) as {
      network_name?: string;
      currency?: { code?: string; minor_units?: number };
      endorsements_required?: number;
    } | null;
    if (!props || typeof props !== "object") return;
    app.network = {
      name: props.network_name ?? app.network.name,
      currencyCode: props.currency?.code ?? app.network.currencyCode,
      minorUnits: props.currency?.minor_units ?? app.network.minorUnits,
      endorsementsRequired: props.endorsements_required ?? app.network.endorsementsRequired,
    };
  } catch {
    // Properties in another shape: the defaults above are the constitution's own defaults.
  }
}

/** Calls `fn_name` of `zome_name` in the `ovn` cell; on failure the banner shows why. */
export async function callZome<T>(zome_name: string, fn_name: string, payload: unknown = null): Promise<T> {
  if (!client) {
    const error = new ZomeCallError(zome_name, fn_name, "not connected to a Holochain node");
    showError(`${zome_name}.${fn_name}`, error);
    throw error;
  }
  app.inFlight += 1;
  try {
    return (await client.callZome({ role_name: ROLE_NAME, zome_name, fn_name, payload })) as T;
  } catch (e) {
    const readable = readableError(e);
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
      return false;
    } finally {
      this.running = false;
    }
  };
}
