/**
 * The catalog model: every firewall rule Netwrix Activity Monitor needs, as structured data.
 * Pure types and constants; the data lives in src/data and is read only through core/catalog.
 */

export const AM_VERSIONS = ['7.1', '8.0', '9.0', '10.0'] as const;
export type AmVersion = (typeof AM_VERSIONS)[number];
export const DEFAULT_AM_VERSION: AmVersion = '10.0';

export type EnvironmentId = string;
export type RoleId = string;
export type RuleId = string;
export type ErratumId = string;
export type OptionId = string;
export type SettingId = string;
export type CloudEndpointId = string;

export type EnvironmentGroup =
  'core' | 'agent-host' | 'nas' | 'microsoft-cloud' | 'database' | 'integration';

export const ENVIRONMENT_GROUP_LABELS: Record<EnvironmentGroup, string> = {
  core: 'Activity Monitor core',
  'agent-host': 'Agent on the monitored host',
  nas: 'NAS and file storage',
  'microsoft-cloud': 'Microsoft cloud',
  database: 'Databases',
  integration: 'Integrations and outputs',
};

/**
 * How a device of this environment is addressed in a plan.
 * - hosts: one or more host names / IP addresses / CIDR blocks
 * - tenant: a Microsoft cloud service of the plan's tenant (Entra ID, Exchange Online, ...): no
 *   address of its own; its rules reach FQDN endpoints (CloudEndpoint)
 */
export type AddressKind = 'hosts' | 'tenant';

/**
 * Where the Activity Agent that monitors a device runs.
 * - proxy: on an Activity Agent Server of the plan (the device names its agent)
 * - local: on the monitored host itself (Windows file server, domain controller, Linux, SharePoint)
 */
export type AgentMode = 'proxy' | 'local';

/** The operating system of a host, where the catalog knows it (host firewall scripts). */
export type HostOs = 'windows' | 'linux';

/**
 * The places of a plan that hold hosts named once per plan: the Console instances
 * (plan.console and plan.additionalConsoles), plan.integrations.<x>, plan.deployment.<x> and the
 * agents' services (plan.agentServices: the DNS servers and domain controllers are address
 * lists). A plan-host role names its place; core/plan/plan-hosts.ts reads it.
 */
export type PlanHostSlot =
  | 'console'
  | 'accessAnalyzer'
  | 'siem'
  | 'threatManager'
  | 'threatPrevention'
  | 'proxy'
  | 'archive'
  | 'dnsServers'
  | 'domainControllers'
  | 'smtp'
  | 'alertSyslog';

export const PLAN_HOST_SLOTS: readonly PlanHostSlot[] = [
  'console',
  'accessAnalyzer',
  'siem',
  'threatManager',
  'threatPrevention',
  'proxy',
  'archive',
  'dnsServers',
  'domainControllers',
  'smtp',
  'alertSyslog',
];

export interface Citation {
  /** Always "netwrix/docs" for vendor facts. */
  repo: string;
  /** Path in the repo, e.g. docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md */
  path: string;
  /** Activity Monitor (or other product) version of the page. */
  version: string;
  /** The H2 heading of the section, as on the page. */
  section: string;
  /** Docusaurus anchor of the section, e.g. #ctera-additional-firewall-rules */
  anchor: string;
  /** docs.netwrix.com URL including the anchor. */
  url: string;
  /**
   * Short commit (7-40 lower-case hex) of the netwrix/docs revision the page was read at, where
   * the evidence gives one (docs/catalog.md, "Provenance").
   */
  revision?: string;
}

/** The Activity Monitor versions older than the one the catalog cites (its pages are 10.0 pages). */
export type OlderAmVersion = Exclude<AmVersion, '10.0'>;
export const OLDER_AM_VERSIONS: readonly OlderAmVersion[] = ['7.1', '8.0', '9.0'];

