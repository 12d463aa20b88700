/** Rules of the core (console -> agents) and of the integrations and outputs. */
import type { CatalogRule } from '@/core/catalog/model';

import { C, H, portsCitation } from './citations';
import { all, port, setting, wmi, WMI_RULE_GROUP_NOTE } from './rule-helpers';

const AA_CLASSIC = {
  text: 'Access Analyzer (classic) integration enabled',
  when: { kind: 'integration', integration: 'accessAnalyzer', edition: 'classic' },
} as const;

const AA_API = {
  text: 'Access Analyzer (classic) reads activity through the API server ("Enable API access")',
  when: { kind: 'integration', integration: 'accessAnalyzerApi' },
} as const;

const THREAT_PREVENTION = {
  kind: 'integration',
  integration: 'threatPrevention',
} as const;

export const AM_CORE_RULES: readonly CatalogRule[] = [
  {
    id: 'core-console-agent',
    environment: 'am-core',
    source: 'am-console',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [setting('agentPort')],
    service: 'Agent protocol',
    description: 'Agent Communication',
    basis: 'documented',
    vendorRow: {
      table: H.top,
      direction: 'Activity Monitor to Agent Server',
      protocol: 'TCP',
      ports: '4498',
      description: 'Agent Communication',
    },
    errata: ['E22'],
    notes: [
      'One rule per host that runs an Activity Agent: proxy agent servers, Windows file servers (every cluster node), domain controllers, Linux hosts (open the port in firewalld) and SharePoint servers.',
      'From every Console instance of the plan: "If your deployment includes multiple Console instances, each instance must be updated to trust the new certificates" (Certificate Tab, 9.0 and 10.0); each one manages the agents like the first.',
      "The port is chosen in the agent installation wizard (MSI property AGENT_PORT) and shown on the agent's Connection tab.",
    ],
    citation: portsCitation(H.top),
  },
];

export const ACCESS_ANALYZER_RULES: readonly CatalogRule[] = [
  {
    id: 'aa-agent-smb',
    environment: 'access-analyzer',
    source: 'access-analyzer-server',
    destination: 'windows-agent-host',
    transport: 'TCP',
    ports: [port(445)],
    service: 'SMB',
    description: 'SMB, used for Agent Deployment (and, inferred, reading the activity log files)',
    condition: AA_CLASSIC,
    basis: 'documented',
    vendorRow: {
      table: H.aa,
      direction: 'Access Analyzer to Agent Server',
      protocol: 'TCP',
      ports: '445',
      description: 'SMB, used for Agent Deployment',
    },
    errata: ['E17', 'E18', 'E31'],
    notes: [
      'Windows agent hosts only: Access Analyzer reaches Linux agent hosts with a root or SSH-key credential instead (rule aa-linux-ssh, E31).',
    ],
    citation: portsCitation(H.aa),
  },
  {
    id: 'aa-agent-wmi',
    environment: 'access-analyzer',
    source: 'access-analyzer-server',
    destination: 'windows-agent-host',
    transport: 'TCP',
    ports: [wmi],
    service: 'WMI (MS-RPC)',
    description: 'WMI, used for Agent Deployment',
    condition: AA_CLASSIC,
    basis: 'documented',
    vendorRow: {
      table: H.aa,
      direction: 'Access Analyzer to Agent Server',
      protocol: 'TCP',
      ports: 'Predefined',
      description: 'WMI, used for Agent Deployment',
    },
    errata: ['E16', 'E18', 'E23', 'E31'],
    notes: [WMI_RULE_GROUP_NOTE, 'Windows agent hosts only (E31).'],
    citation: portsCitation(H.aa),
  },
  {
    id: 'aa-linux-ssh',
    environment: 'access-analyzer',
    source: 'access-analyzer-server',
    destination: 'linux-host',
    transport: 'TCP',
    ports: [port(22)],
    service: 'SSH',
    description:
      'Access Analyzer reads the activity log files on the Linux agent host (root credential, password or SSH key)',
    condition: AA_CLASSIC,
    basis: 'inferred',
    errata: ['E31'],
    notes: [
      'Inferred: "Linux Agent Server Requirements" asks that "the credential used by Access Analyzer to read the activity log files" have "Root privileges with password (or SSH private key)"; no page names the protocol or the port. SSH on TCP 22 is the reading: use the SSH port of the host.',
    ],
    citation: C.linux,
  },
  {
    id: 'aa-agent-api',
    environment: 'access-analyzer',
    source: 'access-analyzer-server',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [setting('apiServerPort')],
    service: 'HTTP (API server)',
    description: 'Access Analyzer reads activity through the agent API server',
    condition: AA_API,
    basis: 'documented',
    errata: ['E27'],
    notes: ["Optional IP allowlist on the agent's API Server tab."],
    citation: C.apiServer,
  },
  {
    id: 'aa-archive-smb',
    environment: 'access-analyzer',
    source: 'access-analyzer-server',
    destination: 'archive-server',
    transport: 'TCP',
    ports: [port(445)],
    service: 'SMB',
    description: 'Access Analyzer reads the archived activity logs on the archive share (UNC path)',
    condition: {
      text: 'Access Analyzer (classic) integration enabled and activity logs archived to a network share',
      when: all([AA_CLASSIC.when, { kind: 'deployment', feature: 'archive' }]),
    },
    basis: 'inferred',
    notes: [
      'Inferred port: "Windows File Server Target Requirements" (Access Analyzer): "If the activity log files are being archived, configurable within the Netwrix Activity Monitor Console, then the credential used by Access Analyzer to read the activity log files must also have READ and WRITE permissions on the archive location." For Active Directory ("File Archive Repository Option"): "As an alternative to using an API Server, Netwrix Activity Monitor can be configured to store all archived logs to a network share", and Access Analyzer\'s "Import from Share" takes "the UNC path to the AD Activity share archive location". No page names a port; a UNC path is reached over SMB, TCP 445.',
      'Through the API server Access Analyzer may read the archive without this rule (API Server Tab, "Access activity data": "The access is provided to the files stored on the agent\'s server or on the archival network share"); the rule stays while both are on, since the docs do not say which way a deployment reads.',
    ],
    citation: C.aaWindowsFile,
  },
  {
    id: 'aa-apiserver-agent',
    environment: 'access-analyzer',
    source: 'windows-agent-host',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [setting('agentPort')],
    service: 'Agent protocol',
    description: 'The API server of an agent connects to the other agents, Linux agents included',
    condition: AA_API,
    basis: 'inferred',
    notes: [
      'Inferred: "Certificate Tab": "Activity Monitor Agent uses certificates to secure the connection between the Linux Agent and the Console / API Server" and "An untrusted certificate will prevent the Console and API Server from connecting to the agent". The API server runs in an agent ("the API Server must be enabled on each agent collecting activity", API Server Tab) and its "Read" permission gives "read-only access to the list of the agents and their configuration settings". No page names the port: the agent port, which the console uses for the same connection, is the reading.',
      'From the Windows agent hosts (the API server is set on the agent properties of a Windows agent; the quote names the Linux agent as the side reached) to every other agent host, Linux hosts included. A plan with one agent host needs nothing.',
      'Activity Monitor 9.0 and 10.0: the 7.1 and 8.0 docs have no Certificate Tab and do not say that the API server connects to agents.',
    ],
    versions: ['9.0', '10.0'],
    citation: C.certificate,
  },
];

