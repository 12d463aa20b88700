/**
 * The plan: the user's deployment (hosts, devices, options, integrations, settings).
 * This is what the store holds, the plan file saves and the permalink encodes.
 */
import type { AmVersion, EnvironmentId, OptionValue, SettingId } from '@/core/catalog/model';
import { DEFAULT_AM_VERSION } from '@/core/catalog/model';
import type { ZoneModel } from '@/core/zones/model';
import { emptyZoneModel } from '@/core/zones/model';

/**
 * Version of the plan's shape (plan format). Any change of the shape bumps it and adds a named
 * step in core/plan/migrations.ts (docs/architecture.md, "A change of the plan's shape").
 * 1: the first format. 2: `deployment` (push install, network proxy, archive share) required.
 * 3: `microsoftTenant` once per plan (a device's `tenant` names another tenant only),
 *    `additionalConsoles`, `agentServices` and `integrations.threatPrevention`.
 * 4: `ceeServers`, the Dell CEE servers named once; a Dell device names its CEE server by id.
 * 5: `network`, the network zones and firewalls between them (core/zones/model.ts ZoneModel);
 *    empty, the planner behaves as without zones.
 */
export const PLAN_SCHEMA_VERSION = 5;

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
  /**
   * Another Microsoft tenant than the plan's (environments with addressKind "tenant"), e.g.
   * "fabrikam.onmicrosoft.com"; empty (the usual case) means the plan's `microsoftTenant`.
   * Read it only through deviceTenant() (core/plan/plan-hosts.ts).
   */
  tenant: string;
  /** The agent server that monitors the device (environments with agentMode "proxy"). */
  agentId: string;
  /** Values of the catalog options this device's environment reads; missing ones use defaults. */
  options: Record<string, OptionValue>;
}

/** The operating system a CEE server runs: a Linux CEE delivers events over HTTP only. */
export type CeeServerOs = 'windows' | 'linux';

/**
 * A Dell Common Event Enabler (CEE) server of its own (since format 4), named once and shared
 * by every Dell device that sends its events to it (a device's CEE option holds its id).
 */
export interface CeeServer extends HostEntry {
  /** Stable id inside the plan, e.g. "cee-1". */
  id: string;
  os: CeeServerOs;
}

/** The choices of a CEE server's OS, as the wizard offers them. */
export const CEE_OS_CHOICES: readonly { value: CeeServerOs; label: string }[] = [
  { value: 'windows', label: 'Windows' },
  { value: 'linux', label: 'Linux (HTTP delivery only)' },
];

/** Whether a CEE server runs Linux (it then delivers events over HTTP only). */
export function ceeRunsLinux(cee: Pick<CeeServer, 'os'>): boolean {
  return cee.os === 'linux';
}

/** The default name of the n-th CEE server. */
export function ceeServerName(n: number): string {
  return `CEE server ${n}`;
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
  /**
   * Threat Prevention for NAS (since format 3): a Threat Prevention agent on each agent server
   * that monitors NAS devices, reporting to this Enterprise Manager (and to Threat Manager).
   */
  threatPrevention: HostEntry & { enabled: boolean };
}

/** A list of servers the agents use, named by address (DNS servers, domain controllers). */
export interface ServerList {
  enabled: boolean;
  /** Host names, IPs or CIDR blocks. */
  addresses: string[];
}

/**
 * Services the agents reach when their properties say so (since plan format 3): the DNS tab,
 * the AD Users tab (domain controllers for SID resolution) and the Inactivity Alerts tab
 * (e-mail through SMTP, syslog). Each is off until the user switches it on.
 */
export interface AgentServices {
  dns: ServerList;
  domainControllers: ServerList;
  /** SMTP server for inactivity e-mail (the product asks SERVER:PORT; no default port). */
  smtp: HostEntry & { enabled: boolean; port: PortValue };
  /** Syslog server for inactivity alerts; TLS runs over TCP. */
  syslog: HostEntry & { enabled: boolean; transport: 'UDP' | 'TCP' | 'TLS'; port: PortValue };
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
  /** More Console instances (since format 3); each connects to the agents like the first. */
  additionalConsoles: HostEntry[];
  agents: AgentServer[];
  devices: Device[];
  /** Dell CEE servers on hosts of their own (since format 4); devices name them by id. */
  ceeServers: CeeServer[];
  /**
   * The Microsoft 365 / Entra ID tenant the plan's cloud services belong to (since format 3),
   * e.g. "contoso" or "contoso.onmicrosoft.com"; entered once, shared by every cloud device.
   */
  microsoftTenant: string;
  integrations: Integrations;
  /** Since plan format 2 (format-1 plans get the defaults when they are migrated). */
  deployment: Deployment;
  /** Since plan format 3. */
  agentServices: AgentServices;
  /**
   * Since plan format 5: the network zones, the firewalls between them, the zones chosen by hand
   * for hosts known by name, and the paths chosen where several exist. Empty: no zones.
   */
  network: ZoneModel;
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

/** The SMTP port the wizard suggests (the common submission port 25), not a product default. */
export const DEFAULT_SMTP_PORT = 25;
/** The syslog port the wizard suggests (the common syslog port 514), not a product default. */
export const DEFAULT_SYSLOG_PORT = 514;

export function createDefaultAgentServices(): AgentServices {
  return {
    dns: { enabled: false, addresses: [] },
    domainControllers: { enabled: false, addresses: [] },
    smtp: { enabled: false, name: 'SMTP server', address: '', port: DEFAULT_SMTP_PORT },
    syslog: {
      enabled: false,
      name: 'Syslog server',
      address: '',
      transport: 'UDP',
      port: DEFAULT_SYSLOG_PORT,
    },
  };
}

/** The default name of the n-th Console (n = 2 for the first additional one). */
export function consoleName(n: number): string {
  return `Activity Monitor Console ${n}`;
}

export function createDefaultPlan(): Plan {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    name: 'Activity Monitor deployment',
    amVersion: DEFAULT_AM_VERSION,
    console: { name: 'Activity Monitor Console', address: '' },
    additionalConsoles: [],
    agents: [{ id: 'agent-1', name: 'Agent server 1', address: '' }],
    devices: [],
    ceeServers: [],
    microsoftTenant: '',
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
      threatPrevention: {
        enabled: false,
        name: 'Threat Prevention Enterprise Manager',
        address: '',
      },
    },
    deployment: createDefaultDeployment(),
    agentServices: createDefaultAgentServices(),
    network: emptyZoneModel(),
    settings: {
      rpcRange: { ...DEFAULT_RPC_RANGE },
      ports: {},
      showInferred: true,
    },
  };
}
