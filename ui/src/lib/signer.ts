// Zome call signing by ovn-node. A launcher (Kangaroo, hc-spin) gives the page
// `window.__HC_ZOME_CALL_SIGNER__`; ovn-node does not, it gives `window.__OVN_NODE__` instead,
// and signs over HTTP with the agent's key in its own keystore. The client calls
// `__HC_ZOME_CALL_SIGNER__.signZomeCall(request)` for every zome call (see @holochain/client
// lib/api/app/websocket.js, `defaultCallZomeTransform.input`) and sends what it returns as is.

import { encode } from "@msgpack/msgpack";
import {
  getNonceExpiration,
  randomNonce,
  type CallZomeRequest,
  type CallZomeRequestSigned,
} from "@holochain/client";

/** What ovn-node injects into index.html. */
export interface OvnNodeEnvironment {
  /** Where to POST the msgpack-encoded ZomeCallParams; the answer is the 64-byte signature. */
  signUrl: string;
  /** Proves to the node that the request comes from the page it served. */
  secret: string;
  /** Which of the node's agents this page is (1-based). */
  agent: number;
  /** The largest zome call the node signs, in bytes (its 413 names it too). */
  maxCallBytes?: number;
}

/** What a launcher's signer does (`HostZomeCallSigner` in @holochain/client's launcher.d.ts). */
export interface HostZomeCallSigner {
  signZomeCall: (request: CallZomeRequest) => Promise<CallZomeRequestSigned>;
}

// The client reads these two globals (lib/environments/launcher.js) without exporting their
// types from its index, so they are declared here.
declare global {
  interface Window {
    __OVN_NODE__?: OvnNodeEnvironment;
    __HC_LAUNCHER_ENV__?: { APP_INTERFACE_PORT?: number; INSTALLED_APP_ID?: string };
    __HC_ZOME_CALL_SIGNER__?: HostZomeCallSigner;
  }
}

const SIGNATURE_BYTES = 64;

/** What to do when the node this page came from is gone: its port, token and secret are stale. */
export const NODE_GONE = "ovn-node was restarted or stopped: reload the page";

/** Installs ovn-node's signer when the page was served by ovn-node and no launcher signs. */
export function installOvnNodeSigner(): boolean {
  const node = window.__OVN_NODE__;
  if (!node || window.__HC_ZOME_CALL_SIGNER__) return false;
  window.__HC_ZOME_CALL_SIGNER__ = {
    signZomeCall: (request: CallZomeRequest) => signWithNode(node, request),
  };
  return true;
}

/**
 * Holochain's `ZomeCallParams`, field for field, as the client builds them for its own signing
 * (`signZomeCall` in lib/api/app/websocket.js): the payload msgpack-encoded on its own, a random
 * 32-byte nonce, expiry in microseconds five minutes from now.
 */
async function zomeCallParams(request: CallZomeRequest): Promise<Uint8Array> {
  if (!request.provenance) {
    throw new Error("the zome call names no provenance (the agent who calls)");
  }
  const params = {
    provenance: request.provenance,
    cell_id: request.cell_id,
    zome_name: request.zome_name,
    fn_name: request.fn_name,
    cap_secret: null,
    payload: encode(request.payload ?? null),
    nonce: await randomNonce(),
    expires_at: getNonceExpiration(),
  };
  return encode(params);
}

async function signWithNode(
  node: OvnNodeEnvironment,
  request: CallZomeRequest,
): Promise<CallZomeRequestSigned> {
  const bytes = await zomeCallParams(request);
  let response: Response;
  try {
    response = await fetch(node.signUrl, {
      method: "POST",
      headers: {
        "content-type": "application/octet-stream",
        "x-ovn-secret": node.secret,
      },
      // A copy over a plain ArrayBuffer: what fetch's BodyInit types accept.
      body: new Uint8Array(bytes),
    });
  } catch (e) {
    throw new Error(`ovn-node did not answer the signing request (is it still running?): ${e}`);
  }
  if (response.status !== 200) {
    const text = (await response.text()).trim();
    const refused = `ovn-node refused to sign (HTTP ${response.status}): ${text || response.statusText}`;
    // 403: the secret is not the running node's, which a restarted node no longer knows.
    throw new Error(response.status === 403 ? `${NODE_GONE}. ${refused}` : refused);
  }
  const signature = new Uint8Array(await response.arrayBuffer());
  if (signature.length !== SIGNATURE_BYTES) {
    throw new Error(
      `ovn-node answered a ${signature.length}-byte signature; an ed25519 signature is ${SIGNATURE_BYTES} bytes`,
    );
  }
  return { bytes, signature };
}