export const ACCESS_ANALYZER_26_RULES: readonly CatalogRule[] = [
  {
    id: 'aa26-agent-output',
    environment: 'access-analyzer-26',
    source: 'aa26-source-agent',
    destination: 'aa26-server',
    transport: 'TCP',
    ports: [setting('aa26Port')],
    service: 'TLS 1.3 (mutual TLS)',
    description:
      'Access Analyzer 26 output: agents send file system, SharePoint Online and Copilot activity',
    condition: {
      text: 'Access Analyzer 26 integration enabled',
      when: { kind: 'integration', integration: 'accessAnalyzer', edition: 'aa26' },
    },
    basis: 'documented',
    errata: ['E27', 'E30'],
    notes: [
      'The agent opens the connection ("Activity data flows from NAM to AA2601"); "AA2601 requires TLS 1.3"; the enrollment token is valid for one hour.',
      'Only agents of file system, SharePoint Online and Microsoft 365 Copilot hosts send it: "Access Analyzer 26 supports only File System, SharePoint Online, and Microsoft 365 Copilot events" (Activity Monitor "Access Analyzer 26 Tab": SERVER:PORT, default port 4504, mTLS with SPKI hash pinning).',
    ],
    versions: ['10.0'],
    citation: C.aa26Integration,
  },
];

export const SIEM_OUTPUT_RULES: readonly CatalogRule[] = [
  {
    id: 'siem-udp',
    environment: 'siem-output',
    source: 'activity-agent-server',
    destination: 'siem-server',
    transport: 'UDP',
    ports: [setting('siemPort')],
    service: 'Syslog',
    description: 'Syslog output to a SIEM (UDP)',
    condition: {
      text: 'Syslog output over UDP',
      when: { kind: 'integration', integration: 'siem', edition: 'UDP' },
    },
    basis: 'documented',
    errata: ['E27', 'E29'],
    notes: [
      "The port is whatever the Syslog output names (SERVER:PORT); the product documents no default. 514 is only the planner's suggestion (E29): use the port your SIEM listens on.",
    ],
    citation: C.syslog,
  },
  {
    id: 'siem-tcp',
    environment: 'siem-output',
    source: 'activity-agent-server',
    destination: 'siem-server',
    transport: 'TCP',
    ports: [setting('siemPort')],
    service: 'Syslog (TCP or TLS)',
    description: 'Syslog output to a SIEM (TCP or TLS)',
    condition: {
      text: 'Syslog output over TCP or TLS',
      when: { kind: 'integration', integration: 'siem', edition: 'TCP' },
    },
    basis: 'documented',
    errata: ['E27', 'E29'],
    notes: [
      "The port is whatever the Syslog output names (SERVER:PORT); the product documents no default. 514 is only the planner's suggestion (E29); syslog over TLS conventionally uses 6514.",
      'TCP and TLS need message framing on the receiver.',
    ],
    citation: C.syslog,
  },
];

