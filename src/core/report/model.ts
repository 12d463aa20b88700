/**
 * The report: one model built from the resolved plan, rendered by every exporter
 * (CSV, Markdown, PDF, PowerShell, "Copy table"), so the formats cannot disagree.
 * Pure data; deterministic for a given plan, resolution, catalog, permalink and date.
 */
import type { AmVersion, HostOs, Transport, WindowsRuleGroup } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import type { PlanCheck, ResolvedPortRange } from '@/core/resolve/model';

import type { RuleSheetColumn, RuleSheetRow } from './columns';
import type { CompactRow } from './compact-table';
import type { AtomicFlows } from './flows';
import type { ReportZones } from './zones';

export const GENERATOR_NAME = 'Activity Monitor Firewall Planner';

export interface ReportMeta {
  planName: string;
  catalogVersion: string;
  /** The netwrix/docs revision the catalog was built from, e.g. "netwrix/docs@a8b312c3". */
  docsRevision: string;
  amVersion: AmVersion;
  /** The link that reopens this plan. */
  permalink: string;
  /** "YYYY-MM-DD" (UTC) of the date passed in; empty when none was given. */
  date: string;
  generator: string;
}

export interface SummaryItem {
  label: string;
  value: string;
}

export interface ReportDevice {
  name: string;
  environment: string;
  /** Addresses (a cloud device: its tenant), joined by "; "; "(missing)" when none. */
  addresses: string;
  /** The agent server that monitors it, or "local agent" for agentMode local. */
  agent: string;
  /** "Label: value; ..." of the options its environment reads. */
  options: string;
}

export interface ReportSummary {
  /** Activity Monitor version, console, agent servers, integrations. */
  topology: SummaryItem[];
  devices: ReportDevice[];
  /** RPC range, configurable ports, inferred rules. */
  options: SummaryItem[];
}

/** What a report says of a Microsoft cloud endpoint (an FQDN, not an address). */
export interface ReportFqdn {
  /** The FQDN as the catalog names it, e.g. "{tenant}.sharepoint.com". */
  pattern: string;
  /** "*." in front: any name under it. */
  wildcard: boolean;
  /** Microsoft 365 endpoint set ID, where Microsoft's list names it. */
  m365EndpointSet?: number;
  /** Azure service tag, where Microsoft publishes one. */
  serviceTag?: string;
}

/** The other end of a host's rule. */
export interface ReportPeer {
  /** Key of the peer's host section. */
  hostKey: string;
  label: string;
  /** Empty when the plan has no address yet. */
  address: string;
  /**
   * fqdn: a Microsoft cloud endpoint: a name a proxy or perimeter firewall allows, not an address
   * a host firewall can filter on (no script makes an address rule of it).
   */
  kind: 'host' | 'fqdn';
  /** For kind fqdn. */
  fqdn?: ReportFqdn;
  /** Why the address fails the plan's validators (then no script makes a live rule of it). */
  invalid?: string;
}

export type ReportHostOs = HostOs | 'other';

/**
 * own: a server with its own host firewall (Windows or Linux: agent servers, the console, the
 * integration servers, hosts that run the agent, a CEE or SQL server); appliance: a NAS or one of
 * its interfaces; cloud: a Microsoft cloud endpoint (report/host-kind.ts decides).
 */
export type HostFirewall = 'own' | 'appliance' | 'cloud';

/** One rule as seen from a host (inbound: the peers are sources; outbound: destinations). */
export interface ReportHostRule {
  ruleKey: string;
  /** The rule's ID ("R01", ...), as in the rule sheet's Rule column and every script. */
  ruleId: string;
  peerRole: string;
  peers: ReportPeer[];
  transport: Transport;
  ports: ResolvedPortRange[];
  portsText: string;
  service: string;
  description: string;
  environment: string;
  /** Invalid plan values the rule depends on (a port, the RPC range, an option); [] when none. */
  problems: string[];
  /**
   * The Windows Firewall predefined rule group that opens this rule (the WMI group), from the
   * catalog (PortItem.windowsRuleGroup, host-sections.ts): the PowerShell script enables it for
   * the rule's sources instead of a rule of its own (its ports stay the fallback).
   */
  windowsRuleGroup?: WindowsRuleGroup;
}

