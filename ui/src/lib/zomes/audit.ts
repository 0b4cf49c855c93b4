// The `audit` zome: any agent's chain exported exactly as signed (`ovn-chain-export/1`), and
// the online report on an agent. Its types (ovn_domain::export, the zome's inputs and outputs)
// are generated from the Rust types: ../generated/audit.ts (crates/ts).

import { encodeHashToBase64 } from "@holochain/client";
import { callZome } from "../node.svelte";
import type { AuditReport, ChainExport, ExportChainInput } from "../generated/audit";
import type { AgentPubKey } from "./types";

export type * from "../generated/audit";

const ZOME = "audit";

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