/**
 * Where a cited Activity Monitor 10.0 page is in an older version (docs/catalog.md,
 * "Per-version links"): the page at `path`, read at `revision`; or, with `linkedFrom`, a page whose
 * text the index does not hold, known from a link on `linkedFrom` read at `revision`.
 */
export interface AmPageInVersion {
  /** Path in netwrix/docs, e.g. docs/activitymonitor/7.1/requirements/activityagent/activityagentports.md */
  path: string;
  /** Short commit (7-40 lower-case hex) of the revision read (of `linkedFrom` when set). */
  revision: string;
  /** The page of the same version that links to `path`, when `path` itself was not read. */
  linkedFrom?: string;
  /** Sections (10.0 H2 heading as cited -> this version's H2 heading) whose heading differs. */
  renamedSections?: Readonly<Record<string, string>>;
  /** Sections (10.0 H2 heading as cited) this version's page does not have. */
  missingSections?: readonly string[];
}

/** A cited Activity Monitor 10.0 page with no page in that version: why (the evidence read). */
export interface AmPageAbsent {
  absent: string;
}

/** One cited Activity Monitor 10.0 page and its place in every older version. */
export type AmPageVersions = { page: string } & Readonly<
  Record<OlderAmVersion, AmPageInVersion | AmPageAbsent>
>;

export interface Environment {
  id: EnvironmentId;
  /** Display name as in the vendor's heading, e.g. "NetApp Data ONTAP Cluster-Mode". */
  name: string;
  aliases: readonly string[];
  group: EnvironmentGroup;
  /** Activity Monitor versions that support (and document) this environment. */
  versions: readonly AmVersion[];
  /** The role that stands for a device of this environment (e.g. "ctera-portal"). */
  endpointRole: RoleId;
  addressKind: AddressKind;
  agentMode: AgentMode;
  /** Whether an address may be a CIDR block (ONTAP data LIFs, Panzura nodes, ...). */
  allowsCidr: boolean;
  /** Options (catalog option ids) that this environment's rules read. */
  options: readonly OptionId[];
  /**
   * For agentMode 'local': the operating system of the monitored hosts, which run the agent
   * (Windows hosts get the Windows agent's rules and the PowerShell script; Linux hosts SSH and
   * the firewalld script).
   */
  hostOs?: HostOs;
  /**
   * For group 'integration': when a plan uses this environment (an integration condition, e.g.
   * Access Analyzer enabled with edition "aa26"). Its rules carry their own conditions too.
   */
  inUseWhen?: Condition;
  /** One or two sentences for the wizard. */
  summary: string;
  citation: Citation;
}

export type RoleKind =
  /**
   * A host (or list of hosts) the plan names once: the Console instances, Access Analyzer,
   * SIEM, Threat Manager, the agents' DNS servers and domain controllers ...
   */
  | 'plan-host'
  /**
   * A helper host named by a device option (Role.option) of type 'address' (SharePoint's SQL
   * Server) or 'cee-server' (a Dell device's separate CEE server, a host of the plan). With `when`, the helper exists only while the
   * condition holds for the device (and its address is then required); otherwise the role is
   * played by the role named in `otherwise` (the CEE runs on the device's agent server).
   */
  | 'device-option-host'
  /** An Activity Agent Server of the plan (the device's own agent for device rules). */
  | 'agent'
  /**
   * Every Windows host that runs an Activity Agent: the plan's agent servers and the hosts of
   * local-agent devices except Linux (the device's own agent for device rules).
   */
  | 'windows-agent'
  /** The device's own endpoint (the addresses of the device; a cloud device has none). */
  | 'device'
  /**
   * The Microsoft cloud: a rule to it names the FQDN endpoints it reaches
   * (CatalogRule.cloudEndpoints), and the resolver binds it to those names.
   */
  | 'cloud';