export interface ReportHost {
  /**
   * Stable key ([a-z0-9-]), e.g. "console", "agent-1", "dev-3", "cee-dev-3", "siem". Internal:
   * the scripts name hosts by keys made from their names (exporters/script-host-keys.ts).
   */
  key: string;
  /** The host's identity in the resolution (hostIdentity): how the review names it. */
  identity: string;
  label: string;
  /** Empty when missing. */
  address: string;
  /** [address], or [] when missing or invalid (the scripts match any of them). */
  addresses: string[];
  /** Why the host's address fails the plan's validators. */
  invalid?: string;
  /** Role names the host plays in the rules, e.g. ["Activity Agent Server"]. */
  roleNames: string[];
  /** Whether `os` is windows. */
  windows: boolean;
  /**
   * The host's operating system as far as the catalog tells (host-sections.ts): agent servers
   * run Windows; a local-agent device's hosts the `hostOs` of its environment; a helper host the
   * `hostOs` of its role; a plan host the `os` of its place (the consoles and the Access Analyzer
   * (classic) console run Windows). Else other (appliances, cloud endpoints, the other
   * integration servers, the proxy and archive hosts).
   */
  os: ReportHostOs;
  /** Whether it has a host firewall of its own, is an appliance, or a cloud endpoint. */
  firewall: HostFirewall;
  /** fqdn: a Microsoft cloud endpoint (its address is an FQDN). */
  kind: 'host' | 'fqdn';
  /** For kind fqdn. */
  fqdn?: ReportFqdn;
  inbound: ReportHostRule[];
  outbound: ReportHostRule[];
}

/** A host at one end of a rule, as a change request lists it. */
export interface ReportEndpointHost {
  label: string;
  /** Empty when missing. */
  address: string;
  /** Why the address fails the plan's validators. */
  invalid?: string;
  /** A Microsoft cloud endpoint: the address is its FQDN (the label names the service). */
  fqdn?: true;
}

/** One end of a rule: the role and the hosts playing it. */
export interface ReportEndpoint {
  role: string;
  hosts: ReportEndpointHost[];
}

/** A rule as a change request lists it: structured, so each format lays it out its own way. */
export interface ReportRule {
  id: string;
  from: ReportEndpoint;
  to: ReportEndpoint;
  protocol: string;
  portsText: string;
  service: string;
  description: string;
  basis: 'documented' | 'inferred';
  /** What keeps the rule from being live (invalid values of the plan); [] when ready. */
  problems: string[];
  conditions: string[];
  notes: string[];
  /** "E9 (Cluster-Mode note names 7-Mode)" */
  errata: string[];
  references: string[];
  environments: string[];
}

export interface ReportErratum {
  id: string;
  title: string;
  reading: string;
}

/** The stamp of a report whose plan checks hold errors: its sheets are drafts, not to be filed. */
export interface ReportDraft {
  /** How many plan checks are errors (at least 1). */
  errors: number;
  /** "DRAFT — 3 plan errors: fix them before filing": what each sheet shows first. */
  stamp: string;
}

export interface Report {
  /** "Firewall rules: <plan name>" */
  title: string;
  meta: ReportMeta;
  summary: ReportSummary;
  columns: readonly RuleSheetColumn[];
  /** One row per resolved rule, in the resolution's order. */
  rows: RuleSheetRow[];
  /** The same rules, structured (same order as rows). */
  rules: ReportRule[];
  /** "Copy table": the same rules in six compact columns (compact-table.ts), same order. */
  compactRows: CompactRow[];
  hosts: ReportHost[];
  /** The rules as atomic flows a firewall imports (./flows.ts), with what they leave out. */
  flows: AtomicFlows;
  /** Distinct rule notes. */
  notes: string[];
  errata: ReportErratum[];
  checks: PlanCheck[];
  /**
   * Set when the plan checks hold errors: CSV, Markdown, PDF and "Copy table" show the stamp
   * first (the PDF on every page). Null for a plan without errors (warnings do not count).
   */
  draft: ReportDraft | null;
  /** The plan the report was built from (for per-field warnings and the plan file). */
  plan: Plan;
  /**
   * The plan's network zones and the rule set of each firewall (./zones.ts); only for a plan
   * with zones. Without them the report has no such key, and every sheet stays as before.
   */
  zones?: ReportZones;
}