export const THREAT_MANAGER_RULES: readonly CatalogRule[] = [
  {
    id: 'tm-syslog',
    environment: 'threat-manager',
    source: 'file-activity-agent',
    destination: 'threat-manager-server',
    transport: 'UDP',
    ports: [setting('tmSyslogPort')],
    service: 'Syslog (Threat Manager template)',
    description: 'File activity stream to Threat Manager',
    condition: {
      text: 'Threat Manager output enabled',
      when: { kind: 'integration', integration: 'threatManager' },
    },
    basis: 'documented',
    errata: ['E24', 'E25', 'E27', 'E30'],
    notes: [
      'UDP is the only protocol Threat Manager accepts for syslog. The Activity Monitor Syslog tab suggests 10001 for Windows/Linux hosts: match the port configured in Threat Manager.',
      'Only agents that monitor file systems send it (Windows file servers, Linux hosts, NAS devices and Azure file shares): "For file servers, this option is also used to send activity events to Netwrix Threat Manager" (Output Types).',
    ],
    citation: C.tmPorts,
  },
  {
    id: 'tm-amqp',
    environment: 'threat-manager',
    source: 'domain-controller',
    destination: 'threat-manager-server',
    transport: 'TCP',
    ports: [setting('tmAmqpPort')],
    service: 'AMQP',
    description: 'Active Directory event stream to Threat Manager (App Token authentication)',
    condition: {
      text: 'Threat Manager output enabled',
      when: { kind: 'integration', integration: 'threatManager' },
    },
    basis: 'documented',
    errata: ['E24', 'E25', 'E27', 'E30'],
    notes: [
      'Only the agents on domain controllers send it: the Netwrix Threat Manager output "is only available for Monitored Domains" (Output Types); the rule appears when the plan has Active Directory domain controllers.',
    ],
    citation: C.tmOutput,
  },
];

export const THREAT_PREVENTION_RULES: readonly CatalogRule[] = [
  {
    id: 'tp-agent-em-grpc',
    environment: 'threat-prevention',
    source: 'tp-nas-agent',
    destination: 'tp-enterprise-manager',
    transport: 'TCP',
    ports: [port(3741)],
    service: 'gRPC',
    description:
      'The Threat Prevention agent on the agent server reports NAS activity to the Enterprise Manager',
    condition: { text: 'Threat Prevention for NAS enabled', when: THREAT_PREVENTION },
    basis: 'documented',
    notes: [
      'Threat Prevention "Firewall Ports", Agent Firewall Rules: "Outbound Netwrix Threat Prevention Windows Agent to Enterprise Manager | gRPC / TCP | 3741 | Outbound Enterprise Manager Communication". "NAS Device Support": "The Threat Prevention Agent must be installed on the Windows server where the Activity Monitor’s Activity Agent resides."',
      'Only from the agent servers that monitor a NAS platform of "NAS Device Support": Dell Celerra & VNX, Dell Isilon/PowerScale, Dell Unity, Hitachi, Nasuni, NetApp 7-Mode and Cluster-Mode, Panzura. The Threat Prevention agent reads the Activity Agent\'s log files on the same server (no network flow); deploying it from the Enterprise Manager over WMI ("required for Agent Auto Deploy") is not planned here.',
    ],
    citation: C.tpAgent,
  },
  {
    id: 'tp-agent-tm',
    environment: 'threat-prevention',
    source: 'tp-nas-agent',
    destination: 'threat-manager-server',
    transport: 'TCP',
    ports: [port(10000), port(10001)],
    service: 'Threat Manager event stream',
    description: 'The Threat Prevention agent on the agent server sends events to Threat Manager',
    condition: {
      text: 'Threat Prevention for NAS and Threat Manager enabled',
      when: all([THREAT_PREVENTION, { kind: 'integration', integration: 'threatManager' }]),
    },
    basis: 'documented',
    notes: [
      'Threat Prevention "Firewall Ports", Agent Firewall Rules: "Outbound Netwrix Threat Prevention Windows Agent to Threat Manager | TCP | 10000, 10001 | Outbound Threat Manager Communication", as printed. The Threat Manager 3.1 ports page lists UDP 10000 (syslog from Activity Monitor agent hosts) and TCP 10001 (AMQP): E25 reads the Activity Monitor agents\' own streams by that split; this row is the Threat Prevention agent\'s.',
      "Threat Manager's default ports: match the ports Threat Manager is configured with.",
    ],
    citation: C.tpAgent,
  },
];