export interface Role {
  id: RoleId;
  /** Placeholder shown when the plan has no address, e.g. "Activity Agent Server". */
  name: string;
  kind: RoleKind;
  /** For kind 'plan-host': the place of the plan that holds the host (or hosts). */
  planHost?: PlanHostSlot;
  /** For kind 'device-option-host': the option that holds the address. */
  option?: OptionId;
  /**
   * For kind 'device-option-host': the condition (on the device's options) under which the
   * helper is a host of its own, whose address is then required. Without it the helper is
   * optional: its rules apply once the option holds an address.
   */
  when?: Condition;
  /** For kind 'device-option-host' with `when`: the role that plays it when `when` fails. */
  otherwise?: RoleId;
  /**
   * For kind 'device-option-host': how its host is named, as "<hostLabel> for <device name>"
   * and "the <hostLabel> of device ..." in messages (default: the role's name).
   */
  hostLabel?: string;
  /** The operating system of the hosts that play this role, where the catalog knows it. */
  hostOs?: HostOs;
  /**
   * Flows to this role go through the host of the named plan-host role (the network proxy)
   * whenever the plan has that host: the Microsoft cloud endpoints.
   */
  viaProxy?: RoleId;
  /**
   * For kinds 'agent' and 'windows-agent': only the agents that monitor a device of one of these
   * environments. In plan-wide rules, the agent servers that a device of these environments names
   * and the hosts of local-agent devices of these environments (an agent server that monitors
   * nothing listed is left out); in device rules, the device's own agent when its environment is
   * listed, else the rule does not apply to the device. Without it: every agent host.
   */
  monitors?: readonly EnvironmentId[];
}

export type Transport = 'TCP' | 'UDP';

/** Named port sets a plan can override. */
export type NamedPortSet =
  /** Windows dynamic RPC range; 49152-65535 by default (plan.settings.rpcRange). */
  | 'rpc-dynamic'
  /** Windows Firewall predefined group "Windows Management Instrumentation (WMI)": TCP 135 + rpc-dynamic. */
  | 'wmi';

/**
 * A predefined rule group of Windows Firewall (a group Windows ships, disabled by default), which
 * opens a named port set for its service: enabling the group is what the vendor notes ask for,
 * rather than opening the ports by hand.
 */
export interface WindowsRuleGroup {
  /** The group's name as the English Windows shows it (-DisplayGroup), e.g. "Windows Management Instrumentation (WMI)". */
  displayGroup: string;
  /**
   * The group's language-independent id, the resource string each of its rules holds in Group
   * (-Group), e.g. "@FirewallAPI.dll,-34251": DisplayGroup is translated on other Windows languages.
   */
  group: string;
}

export type PortItem =
  | { kind: 'port'; port: number }
  | { kind: 'range'; from: number; to: number }
  /**
   * windowsRuleGroup: the Windows Firewall predefined group that opens the set (the WMI group for
   * 'wmi'): the PowerShell script enables that group for the rule's sources instead of opening
   * the ports with a rule of its own, and the rule's notes must name the group.
   */
  | { kind: 'named'; set: NamedPortSet; windowsRuleGroup?: WindowsRuleGroup }
  /** A configurable port; the value comes from the plan, else the setting's default. */
  | { kind: 'setting'; setting: SettingId };

/** A configurable port: a product setting with a default and an allowed range. */
export interface PortSetting {
  id: SettingId;
  /** Name of the setting in the product, e.g. "Agent port" or "FPolicy port". */
  name: string;
  default: number;
  min: number;
  max: number;
  /** global: one value for the plan (plan.settings.ports); device: per device (device.options). */
  scope: 'global' | 'device';
  /**
   * For a global setting whose value the plan keeps with an integration rather than in
   * plan.settings.ports: plan.integrations.<integration>.port (the SIEM port), edited there.
   */
  integration?: 'siem';
  /**
   * For a global setting whose value the plan keeps with an agent service rather than in
   * plan.settings.ports: plan.agentServices.<agentService>.port (the SMTP and syslog alert
   * ports), edited there.
   */
  agentService?: 'smtp' | 'syslog';
  /** Always offered in the wizard's global settings (first), even before a rule uses it. */
  pinned?: boolean;
  /** Where the product sets it. */
  where: string;
  citation: Citation;
}

