/**
 * Rules of agent deployment and agent settings: push install from the console, the agents'
 * network proxy for Microsoft cloud traffic, and log archiving to a UNC share
 * (netwrix-docs-facts.md sections 2.1, 2.3, 5.1, 5.5). None of them is on the ports page.
 */
import type { CatalogRule } from '@/core/catalog/model';

import { C } from './citations';
import { any, port, setting, wmi, WMI_RULE_GROUP_NOTE } from './rule-helpers';

const PUSH_INSTALL = {
  text: 'Agents are deployed from the console (push install)',
  when: { kind: 'deployment', feature: 'pushInstall' },
} as const;

const PROXY = {
  text: 'The agents use a network proxy (Network Proxy tab)',
  when: { kind: 'deployment', feature: 'proxy' },
} as const;

const ARCHIVE = {
  text: 'Activity logs are archived to a network share (Archiving tab)',
  when: { kind: 'deployment', feature: 'archive' },
} as const;

const ONLY_WHILE_DEPLOYING =
  'Needed while agents are installed, upgraded or maintained from the console; agents installed by hand (MSI) do not need it.';

export const AGENT_DEPLOYMENT_RULES: readonly CatalogRule[] = [
  {
    id: 'deploy-console-windows-smb',
    environment: 'agent-deployment',
    source: 'am-console',
    destination: 'windows-agent-host',
    transport: 'TCP',
    ports: [port(445)],
    service: 'SMB',
    description: 'Push install and upgrade of the agent: the console copies the installer',
    condition: PUSH_INSTALL,
    basis: 'inferred',
    notes: [
      'Inferred: the requirement pages (requirements/activityagent/activityagent.md, install/agents/agents.md) name WMI and the Remote Registry service for installing agents from the console but give no ports; a remote install copies the installer to an administrative share over SMB, TCP 445.',
      ONLY_WHILE_DEPLOYING,
    ],
    citation: C.agentReq,
  },
  {
    id: 'deploy-console-windows-wmi',
    environment: 'agent-deployment',
    source: 'am-console',
    destination: 'windows-agent-host',
    transport: 'TCP',
    ports: [wmi],
    service: 'WMI (MS-RPC)',
    description: 'Push install and centralized agent maintenance over WMI and Remote Registry',
    condition: PUSH_INSTALL,
    basis: 'inferred',
    notes: [
      'Inferred: the docs (install/agents/agents.md, requirements/activityagent/activityagent.md) say WMI is required for centralized agent maintenance and the Remote Registry service must be enabled, without ports; WMI is the Windows Firewall predefined group (TCP 135 + dynamic RPC).',
      WMI_RULE_GROUP_NOTE,
      ONLY_WHILE_DEPLOYING,
    ],
    citation: C.agentsInstall,
  },
  {
    id: 'deploy-console-linux-ssh',
    environment: 'agent-deployment',
    source: 'am-console',
    destination: 'linux-host',
    transport: 'TCP',
    ports: [port(22)],
    service: 'SSH',
    description: 'Push install and upgrade of the Linux agent (password or ECDSA key)',
    condition: PUSH_INSTALL,
    basis: 'inferred',
    notes: [
      'Inferred port: SSH is documented ("Agent Information": "Linux: Account must have permissions to deploy the agent over SSH on the target server"), port 22 only in the pscp example of "Manually Install the Linux Agent" (install/agents/manuallinux.md). Use the SSH port of the host.',
      'The "Client Certificate" option adds an agent installed by hand "without using SSH" ("Linux Agent Deployment"); the console still uses the Linux credentials to upgrade and uninstall it ("Manually Install the Linux Agent", step 9).',
    ],
    citation: C.agentsInstall,
  },
  {
    id: 'deploy-proxy-cloud-https',
    environment: 'agent-deployment',
    source: 'network-proxy',
    destination: 'ms-cloud',
    // The FQDNs of every agent -> Microsoft cloud flow of the plan (the proxy carries them all).
    cloudEndpoints: 'forwarded',
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS',
    description: "The network proxy forwards the agents' Microsoft cloud traffic",
    condition: PROXY,
    basis: 'inferred',
    notes: [
      'Inferred: the Network Proxy Tab names no port for the proxy\'s own connections; the Microsoft endpoints are HTTPS, TCP 443. The tab covers the "connection to Microsoft Entra ID (formerly Azure AD) and Office 365 monitoring"; that Azure storage and Copilot traffic goes through the proxy too is not documented (the planner sends every Microsoft cloud rule there).',
      "With a proxy set on the Network Proxy tab (SERVER[:PORT]), every agent -> Microsoft cloud rule goes to the proxy on the proxy port instead, and the proxy needs HTTPS 443 to the FQDNs of those rules (the destination of this rule: the endpoints of the plan's cloud devices).",
      'Hosts in the proxy bypass list are reached directly: keep agent -> Microsoft cloud HTTPS 443 for them.',
    ],
    citation: C.networkProxy,
  },
  {
    id: 'deploy-agent-archive-smb',
    environment: 'agent-deployment',
    source: 'windows-agent-host',
    destination: 'archive-server',
    transport: 'TCP',
    ports: [port(445)],
    service: 'SMB',
    description: 'Archiving: the agent moves older activity logs to a network share (UNC path)',
    condition: ARCHIVE,
    basis: 'inferred',
    notes: [
      'Inferred: the Archiving tab takes a UNC path but names no port; UNC paths are reached over SMB, TCP 445.',
      'Windows agents only: "Linux agents move activity logs to a set local path. Remote storage can be mounted to use this path for archiving." (Archiving Tab). Such a mount on a Linux host is not planned here.',
    ],
    citation: C.archiving,
  },
];

