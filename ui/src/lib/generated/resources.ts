// Generated from the Rust types by crates/ts (`cargo run -p ovn_ts`): do not edit.
// Resources, their usage rules, custody and uses.

import type { ActionHash, AgentPubKey, Micros } from "../zomes/types";

export type AcceptCustodyInput = {
  transfer: ActionHash;
  /** The resource's condition as received. */
  condition_note: string;
};

export type ChangeUsageRulesInput = {
  resource: ActionHash;
  rules: UsageRules;
};

export type CreateResourceInput = {
  name: string;
  specification: string;
  regime: PropertyRegime;
  /** [`UsageRules::default`] (members, free, up to a day) when not given. */
  rules: UsageRules | null;
  /** The project that produced or funded it: its use fees are that project's income. */
  project: ActionHash | null;
  location: string;
  condition: string;
};

export type CustodyAcceptance = {
  resource: ActionHash;
  transfer: ActionHash;
  /** The resource's condition as received. */
  condition_note: string;
};

/** A resource's custody, replayed from its events. */
export type CustodyReport = {
  resource: ActionHash;
  name: string;
  regime: PropertyRegime;
  creator: AgentPubKey;
  created_at: Micros;
  /** Who holds it now. */
  custodian: AgentPubKey;
  /** Its owner, for Shared and Private resources. */
  owner: AgentPubKey | null;
  /** The current custody state: the creation or the last acceptance. */
  state: ActionHash;
  /** Hand-overs in order. */
  steps: Array<CustodyStepReport>;
  /** The open offer (maybe expired: see its `expires`). */
  pending: PendingReport | null;
  /** The last offer of the current state, when its recipient declined it. */
  declined: [ActionHash, AgentPubKey] | null;
};

export type CustodyRequest = {
  resource: ActionHash;
  /** The requester's Profile: the custodian can only hand the resource to a member. */
  requester_profile: ActionHash;
  /** Why and for how long. */
  note: string;
  /**
   * The custody state the request is made under: the resource's creation, or the
   * acceptance that made its custodian the one asked.
   */
  custody: ActionHash;
};

/** One hand-over in a resource's history. */
export type CustodyStepReport = {
  transfer: ActionHash;
  acceptance: ActionHash;
  from: AgentPubKey;
  to: AgentPubKey;
  rights: Rights;
  offered_at: Micros;
  accepted_at: Micros;
  /** The condition as handed over, and as received. */
  condition_given: string;
  condition_received: string;
};

export type CustodyTransfer = {
  resource: ActionHash;
  /** The custody state handed on: the resource's creation, or the author's acceptance of it. */
  prev: ActionHash;
  to: AgentPubKey;
  /** The recipient's Profile: custody goes to members. */
  to_profile: ActionHash;
  rights: Rights;
  /**
   * The owner as of `prev` (`None` for regimes without one), so the next transfer reads it
   * from here, one hop back.
   */
  owner: AgentPubKey | null;
  /** The resource's condition as handed over. */
  condition_note: string;
  /**
   * After this the recipient can no longer accept, and the custodian may offer the state
   * again: within 30 days of the offer.
   */
  expires: Micros;
  /** When `prev` was offered before and that offer was declined: the recipient's decline. */
  after_decline: ActionHash | null;
};

export type DeclineCustodyInput = {
  transfer: ActionHash;
  /** Why, for the custodian. */
  note: string;
};

/** A transfer waiting for its recipient. */
export type PendingReport = {
  transfer: ActionHash;
  to: AgentPubKey;
  rights: Rights;
  offered_at: Micros;
  /** After this it can no longer be accepted, and the custodian may offer it again. */
  expires: Micros;
};

/** Who may use a resource. */
export type Permitted = "Anyone" | "Members" | { MembersWithSkill: { skills: Array<string> } };

/** Who holds the rights to a resource (the seeds' property regimes). */
export type PropertyRegime = "Nondominium" | "Commons" | "Shared" | "Private" | "Public";

export type RecordUseInput = {
  resource: ActionHash;
  from: Micros;
  until: Micros;
  /** The condition it was returned in (required when the usage rules say so). */
  condition_report: string;
};

export type RequestCustodyInput = {
  resource: ActionHash;
  /** Why, and for how long. */
  note: string;
};

export type Resource = {
  name: string;
  specification: string;
  regime: PropertyRegime;
  rules: UsageRules;
  /**
   * The project whose contributions produced or funded it: its use fees are that project's
   * income, shared among its contributors.
   */
  project: ActionHash | null;
  location: string;
  condition: string;
  /**
   * Where it is a steward's act, the project's version whose stewards it acts under (the
   * one in force when it is made); `None`: the project as created, or not a steward's act.
   */
  project_version: ActionHash | null;
};

export type ResourceUse = {
  resource: ActionHash;
  /** The user's Profile, their proof of membership (and skills) when the rules ask for it. */
  user_profile: ActionHash | null;
  from: Micros;
  until: Micros;
  /** In minor units: exactly what the usage rules charge for the use's minutes. */
  fee: number;
  /** The condition it was returned in. */
  condition_report: string;
  /**
   * The custody state it was used under (the resource's creation, or an acceptance of it
   * made by the time the use began): its owner, else its custodian, collects the fee and
   * alone records it as income.
   */
  custody: ActionHash;
  /**
   * The resource's usage rules it was charged under: the UsageRulesVersion in force when
   * it was recorded (a use cannot be backdated under cheaper rules); `None`: the rules the
   * resource was registered with.
   */
  rules_version: ActionHash | null;
};

/** What a transfer hands over. */
export type Rights = "Custody" | { Ownership: { price: number } };

/** A resource's usage rules as its version in force has them. */
export type RulesInForce = {
  /** The UsageRulesVersion in force; `None` while the rules it was registered with are. */
  version: ActionHash | null;
  /** 1 for the rules it was registered with, then one more per change. */
  number: number;
  /** Other versions with its number (the first made is in force). */
  rivals: Array<ActionHash>;
  /** The decision that made it; `None` for the rules as registered or a stewards' change. */
  decision: ActionHash | null;
  rules: UsageRules;
};

export type TransferCustodyInput = {
  resource: ActionHash;
  to: AgentPubKey;
  /** Custody only when not given. Ownership only for Shared or Private resources. */
  rights: Rights | null;
  /** The resource's condition as handed over. */
  condition_note: string;
  /** How many days the offer stays open (7 when not given, at most 30). */
  open_days: number | null;
};

/** How a resource may be used: typed, so validation enforces them. */
export type UsageRules = {
  who: Permitted;
  /** The longest one use may last, 1..=[`MAX_USE_MINUTES`]. */
  max_minutes_per_use: number;
  /** What the custodian holds while it is out, in minor units (returned when it comes back). */
  deposit: number;
  /** Minor units per hour of use; 0 for free use. */
  fee_per_hour: number;
  /** Whether the user must report its condition on return. */
  condition_report_required: boolean;
};