export type OptionValue = string | boolean;

export interface OptionChoice {
  value: string;
  label: string;
}

/** A per-device option the catalog's conditions read. */
export interface CatalogOption {
  id: OptionId;
  label: string;
  help: string;
  /**
   * 'cee-server': the id of one of the plan's CEE servers (plan.ceeServers), a host named once
   * and shared by the devices that choose it; '' while none is chosen.
   */
  type: 'choice' | 'boolean' | 'address' | 'port' | 'cee-server';
  choices?: readonly OptionChoice[];
  /**
   * For type 'cee-server': what a Linux host requires of another option of the device (a Linux
   * CEE delivers events over HTTP only); the plan checks report any other value as an error.
   */
  linuxRequires?: { option: OptionId; in: readonly OptionValue[] };
  /** Default value; for type 'port' the id of a PortSetting whose default applies. */
  default: OptionValue;
  /**
   * Shown (and judged by the plan checks) only while another option of the same device holds
   * one of these values; a hidden option feeds no rule.
   */
  shownWhen?: { option: OptionId; in: readonly OptionValue[] };
}

/** When a rule applies. Evaluated by the resolver against the plan. */
export type Condition =
  | { kind: 'option'; option: OptionId; in: readonly OptionValue[] }
  | { kind: 'integration'; integration: IntegrationId; edition?: string }
  | { kind: 'deployment'; feature: DeploymentFeature }
  /** An agent service of the plan is switched on (for the syslog alerts: with this transport). */
  | { kind: 'agentService'; service: AgentServiceId; edition?: string }
  | { kind: 'all'; conditions: readonly Condition[] }
  | { kind: 'any'; conditions: readonly Condition[] };

export type IntegrationId =
  'accessAnalyzer' | 'accessAnalyzerApi' | 'siem' | 'threatManager' | 'threatPrevention';

/**
 * Services the agents reach when their properties say so (plan.agentServices): the DNS servers
 * (DNS tab), the domain controllers (AD Users tab), the SMTP server and the syslog server of
 * the inactivity alerts (Inactivity Alerts tab).
 */
export type AgentServiceId = 'dns' | 'domainControllers' | 'smtp' | 'syslog';
export const AGENT_SERVICES: readonly AgentServiceId[] = [
  'dns',
  'domainControllers',
  'smtp',
  'syslog',
];

/**
 * Deployment facts of the plan (plan.deployment): agents pushed from the console, a network
 * proxy for Microsoft cloud traffic, log archiving to a UNC share.
 */
export type DeploymentFeature = 'pushInstall' | 'proxy' | 'archive';
export const DEPLOYMENT_FEATURES: readonly DeploymentFeature[] = [
  'pushInstall',
  'proxy',
  'archive',
];

export type Basis = 'documented' | 'inferred';

/** A public source outside netwrix/docs (Microsoft's endpoint lists and API references). */
export interface ExternalSource {
  /** The page title and, where it helps, the part of it, e.g. "... (endpoint set 56)". */
  title: string;
  /** The page as users open it. */
  url: string;
  /**
   * Where the text was read, where the page is kept in a public repository:
   * "MicrosoftDocs/azure-docs@17341f45 articles/virtual-network/service-tags-overview.md".
   */
  readAt?: string;
}

/**
 * A Microsoft cloud endpoint a cloud rule reaches: a host name a proxy or perimeter firewall can
 * allow (docs/catalog.md, "Cloud destinations"), with the IDs Microsoft publishes for it.
 */