const DNS_SERVERS = {
  text: 'The agents use the DNS servers named on their DNS tab',
  when: { kind: 'agentService', service: 'dns' },
} as const;

const DOMAIN_CONTROLLERS = {
  text: 'The agents use the domain controllers named on their AD Users tab',
  when: { kind: 'agentService', service: 'domainControllers' },
} as const;

const DNS_NOTE =
  'Inferred port: the DNS Tab names "DNS servers (IPs) – IP addresses of the DNS servers to be used for look-ups ... Leave the box blank to use the default DNS server." No port is given: DNS is UDP 53, and TCP 53 for answers too large for UDP.';

const DC_NOTES = [
  'Inferred port: the AD Users Tab names "Domain Controllers (IPs and FQDNs)" for its "Active Directory service queries" ("When an AD query returns a valid username or SID"); the Unix IDs Tab (NetApp, Dell and Nasuni hosts) resolves "the Active Directory SID based on the UID" with an LDAP search ("Specify an LDAP filter"). No port is given: LDAP is TCP 389, and UDP 389 (connectionless LDAP) is how Windows clients find and ping domain controllers.',
  'Not opened: Kerberos (88) and RPC, which the docs do not name for these look-ups; an agent host that is a domain member reaches its domain controllers for logon anyway.',
];

const SMTP_NOTE =
  'Inactivity Alerts Tab, Email Alerts: "Enter the SMTP server name with a SERVER:PORT format ... Check the Enable TLS box if an SMTP server requires TLS protocol." The port is the one you enter: the product documents no default, and 25 is only the planner\'s suggestion (587 and 465 are common with TLS).';

const SYSLOG_NOTE =
  'Inactivity Alerts Tab, Syslog Alerts: "Syslog server in SERVER[:PORT] format", protocol UDP, TCP or TLS. The port is the one you enter: the product documents no default, and 514 is only the planner\'s suggestion (syslog over TLS conventionally uses 6514).';

/**
 * Rules of the services the agents reach when their properties name them: DNS servers (DNS
 * tab), domain controllers (AD Users tab) and the inactivity alerts' SMTP and syslog servers
 * (catalog review 2, M5-M7). From every host that runs an agent.
 */
