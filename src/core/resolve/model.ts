/**
 * What the resolver produces: rules between the plan's real hosts, with their reasons,
 * and the plan checks. Pure data; every view (table, per host, exports) derives from it.
 */
import type {
  Basis,
  CloudEndpointId,
  EnvironmentId,
  ErratumId,
  PlanHostSlot,
  RoleId,
  RuleId,
  Transport,
} from '@/core/catalog/model';

/** A reference to the plan element a host comes from. */
export type HostRef =
  /**
   * A place of the plan that holds hosts named once (consoles, integration servers, deployment
   * hosts, the agents' services). `index` tells the hosts of one place apart (an additional
   * console, an entry of an address list); absent for the first.
   */
  | { kind: 'plan-host'; slot: PlanHostSlot; index?: number }
  | { kind: 'agent-server'; agentId: string }
  | { kind: 'device'; deviceId: string }
  /** A device's helper host named by a device option (catalog role of kind device-option-host). */
  | { kind: 'helper'; deviceId: string; role: RoleId }
  /**
   * A Dell CEE server of the plan (plan.ceeServers), named once and shared by the devices that
   * choose it (a device option of type 'cee-server').
   */
  | { kind: 'cee-server'; ceeId: string }
  /**
   * A Microsoft cloud endpoint (catalog role of kind cloud). `key` identifies the host: its FQDN
   * in lower case, or, while the FQDN needs a tenant the plan does not give, the endpoint and
   * the tenant's field.
   */
  | { kind: 'cloud'; endpoint: CloudEndpointId; key: string };

/** What a proxy or firewall team needs of a Microsoft cloud endpoint (catalog CloudEndpoint). */
export interface CloudHostFacts {
  /** The FQDN as the catalog names it, e.g. "{tenant}.sharepoint.com", "*.blob.core.windows.net". */
  pattern: string;
  /** The FQDN is a wildcard ("*." in front): any name under it. */
  wildcard: boolean;
  /** Microsoft 365 endpoint set ID, where Microsoft's list names the FQDN. */
  m365EndpointSet?: number;
  /** Azure service tag, where Microsoft publishes one. */
  serviceTag?: string;
  /** documented: the Netwrix page names the service; inferred: the planner infers it. */
  basis: Basis;
  /** Microsoft's pages (the name, the endpoint set, the service tag), then the Netwrix page. */
  sources: { title: string; url: string }[];
}

export interface ResolvedHost {
  /** Display label: the host's name in the plan (e.g. "Agent server 1"). */
  label: string;
  /** Address from the plan; empty when missing (then the role name is the placeholder). */
  address: string;
  ref: HostRef;
  /**
   * Set when the address fails the plan's validators (the same ones as the form and the plan
   * checks, e.g. a CIDR block where only one host is allowed): no script makes a live rule of it.
   */
  invalid?: RuleProblem;
  /** For a Microsoft cloud endpoint (ref kind cloud): its address is an FQDN, not an address. */
  cloud?: CloudHostFacts;
}

/** Why a host or a rule cannot become a live firewall rule: an invalid value of the plan. */
export interface RuleProblem {
  /**
   * The field in words and what is wrong, e.g. 'Agent port: "70000" is not a valid port: ...'.
   * No plan path (it would depend on the order of devices): the plan checks carry the paths.
   */
  message: string;
}

/** Joins the role names of a merged endpoint ("Activity Agent Server, CEE Server"). */
export const ROLE_SEPARATOR = ', ';

export interface ResolvedEndpoint {
  role: RoleId;
  /** The names of the merged roles, in reason order, e.g. ["Activity Agent Server", "CEE Server"]. */
  roleNames: string[];
  /** The role names joined for display (ROLE_SEPARATOR); the placeholder for missing addresses. */
  roleName: string;
  /** Sorted, de-duplicated by address (or by label when the address is missing). */
  hosts: ResolvedHost[];
}

export interface ResolvedPortRange {
  from: number;
  to: number;
  /** e.g. "dynamic RPC", "agent port"; empty for plain ports. */
  label: string;
}

/** Why a rule exists: one per (catalog rule, device or plan element). */
export interface RuleReason {
  ruleId: RuleId;
  environmentId: EnvironmentId;
  environmentName: string;
  /** The device that needs it, when the rule comes from a device. */
  deviceId?: string;
  deviceName?: string;
  /** The condition text that made it apply, e.g. "ONTAPI over HTTPS". */
  condition?: string;
  basis: Basis;
  /**
   * The vendor doc URL of the catalog rule, for the plan's Activity Monitor version: the page of
   * that version, or the 10.0 page where that version has none (then `referenceFallback`).
   */
  reference: string;
  /**
   * Whose docs and which version the link opens, e.g. "Activity Monitor 7.1"; for a fallback,
   * what it is and why, e.g. "Activity Monitor 10.0 page; no 7.1 page" (ruleCitation).
   */
  referenceLabel?: string;
  /** Set when the link is not a page of the plan's version: every sheet prints the label with it. */
  referenceFallback?: true;
}

export interface ResolvedRule {
  /** The rule's ID in this plan ("R01", ...; ./rule-ids.ts), shared by the review and every export. */
  id: string;
  /** Stable key of the flow (source, destination, transport, ports). */
  key: string;
  source: ResolvedEndpoint;
  destination: ResolvedEndpoint;
  transport: Transport;
  /** Sorted, merged port ranges. */
  ports: ResolvedPortRange[];
  /** e.g. "135, 139, 49152-65535" */
  portsText: string;
  /** Services of the merged reasons, de-duplicated, joined by " / ". */
  service: string;
  description: string;
  /** "inferred" when any reason is inferred and none documented. */
  basis: Basis;
  reasons: RuleReason[];
  notes: string[];
  errata: ErratumId[];
  /**
   * Invalid plan values this rule depends on (a port, the RPC range, an option of its
   * condition). Such a rule is shown with its problems and never written as a live rule.
   * Absent when there is none.
   */
  problems?: RuleProblem[];
}

export type CheckSeverity = 'error' | 'warning' | 'info';

export interface PlanCheck {
  /** Stable id of the kind of check, e.g. "missing-address". */
  code: string;
  severity: CheckSeverity;
  /** A clear message naming the field, e.g. 'Agent server "Agent server 1" has no address.' */
  message: string;
  /** Path of the field in the plan, e.g. "agents.0.address" or "devices.2.addresses". */
  field: string;
}

export interface Resolution {
  rules: ResolvedRule[];
  checks: PlanCheck[];
}

/** A host's own firewall view: what to allow inbound and outbound. */
export interface HostView {
  host: ResolvedHost;
  roleName: string;
  inbound: ResolvedRule[];
  outbound: ResolvedRule[];
}

/**
 * Everything that keeps a rule from being a live firewall rule: invalid plan values it depends
 * on and invalid addresses of its hosts. [] when the rule is ready.
 */
export function ruleProblems(rule: ResolvedRule): string[] {
  const hosts = [...rule.source.hosts, ...rule.destination.hosts];
  return [
    ...new Set([
      ...(rule.problems ?? []).map((p) => p.message),
      ...hosts.flatMap((h) => (h.invalid ? [h.invalid.message] : [])),
    ]),
  ];
}