export interface CloudEndpoint {
  id: CloudEndpointId;
  /**
   * The FQDN. "*." at the start: a wildcard (any name under it); "{tenant}": the tenant's name
   * (contoso for contoso or contoso.onmicrosoft.com), filled from the plan.
   */
  fqdn: string;
  /** What the agent reaches there, e.g. "Microsoft Entra ID sign-in". */
  name: string;
  /**
   * documented: the Netwrix page names the service behind this name (the Graph API, the Office
   * 365 Management APIs, Blob Storage...); inferred: the planner infers the service itself.
   */
  basis: Basis;
  /** What the Netwrix page says that needs it (verbatim where possible). */
  need: string;
  /** The Netwrix page that says so. */
  citation: Citation;
  /**
   * The ID of the endpoint set of "Microsoft 365 URLs and IP address ranges" (Worldwide) that
   * names this FQDN; absent where the list names none (docs/catalog.md says which).
   */
  m365EndpointSet?: number;
  /** The Azure service tag of its IP ranges, where Microsoft publishes one. */
  serviceTag?: string;
  /** Microsoft's pages for the name, the endpoint set and the service tag. */
  sources: readonly ExternalSource[];
  notes?: readonly string[];
}

/** The row exactly as the vendor page prints it (for rules that come from that page). */
export interface VendorRow {
  /** H2 heading of the table on the vendor page. */
  table: string;
  direction: string;
  protocol: string;
  ports: string;
  description: string;
}

export interface CatalogRule {
  id: RuleId;
  environment: EnvironmentId;
  /** The side that opens the connection. */
  source: RoleId;
  destination: RoleId;
  transport: Transport;
  ports: readonly PortItem[];
  /** Application protocol: HTTPS, HTTP, AMQP, SMB, MS-RPC, NetBIOS, syslog over TLS, FPolicy, TDS ... */
  service: string;
  description: string;
  condition?: { text: string; when: Condition };
  basis: Basis;
  /** Present when the rule is a row of the vendor's Activity Agent Ports page. */
  vendorRow?: VendorRow;
  /** Errata that affect how this rule is read. */
  errata?: readonly ErratumId[];
  /**
   * A documented row whose literal reading is wrong is kept, and names the rule that
   * carries the corrected reading; the resolver then applies the corrected rule.
   */
  supersededBy?: RuleId;
  /**
   * For a rule to a role of kind 'cloud' (and only then): the endpoints it reaches, or
   * 'forwarded' for a rule from the role that forwards the cloud traffic (the network proxy,
   * the cloud role's viaProxy): the endpoints of every cloud flow of the plan it carries.
   */
  cloudEndpoints?: readonly CloudEndpointId[] | 'forwarded';
  notes?: readonly string[];
  /** Versions where the rule applies, when narrower than the environment's. */
  versions?: readonly AmVersion[];
  citation: Citation;
}

export interface Erratum {
  id: ErratumId;
  title: string;
  /** What the vendor page says (verbatim where possible). */
  says: string;
  /** The reading the catalog applies. */
  reading: string;
  /** The evidence for that reading, with sources. */
  evidence: string;
  sources: readonly Citation[];
}

/** The netwrix/docs revision the catalog was built from: the revision of its main source page. */
export interface DocsRevision {
  /** Always "netwrix/docs". */
  repo: string;
  /** Short commit (7-40 lower-case hex) of the vendor ports page the rows were read at. */
  commit: string;
  /** Path of that page in the repo. */
  path: string;
}

export interface Catalog {
  /** Stamped on every export next to docsRevision, e.g. "2026.11.3". */
  version: string;
  /** Stamped on every export next to the version, as "netwrix/docs@a8b312c3". */
  docsRevision: DocsRevision;
  environments: readonly Environment[];
  roles: readonly Role[];
  rules: readonly CatalogRule[];
  settings: readonly PortSetting[];
  options: readonly CatalogOption[];
  errata: readonly Erratum[];
  /**
   * Where each cited Activity Monitor 10.0 page is in 7.1, 8.0 and 9.0 (src/data/am-version-pages.ts),
   * so that a plan's rules link the pages of its version. The validator requires a row for every
   * cited 10.0 page; a catalog without the table links 10.0 pages, labelled as such.
   */
  versionPages?: readonly AmPageVersions[];
  /** The FQDN endpoints the cloud rules reach. */
  cloudEndpoints: readonly CloudEndpoint[];
}
