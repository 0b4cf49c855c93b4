// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// Licenses: terms, the catalogue, attachments, requests, exceptions, grants.

import type { ActionHash, AgentPubKey, HcRecord } from "../zomes/types";

export type AttachLicenseInput = {
  resource: ActionHash;
  license: LicenseRef;
  /** The resources this one derives from (the designs it cites); each must carry a license. */
  derives_from: Array<ActionHash>;
};

/** A license of the network's catalogue (DNA properties), referred to by its name. */
export type CatalogueLicense = {
  name: string;
  terms: LicenseTerms;
};

/** A licensee category without its details: what a license lists as exempt. */
export type CategoryTag =
  | "CommonGood"
  | "NonProfit"
  | "NonCommercialUse"
  | "WorkerCooperative"
  | "ContributingForProfit"
  | "ForProfit";

/** A contribution a for-profit made to the commons, with the confirmations that make it count. */
export type CountedContribution = {
  contribution: ActionHash;
  confirmations: Array<ActionHash>;
};

export type CreateLicenseInput = {
  project: ActionHash;
  name: string;
  terms: LicenseTerms;
};

export type DecideExceptionInput = {
  request: ActionHash;
  /** How the licensee is to be treated. */
  category: LicenseeCategory<CountedContribution>;
  /** What they pay, in minor units. */
  fee: number;
  reason: string;
};

/** What a licensee who owes pays, in minor units or basis points. */
export type FeeSchedule =
  | { Flat: { amount: number } }
  | { PerUnit: { amount: number } }
  | { RevenueShare: { share_bp: number } };

export type GrantLicenseInput = {
  request: ActionHash;
  /** An exception decided for this request, when the grant departs from the rule. */
  exception: ActionHash | null;
};

export type License = {
  name: string;
  /** The project that adds it; only its resources may carry it. */
  project: ActionHash;
  terms: LicenseTerms;
  /**
   * Where it is a steward's act, the project's version whose stewards it acts under (the
   * one in force when it is made); `None`: the project as created, or not a steward's act.
   */
  project_version: ActionHash | null;
};

export type LicenseAttachment = {
  resource: ActionHash;
  license: LicenseRef;
  /** The license attachments of the works this resource derives from (the designs it cites). */
  derives_from: Array<ActionHash>;
};

/** The licenses a resource may carry: the network's catalogue, and a project's own. */
export type LicenseCatalogue = {
  network: Array<CatalogueLicense>;
  project: Array<[ActionHash, License]>;
};

export type LicenseException = {
  request: ActionHash;
  category: LicenseeCategory<CountedContribution>;
  fee: number;
  /** Why: what was decided, and by whom. */
  reason: string;
  /**
   * The passed Decision deciding exactly this exception; `None` only where the network lets
   * stewards decide alone (`decisions_bind: false`).
   */
  decision: ActionHash | null;
  /**
   * Where it is a steward's act, the project's version whose stewards it acts under (the
   * one in force when it is made); `None`: the project as created, or not a steward's act.
   */
  project_version: ActionHash | null;
};

export type LicenseGrant = {
  request: ActionHash;
  resource: ActionHash;
  licensee: Licensee;
  category: LicenseeCategory<CountedContribution>;
  /** The terms granted: those of the license the resource carries. */
  terms: LicenseTerms;
  usage: Usage;
  /** The fee due, in minor units of the network currency. */
  fee: number;
  /** A LicenseException decided for this request, when the grant departs from the rule. */
  exception: ActionHash | null;
  /**
   * Where it is a steward's act, the project's version whose stewards it acts under (the
   * one in force when it is made); `None`: the project as created, or not a steward's act.
   */
  project_version: ActionHash | null;
};

export type LicenseKind =
  | "CommonsBasedReciprocity"
  | "PeerProduction"
  | "CcBySa"
  | "Gpl"
  | { Custom: { text: string } };

/** A license of the network's catalogue, by name, or one a project added. */
export type LicenseRef = { Catalogue: { name: string } } | { Project: { license: ActionHash } };

export type LicenseRequest = {
  resource: ActionHash;
  /** The resource's LicenseAttachment: the license asked for. */
  attachment: ActionHash;
  /** The asker's own Profile: only members ask. */
  requester_profile: ActionHash;
  licensee: Licensee;
  category: LicenseeCategory<CountedContribution>;
  /** What the licensee makes or earns with it: what a fee is computed on. */
  usage: Usage;
  note: string;
};

/** A license's terms: its kind, what those who owe pay, and who is exempt. */
export type LicenseTerms = {
  kind: LicenseKind;
  /** `None`: nobody pays. */
  fee: FeeSchedule | null;
  exempt: Array<CategoryTag>;
  /** Exempt cooperatives have at most this many workers (`None`: any size). */
  max_cooperative_workers: number | null;
  /** Derivatives must be licensed at least as reciprocally. */
  share_alike: boolean;
};

/** Who is licensed: the member who asks, or an outside entity they ask for. */
export type Licensee = "Requester" | { Outside: { name: string } };

/** Who a licensee is, as a grant states it. */
export type LicenseeCategory<R> =
  | "CommonGood"
  | "NonProfit"
  | "NonCommercialUse"
  | { WorkerCooperative: { workers: number } }
  | { ContributingForProfit: { contributions: Array<R> } }
  | "ForProfit";

export type RequestLicenseInput = {
  resource: ActionHash;
  /** An outside entity the caller asks for, by name; the caller themselves when not given. */
  outside_licensee: string | null;
  /**
   * A contributing for-profit names its contributions by hash; their confirmations are read
   * from the DHT and must make them count.
   */
  category: LicenseeCategory<ActionHash>;
  usage: Usage;
  note: string;
};

/** A request made, and what the license's rule says the licensee owes. */
export type RequestedLicense = {
  request: HcRecord;
  owes: boolean;
  fee: number;
};

/** The license a resource carries. */
export type ResourceLicense = {
  attachment: ActionHash;
  /** Who attached it: the licensor (with the stewards of the resource's project). */
  licensor: AgentPubKey;
  license: LicenseRef;
  name: string;
  terms: LicenseTerms;
  /** The attachments of the licensed works it derives from. */
  derives_from: Array<ActionHash>;
};

/** What a licensee of a category owes under a resource's license. */
export type TermsFor = {
  license: ResourceLicense;
  owes: boolean;
  /** In minor units of the network currency; 0 when exempt. */
  fee: number;
};

export type TermsForInput = {
  resource: ActionHash;
  /** Contributions by hash (their confirmations are read when a request is made). */
  category: LicenseeCategory<ActionHash>;
  usage: Usage;
};

/** What the fee is computed on. */
export type Usage = {
  /** Units made or sold under the license. */
  units: number;
  /** Revenue made with the licensed work, in minor units. */
  revenue: number;
};