export const AGENT_SERVICES_RULES: readonly CatalogRule[] = [
  {
    id: 'agent-services-agent-dns-udp',
    environment: 'agent-services',
    source: 'activity-agent-server',
    destination: 'dns-server',
    transport: 'UDP',
    ports: [port(53)],
    service: 'DNS',
    description: 'Name look-ups of the agents on the DNS servers of their DNS tab',
    condition: DNS_SERVERS,
    basis: 'inferred',
    notes: [DNS_NOTE],
    citation: C.dnsTab,
  },
  {
    id: 'agent-services-agent-dns-tcp',
    environment: 'agent-services',
    source: 'activity-agent-server',
    destination: 'dns-server',
    transport: 'TCP',
    ports: [port(53)],
    service: 'DNS',
    description: 'Name look-ups of the agents on the DNS servers of their DNS tab (large answers)',
    condition: DNS_SERVERS,
    basis: 'inferred',
    notes: [DNS_NOTE],
    citation: C.dnsTab,
  },
  {
    id: 'agent-services-agent-dc-ldap',
    environment: 'agent-services',
    source: 'activity-agent-server',
    destination: 'lookup-domain-controller',
    transport: 'TCP',
    ports: [port(389)],
    service: 'LDAP',
    description:
      'SID and user name look-ups (AD Users tab) and UID to SID translation (Unix IDs tab)',
    condition: DOMAIN_CONTROLLERS,
    basis: 'inferred',
    notes: DC_NOTES,
    citation: C.adUsers,
  },
  {
    id: 'agent-services-agent-dc-cldap',
    environment: 'agent-services',
    source: 'activity-agent-server',
    destination: 'lookup-domain-controller',
    transport: 'UDP',
    ports: [port(389)],
    service: 'LDAP over UDP (CLDAP)',
    description: 'Locating and pinging the domain controllers of the AD Users tab',
    condition: DOMAIN_CONTROLLERS,
    basis: 'inferred',
    notes: DC_NOTES,
    citation: C.adUsers,
  },
  {
    id: 'agent-services-agent-smtp',
    environment: 'agent-services',
    source: 'activity-agent-server',
    destination: 'smtp-server',
    transport: 'TCP',
    ports: [setting('smtpPort')],
    service: 'SMTP (TLS optional)',
    description: 'Inactivity alerts by e-mail through the SMTP server',
    condition: {
      text: 'Inactivity alerts by e-mail (Email Alerts)',
      when: { kind: 'agentService', service: 'smtp' },
    },
    basis: 'documented',
    notes: [SMTP_NOTE],
    citation: C.inactivityAlerts,
  },
  {
    id: 'agent-services-agent-syslog-udp',
    environment: 'agent-services',
    source: 'activity-agent-server',
    destination: 'alert-syslog-server',
    transport: 'UDP',
    ports: [setting('alertSyslogPort')],
    service: 'Syslog',
    description: 'Inactivity alerts to a syslog server (UDP)',
    condition: {
      text: 'Inactivity alerts by syslog over UDP',
      when: { kind: 'agentService', service: 'syslog', edition: 'UDP' },
    },
    basis: 'documented',
    notes: [SYSLOG_NOTE],
    citation: C.inactivityAlerts,
  },
  {
    id: 'agent-services-agent-syslog-tcp',
    environment: 'agent-services',
    source: 'activity-agent-server',
    destination: 'alert-syslog-server',
    transport: 'TCP',
    ports: [setting('alertSyslogPort')],
    service: 'Syslog (TCP or TLS)',
    description: 'Inactivity alerts to a syslog server (TCP or TLS)',
    condition: {
      text: 'Inactivity alerts by syslog over TCP or TLS',
      when: any([
        { kind: 'agentService', service: 'syslog', edition: 'TCP' },
        { kind: 'agentService', service: 'syslog', edition: 'TLS' },
      ]),
    },
    basis: 'documented',
    notes: [SYSLOG_NOTE, 'TLS runs over TCP; TCP and TLS need message framing on the receiver.'],
    citation: C.inactivityAlerts,
  },
];
