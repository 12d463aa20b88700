/**
 * The plan: the user's deployment (hosts, devices, options, integrations, settings).
 * This is what the store holds, the plan file saves and the permalink encodes.
 */
import type { AmVersion, EnvironmentId, OptionValue, SettingId } from '@/core/catalog/model';
import { DEFAULT_AM_VERSION } from '@/core/catalog/model';

/**
 * Version of the plan's shape (plan format). Any change of the shape bumps it and adds a named
 * step in core/plan/migrations.ts (docs/architecture.md, "A change of the plan's shape").
 * 1: the first format. 2: `deployment` (push install, network proxy, archive share) required.
 */
export const PLAN_SCHEMA_VERSION = 2;

/**
 * A port as the plan holds it: a number when valid, else the text the user typed (kept so that
 * nothing typed is lost; the plan checks report it and no rule uses it). Read it only through
 * core/resolve/plan-values.ts.
 */
export type PortValue = number | string;

export interface HostEntry {
  name: string;
  /** Host name (RFC 1123), IPv4 (strict dotted decimal) or IPv6; empty when not known yet. */
  address: string;
}

export interface AgentServer extends HostEntry {
  /** Stable id inside the plan, e.g. "agent-1". */
  id: string;
}

export interface Device {
  /** Stable id inside the plan, e.g. "dev-1". */
  id: string;
  environment: EnvironmentId;
  /** Display name, e.g. "Filer NYC". */
  name: string;
  /** Host names, IPs or CIDR blocks (environments with addressKind "hosts"). */
  addresses: string[];
  /** Tenant name (environments with addressKind "tenant"), e.g. "contoso.onmicrosoft.com". */
  tenant: string;
  /** The agent server that monitors the device (environments with agentMode "proxy"). */
  agentId: string;
  /** Values of the catalog options this device's environment reads; missing ones use defaults. */
  options: Record<string, OptionValue>;
}

export type AccessAnalyzerEdition = 'classic' | 'aa26';

export interface Integrations {
  accessAnalyzer: HostEntry & {
    enabled: boolean;
    edition: AccessAnalyzerEdition;
    /** Classic Access Analyzer reads activity through the agents' API server (TCP 4494). */
    useApiServer: boolean;
  };
  siem: HostEntry & { enabled: boolean; transport: 'UDP' | 'TCP'; port: PortValue };
  threatManager: HostEntry & { enabled: boolean };
}

/**
 * How agents are deployed and configured beyond monitoring: push install from the console,
 * the agents' network proxy (Network Proxy tab) and log archiving to a UNC share (Archiving tab).
 */
export interface Deployment {
  /** Agents are installed and upgraded from the console (push install). */
  pushInstall: boolean;
  /** The HTTP proxy the agents use for Microsoft cloud traffic; port has no product default. */
  proxy: HostEntry & { enabled: boolean; port: PortValue };
  /** The server holding the UNC share that activity logs are archived to. */
  archive: HostEntry & { enabled: boolean };
}

export interface PlanSettings {
  /** Windows dynamic RPC range; 49152-65535 is Microsoft's default since Windows Server 2008. */
  rpcRange: { from: PortValue; to: PortValue };
  /** Values of global configurable ports (catalog PortSetting ids with scope "global"). */
  ports: Record<SettingId, PortValue>;
  /** Show rules the vendor docs do not state (marked inferred). */
  showInferred: boolean;
}

export interface Plan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  name: string;
  amVersion: AmVersion;
  console: HostEntry;
  agents: AgentServer[];
  devices: Device[];
  integrations: Integrations;
  /** Since plan format 2 (format-1 plans get the defaults when they are migrated). */
  deployment: Deployment;
  settings: PlanSettings;
}

export const DEFAULT_RPC_RANGE = { from: 49152, to: 65535 } as const;

/** The proxy port the wizard suggests: a common proxy port, not a product default. */
export const DEFAULT_PROXY_PORT = 8080;

export function createDefaultDeployment(): Deployment {
  return {
    pushInstall: false,
    proxy: { enabled: false, name: 'Network proxy', address: '', port: DEFAULT_PROXY_PORT },
    archive: { enabled: false, name: 'Archive server', address: '' },
  };
}

export function createDefaultPlan(): Plan {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    name: 'Activity Monitor deployment',
    amVersion: DEFAULT_AM_VERSION,
    console: { name: 'Activity Monitor Console', address: '' },
    agents: [{ id: 'agent-1', name: 'Agent server 1', address: '' }],
    devices: [],
    integrations: {
      accessAnalyzer: {
        enabled: false,
        edition: 'classic',
        name: 'Access Analyzer',
        address: '',
        useApiServer: false,
      },
      siem: { enabled: false, name: 'SIEM', address: '', transport: 'UDP', port: 514 },
      threatManager: { enabled: false, name: 'Threat Manager', address: '' },
    },
    deployment: createDefaultDeployment(),
    settings: {
      rpcRange: { ...DEFAULT_RPC_RANGE },
      ports: {},
      showInferred: true,
    },
  };
}
