/**
 * Errata: where the vendor page is wrong, ambiguous or incomplete, and the reading the catalog
 * applies. E1..E28 follow section 3 of netwrix-docs-facts.md; E29 and later come from catalog
 * review 2 (catalog-review-2.md, verified in docs/catalog-evidence.md).
 */
import type { Erratum } from '@/core/catalog/model';

import {
  C,
  H,
  PORTS_PAGE_COHESITY_COMMIT,
  PORTS_PAGE_FIRST_COMMIT,
  portsCitation as portsCitationAt,
} from './citations';

/** The errata quote the ports page as first read (10.0@c0a002f5); docs/catalog.md, "Provenance". */
const portsCitation = (heading: string, revision: string = PORTS_PAGE_FIRST_COMMIT) =>
  portsCitationAt(heading, revision);

export const ERRATA: readonly Erratum[] = [
  {
    id: 'E1',
    title: 'Dell device row has no "to"',
    says: 'Communication Direction "Dell Device CEE Server" (Celerra/VNX, PowerStore, Unity).',
    reading: 'Dell device -> CEE Server: the device opens the connection to the CEE.',
    evidence:
      'The Isilon row of the same page reads "Dell Isilon/PowerScale to CEE Server"; the device requirement pages say to open MS-RPC ports between the device and the CEE host.',
    sources: [portsCitation(H.celerra), C.celerraReq, C.unityReq, C.powerstoreReq],
  },
  {
    id: 'E2',
    title: '"RPC Dynamic Range" without numbers',
    says: 'Ports "RPC Dynamic Range" (Dell rows); the endpoint mapper is not mentioned.',
    reading:
      'The named dynamic RPC range (49152-65535 by default, overridable in the plan) plus an inferred companion rule for TCP 135 (RPC endpoint mapper).',
    evidence:
      'The only numeric definition in the Activity Monitor docs is the 7-Mode row "Dynamic Range (49152-65535)", Microsoft\'s default since Windows Server 2008. MS-RPC clients first ask the endpoint mapper on TCP 135 for the dynamic port; the 7-Mode rows list 135 explicitly.',
    sources: [portsCitation(H.celerra), portsCitation(H.netapp7)],
  },
  {
    id: 'E3',
    title: 'CEE -> agent: condition in the direction, only MS-RPC given',
    says: 'Direction "CEE Server to Activity Agent Server (when not same server)", TCP "RPC Dynamic Range".',
    reading:
      "Applies only when the CEE runs on a separate server. The agent's Dell CEE Options choose the delivery: MS-RPC (TCP 135 + dynamic range), HTTP (TCP 4492 by default) or both. A Linux CEE supports HTTP only.",
    evidence:
      'Dell CEE Options tab (7.1 to 10.0): delivery Both / MS-RPC / HTTP, HTTP port 4492 by default.',
    sources: [portsCitation(H.celerra), C.dellCeeOptions],
  },
  {
    id: 'E4',
    title: 'Isilon: protocol repeated in the ports cell',
    says: 'Ports "TCP 12228".',
    reading: 'TCP port 12228, application protocol HTTP (the CEE HTTP listener).',
    evidence:
      'OneFS forwards to http://<cee>:<port>/cee; the Linux CEE configuration shows HttpPort 12228.',
    sources: [portsCitation(H.isilon), C.isilonManual, C.isilonValidate],
  },
  {
    id: 'E5',
    title: 'Isilon: CEE installation page says MS-RPC',
    says: 'The Isilon/PowerScale "Install Dell CEE" page: "After installation, open MS-RPC ports between the Dell device and the Dell CEE server."',
    reading:
      'Keep HTTP TCP 12228 for Isilon/PowerScale -> CEE, as the ports page prints it; the MS-RPC sentence repeats the Celerra, PowerStore and Unity pages.',
    evidence:
      'OneFS forwards audit events to a CEE Server URI "http://[IP ADDRESS]:[PORT]/cee" ("Manually Configure Auditing in OneFS"); the ports page row is "Dell Isilon/PowerScale to CEE Server | TCP | TCP 12228".',
    sources: [C.isilonCee, C.isilonManual, portsCitation(H.isilon)],
  },
  {
    id: 'E6',
    title: 'Panzura: "to to"',
    says: 'Direction "Panzura filers to to Activity Agent Server".',
    reading: 'Panzura nodes (master and subordinates) -> agent.',
    evidence:
      'Later revisions (10.0@a8b312c3, 9.0@2aa9036f) read "Panzura filers to"; the Panzura page says master and subordinate nodes connect.',
    sources: [portsCitation(H.panzura), C.panzura],
  },
  {
    id: 'E7',
    title: 'Protocol column mixes transport, application and optionality',
    says: 'Protocols such as "AMQP over TCP", "TCP/TLS", "HTTPS", "HTTP (optional)".',
    reading:
      'Split into transport (TCP/UDP), service (AMQP, syslog over TLS, HTTPS, ...) and a condition.',
    evidence: 'The Panzura page writes "TCP/AMQP" and "TCP/HTTPS"; HTTPS and HTTP run over TCP.',
    sources: [portsCitation(H.ctera), C.panzura],
  },
  {
    id: 'E8',
    title: 'Nasuni 5671 labelled "AMQP over TCP"',
    says: 'Protocol "AMQP over TCP", port 5671.',
    reading: 'TCP 5671, service AMQP; note that 5671 is conventionally AMQP over TLS (AMQPS).',
    evidence: 'IANA assigns 5671 to AMQPS (general knowledge, not stated in the docs).',
    sources: [portsCitation(H.nasuni)],
  },
  {
    id: 'E9',
    title: 'Cluster-Mode note names 7-Mode',
    says: 'The Cluster-Mode section note: "the FPolicy on the NetApp Data ONTAP 7-Mode device must be configured manually".',
    reading: 'Read it as "the NetApp device" (Cluster-Mode).',
    evidence: 'The note is identical to the 7-Mode section note: a copy-paste.',
    sources: [portsCitation(H.netappC), portsCitation(H.netapp7)],
  },
  {
    id: 'E10',
    title: 'Cluster-Mode ONTAPI HTTP/HTTPS marked optional',
    says: 'HTTP (optional) 80 and HTTPS (optional) 443, "Only required if using the FPolicy Configuration and FPolicy Enable and Connect options".',
    reading:
      "One of them is required: HTTP 80 applies when the ONTAP API protocol is HTTP, HTTPS 443 when it is HTTPS; Auto Detect and the planner's Both open both (inferred for Auto Detect: the docs do not say which protocol it ends up using). HTTPS is the planner's default: the docs state none.",
    evidence:
      '"Configure Network": "The ONTAP API access is mandatory; without the API access the agent will not be able to receive and translate events from FPolicy." and "HTTP and HTTPS protocols are supported."; the Cluster-Mode checklist: "Either of these ports is required." The NetApp Tab offers "Auto Detect", "HTTPS", "HTTPS, ignore certificate errors" and "HTTP".',
    sources: [portsCitation(H.netappC), C.ontapFirewall, C.ontapActivity, C.netappTab],
  },
  {
    id: 'E11',
    title: '7-Mode: two items in one ports cell',
    says: 'Ports "135, 139 Dynamic Range (49152-65535)".',
    reading: 'TCP 135, 139 and 49152-65535.',
    evidence:
      'The Threat Prevention copy of the table puts a line break between "135, 139" and the range.',
    sources: [portsCitation(H.netapp7), C.tpPorts],
  },
  {
    id: 'E12',
    title: '7-Mode UDP 137, 138 described as "RPC"',
    says: 'UDP 137, 138, description "RPC".',
    reading: 'Same ports; service NetBIOS (name and datagram services), description kept.',
    evidence: 'UDP 137/138 are the NetBIOS name and datagram services (general knowledge).',
    sources: [portsCitation(H.netapp7)],
  },
  {
    id: 'E13',
    title: '7-Mode checklist disagrees with the table',
    says: 'The 7-Mode requirements checklist: "HTTP 80 or HTTPS 443, TCP 135, TCP 445, dynamic port range TCP/UDP 137-139".',
    reading:
      'The ports table is primary; the checklist is shown as an alternate reading in a note.',
    evidence:
      'The checklist calls 137-139 the dynamic range, adds TCP 137/138 and UDP 139, omits 49152-65535 and gives no direction.',
    sources: [portsCitation(H.netapp7), C.ontap7Activity],
  },
  {
    id: 'E14',
    title: '7-Mode HTTP/HTTPS footnote and the manual FPolicy setup',
    says: 'HTTP (optional) 80 and HTTPS (optional) 443 with the footnote "*Only required if using the FPolicy Configuration and FPolicy Enable and Connect options in Activity Monitor." and the note "If either HTTP or HTTPS are not enabled, the FPolicy on the NetApp Data ONTAP 7-Mode device must be configured manually. Also, the External Engine will not reconnect automatically in the case of a server reboot or service restart."',
    reading:
      'The agent -> filer ONTAPI rule of the chosen protocol applies whether FPolicy is configured by Activity Monitor or by hand: HTTP 80 for HTTP, HTTPS 443 for HTTPS, both for Auto Detect or Both, as for Cluster-Mode (E10). The footnote and the note are shown as notes: the page does describe a setup with HTTP and HTTPS disabled on the filer (FPolicy configured by hand, no automatic reconnect of the External Engine); the planner does not plan for it, and in that setup the ONTAPI rule can be left out by hand. Catalog 2026.11.1 and earlier applied the rows only with the automatic FPolicy options, which left plans with manual FPolicy without any ONTAPI rule.',
    evidence:
      '"Enable HTTP or HTTPS": "The Activity Monitor Activity Agent must be able to send ONTAPI calls to the vFiler\'s data LIF over HTTP or HTTPS." The 7-Mode checklist asks for a role with login-http-admin, api-system-api-list, api-system-get-version, api-cifs-share-list-iter-* and api-volume-list-info-iter-* in every setup (only api-fpolicy* and cli-fpolicy* depend on the automatic options), and lists "HTTP (80) or HTTPS (443)" and "HTTP or HTTPS protocols need to be enabled on the NetApp filer" without condition. The NetApp Tab connects to the host over the chosen Protocol (Auto Detect, HTTPS, HTTP). Unlike Cluster-Mode ("The ONTAP API access is mandatory"), no 7-Mode page says "mandatory".',
    sources: [portsCitation(H.netapp7), C.ontap7Http, C.ontap7Activity, C.netappTab],
  },
  {
    id: 'E15',
    title: 'SQL Server direction reversed',
    says: '"SQL Server to Activity Agent Server", TCP 1433, "Default SQL Server Port".',
    reading:
      'Activity Agent Server -> SQL Server, TCP 1433: the agent is the SQL client. The documented row is kept and marked superseded.',
    evidence:
      '1433 is the SQL Server listener; the SQL Server requirement pages have the agent log in with a SQL or Windows login and create Extended Events sessions and a logon trigger.',
    sources: [portsCitation(H.sql), C.sqlReq, C.sqlAdd],
  },
  {
    id: 'E16',
    title: 'WMI port "Predefined"',
    says: 'Access Analyzer to Agent Server, TCP, ports "Predefined", "WMI, used for Agent Deployment".',
    reading:
      'The Windows Firewall predefined rule group "Windows Management Instrumentation (WMI)": TCP 135 + the dynamic RPC range.',
    evidence:
      'The Threat Prevention ports page lists WMI as RPC/TCP 135 + DCOM/TCP 1024-65535 (legacy range).',
    sources: [portsCitation(H.aa), C.tpPorts],
  },
  {
    id: 'E17',
    title: 'Access Analyzer SMB: agent deployment, and (inferred) log collection',
    says: 'TCP 445 "SMB, used for Agent Deployment" (the ports page, and the same table on Access Analyzer\'s "Windows File Server Target Requirements").',
    reading:
      'SMB 445 from Access Analyzer to the Windows agent hosts, for agent deployment as printed and, inferred, for reading the activity log files that the agent keeps on its server.',
    evidence:
      'Access Analyzer "Windows File Server Target Requirements": "the Activity Agent generates activity log files stored on the server" and "the credential used by Access Analyzer to read the activity log files must have also have this permission" (local Administrators). No page names the protocol for reading the logs; a Windows credential reading files on a remote Windows server means SMB (inferred).',
    sources: [portsCitation(H.aa), C.aaWindowsFile, C.windowsFs],
  },
  {
    id: 'E18',
    title: 'Enterprise Auditor renamed Access Analyzer',
    says: '7.1 heading "Netwrix Enterprise Auditor"; 8.0 heading "Enterprise Auditor" with rows naming Access Analyzer.',
    reading: 'One environment (access-analyzer) with aliases Enterprise Auditor and StealthAUDIT.',
    evidence: 'Section matrix of the page across 7.1-10.0.',
    sources: [
      portsCitation(H.aa),
      {
        ...portsCitation(H.aa),
        path: 'docs/activitymonitor/7.1/requirements/activityagent/activityagentports.md',
        version: '7.1',
        section: 'Integration with Netwrix Enterprise Auditor Additional Firewall Rules',
        anchor: '#integration-with-netwrix-enterprise-auditor-additional-firewall-rules',
        url: 'https://docs.netwrix.com/docs/activitymonitor/7_1/requirements/activityagent/activityagentports#integration-with-netwrix-enterprise-auditor-additional-firewall-rules',
        revision: 'ad22dd64',
      },
    ],
  },
  {
    id: 'E19',
    title: 'Nutanix and Qumulo: "Protect the port with a username and password"',
    says: '"Protect the port with a username and password. The credentials will be configured in Nutanix/Qumulo."',
    reading:
      'The credential note applies to Panzura only; Nutanix and Qumulo listeners are protected by an optional IP allowlist.',
    evidence:
      'The Nutanix and Qumulo agent tabs have no credential fields; the Panzura tab has them.',
    sources: [portsCitation(H.nutanix), C.nutanixTab, C.qumuloTab, C.panzuraTab],
  },
  {
    id: 'E20',
    title: 'Entra ID description lists "Office 365 API"',
    says: 'Description "Entra ID authentication, Graph API, Office 365 API".',
    reading:
      'Text kept; Entra ID needs Microsoft Graph only (no Office 365 Management API permission).',
    evidence: 'The Entra ID requirement page lists Graph application permissions only.',
    sources: [portsCitation(H.entra), C.entra],
  },
  {
    id: 'E21',
    title: 'Azure Files destination is not only the tenant',
    says: 'Destination "Microsoft Entra ID Tenant", description "Entra ID authentication, Graph API, Blob Storage".',
    reading:
      'HTTPS 443 to Microsoft cloud endpoints: Entra ID sign-in (login.microsoftonline.com), Graph (graph.microsoft.com) and Azure Blob Storage (*.blob.core.windows.net); and, inferred in a rule of its own, the management plane (management.azure.com) that enumerates the storage accounts.',
    evidence:
      'Azure Files audit data is read as blobs from a separate "logs" storage account (Storage Blob Data Reader role); the "Reader – the management plane role. Allows enumeration of storage accounts and reading of their settings" (review 2, M11).',
    sources: [portsCitation(H.azureFiles), C.azureFiles],
  },
  {
    id: 'E22',
    title: 'Inconsistent endpoint names',
    says: '"Activity Monitor", "Agent Server", "Activity Agent Server", "Activity Monitor Agent".',
    reading: 'Normalised to the roles Activity Monitor Console and Activity Agent Server.',
    evidence: 'Same page, different sections.',
    sources: [portsCitation(H.top)],
  },
  {
    id: 'E23',
    title: 'Applet-mode WMI paragraph',
    says: 'Intro paragraph about Windows firewall inbound rules "if the scans are running in applet mode" and a default port range.',
    reading: 'Not an Activity Monitor rule; kept as a note on the Access Analyzer WMI row.',
    evidence: 'The same paragraph appears on Access Analyzer target requirement pages.',
    sources: [portsCitation(H.top)],
  },
  {
    id: 'E24',
    title: 'Threat Manager syslog port: 10000 or 10001',
    says: 'Activity Monitor "Syslog Tab": "The default port for Netwrix Threat Manager is 10001" for Linux and Windows file server hosts, "is 10000" for NAS device hosts, and "UPD is the only protocol supported for Threat Manager" (typo for UDP). Threat Manager 3.1 "Ports Requirements": "Inbound | UDP | 10000 | Syslog messaging File System event data stream from Activity Monitor agent hosts" and "Inbound | TCP | 10001 | Advanced Message Queuing Protocol (AMQP) Active Directory event data stream ...".',
    reading:
      "UDP 10000 for the file activity syslog stream, TCP 10001 (AMQP) for the Active Directory output; both configurable. The Syslog Tab's 10001 for Windows and Linux hosts is kept as a note: use the port configured in Threat Manager.",
    evidence:
      "The Threat Manager page is the receiver's own list and splits the two channels by protocol; there 10001 is the TCP (AMQP) port, which cannot take a UDP syslog stream.",
    sources: [C.syslog, C.tmPorts],
  },
  {
    id: 'E25',
    title: 'Threat Prevention merges the two Threat Manager channels',
    says: 'Threat Prevention "Firewall Ports", section "Ports for Integration with Full Netwrix Threat Manager": "Agent Server to Threat Manager | TCP/UDP | 10001 | Data event stream to Threat Manager". The same page\'s "Agent Firewall Rules" list "TCP | 10000, 10001" for Threat Prevention agents.',
    reading: 'Use the Threat Manager ports page split (UDP 10000 syslog, TCP 10001 AMQP).',
    evidence:
      'Threat Manager 3.1 "Ports Requirements" (the receiver): UDP 10000 for the file system syslog stream from Activity Monitor agent hosts, TCP 10001 for AMQP.',
    sources: [C.tpTmIntegration, C.tmPorts],
  },
  {
    id: 'E26',
    title: 'Panzura: "the IP address of the port is 4497"',
    says: 'Panzura requirement page: "the IP address of the port is 4497".',
    reading: "The agent's Panzura listener port is 4497 by default.",
    evidence: 'Agent properties, Panzura tab (default 4497).',
    sources: [C.panzura, C.panzuraTab],
  },
  {
    id: 'E27',
    title: 'Coverage gaps of the ports page',
    says: 'The page (10.0@c0a002f5) omits Hitachi, SharePoint on-premises, Windows file servers, Linux, Active Directory, Microsoft 365 Copilot, Access Analyzer 26, syslog, Threat Manager, the API server, CEE HTTP 4492 and the Isilon OneFS API.',
    reading:
      'Rules added from the sibling pages, citing them; basis "inferred" where the docs give no port number. Cohesity SmartFiles, missing at 10.0@c0a002f5, has its own section from revision 10.0@88d6a5ff: its two rows are vendor rows of that revision.',
    evidence: 'Sibling pages listed on each added rule.',
    sources: [portsCitation(H.top), portsCitation(H.cohesity, PORTS_PAGE_COHESITY_COMMIT)],
  },
  {
    id: 'E28',
    title: 'Stray space in the Dell intro',
    says: '"communication between the CEE server/ Activity Monitor Activity Agent server and the target Dell device".',
    reading: 'Cosmetic only: no effect on the rules.',
    evidence: 'Same sentence in the Celerra/VNX, Isilon, PowerStore and Unity sections.',
    sources: [portsCitation(H.celerra)],
  },
  {
    id: 'E29',
    title: 'Syslog output: no documented port',
    says: '"Syslog Tab": "Syslog server in SERVER:PORT format ... The format must be SERVER:PORT, e.g. newyorksrv20:10000." Protocols UDP, TCP and TLS; no default port.',
    reading:
      "The SIEM rules use the port of the plan (plan.integrations.siem.port). Its suggested value 514 is the planner's choice, the conventional syslog port, not a product default; syslog over TLS conventionally uses 6514.",
    evidence:
      'The Syslog Tab gives only the example newyorksrv20:10000 (and, for some host types, the Threat Manager ports); the add-host pages ask for "SERVER:Port" without a default; 514 appears on none of them. 514/udp is the IANA syslog port and 6514/tcp syslog over TLS (general knowledge).',
    sources: [C.syslog],
  },
  {
    id: 'E30',
    title: 'Outputs to Threat Manager and Access Analyzer 26 come from some agents only',
    says: 'Threat Manager "Ports Requirements": UDP 10000 and TCP 10001 "from Activity Monitor agent hosts". Access Analyzer "Activity Monitor Integration": "allow outbound traffic from each NAM agent host".',
    reading:
      'Each flow comes only from the agents whose hosts produce it: the Threat Manager syslog stream (UDP) from agents that monitor file systems (Windows file servers, Linux hosts, NAS devices, Azure Files); the Threat Manager AMQP stream (TCP) from the agents on domain controllers; the Access Analyzer 26 output from agents of file system, SharePoint Online and Microsoft 365 Copilot hosts. Domain controllers, SQL Server, Entra ID and Exchange Online agents send neither the syslog stream nor the Access Analyzer 26 output.',
    evidence:
      'Output Types: "Syslog ... For file servers, this option is also used to send activity events to Netwrix Threat Manager"; "Netwrix Threat Manager – Sends Active Directory activity events" with the note "This output type is only available for Monitored Domains"; the Access Analyzer 26 Tab is listed for File System, SharePoint Online and Windows File Server hosts only. Access Analyzer 26 Tab: "Access Analyzer 26 supports only File System, SharePoint Online, and Microsoft 365 Copilot events." The Syslog Tab gives a Threat Manager port only for Linux, NAS device and Windows file server hosts.',
    sources: [C.outputs, C.aa26Output, C.syslog, C.tmPorts, C.aa26Integration],
  },
  {
    id: 'E31',
    title: 'Access Analyzer and Linux agent hosts',
    says: 'Ports page: "Access Analyzer to Agent Server", TCP 445 "SMB, used for Agent Deployment" and "Predefined" "WMI, used for Agent Deployment". "Linux Agent Server Requirements": "Root privileges with password (or SSH private key)" and "the credential used by Access Analyzer to read the activity log files must have also have this permission".',
    reading:
      'The SMB and WMI rows apply to the Windows agent hosts (agent servers, Windows file servers, domain controllers, SharePoint servers), not to Linux hosts. Access Analyzer reaches a Linux agent host over SSH, TCP 22 (inferred: neither the protocol nor the port is stated).',
    evidence:
      'SMB and WMI are Windows services, and the ports page calls the destination "Agent Server", the Windows server of the Activity Agent. The Linux agent "cannot be deployed to a proxy server" and runs on the monitored Linux host; the Linux page asks for a root password or SSH private key for Access Analyzer, the credential of an SSH login (the console deploys Linux agents "over SSH", "Agent Information").',
    sources: [portsCitation(H.aa), C.linux, C.agentsInstall],
  },
  {
    id: 'E32',
    title: 'Cluster-Mode ONTAP API goes to a management LIF',
    says: 'Cluster-Mode rows "Activity Agent Server to NetApp*", HTTP (optional) 80 and HTTPS (optional) 443, "ONTAPI": the destination is "NetApp", the same device as the data LIFs that send FPolicy events.',
    reading:
      'The API rules go to the management LIF the agent calls: the SVM management LIF, or the cluster management LIF with vserver tunneling (option "ONTAP API address", address "ONTAP management LIF address"; while it is chosen, the address is required). They go to the data LIFs only when the plan says a data LIF serves the API. FPolicy stays data LIFs -> agent. The default asks for the management LIF: the planner\'s choice (inferred that it is usually another address than the data LIFs; the docs name no default).',
    evidence:
      '"Configure Network": "The API access is needed either through the SVM\'s LIF or through the cluster management LIF with _vserver tunneling_ feature. If you want to use the vserver tunneling feature, specify the cluster management LIF\'s address in the "Management LIF" parameter in the host\'s settings"; "Starting with ONTAP 9.6, data LIFs used for HTTPS communication with the Activity Monitor are required to use a service policy that includes the `management-https` service". The Cluster-Mode checklist: "Agent must be able to connect to ONTAP API via a management LIF on ports HTTP (80) or HTTPS (443)" and "Data LIFs of the SVM connect to Activity Monitor Agent on port 9999". Add NetApp Host: "Management LIF – _(Optional)_ If using Cluster Management LIF, a Management LIF can be specified if SVM Management LIF is not used (Vserver Tunneling)".',
    sources: [portsCitation(H.netappC), C.ontapFirewall, C.ontapActivity, C.netappAdd],
  },
];
