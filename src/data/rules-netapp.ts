/** NetApp Data ONTAP 7-Mode and Cluster-Mode. */
import type { CatalogRule } from '@/core/catalog/model';

import { H, portsCitation } from './citations';
import { option, port, rpcDynamic, setting } from './rule-helpers';

const AGENT_TO_NETAPP_STAR = 'Activity Agent Server to NetApp*';
const AGENT_TO_NETAPP = 'Activity Agent Server to NetApp';
const NETAPP_TO_AGENT = 'NetApp to Activity Agent Server';
const MANUAL_NOTE =
  'If neither HTTP nor HTTPS is enabled, FPolicy must be configured manually on the device and the External Engine does not reconnect automatically after a server reboot or service restart.';
const FOOTNOTE_NOTE =
  'Vendor footnote: "Only required if using the FPolicy Configuration and FPolicy Enable and Connect options in Activity Monitor." The planner opens the chosen protocol in every case (E14): the agent makes ONTAPI calls with manual FPolicy too. If HTTP and HTTPS are really disabled on the filer, this rule is not needed.';
const MANAGEMENT_LIF_NOTE =
  'Goes to a management LIF (E32): the SVM management LIF, or the cluster management LIF with vserver tunneling (option "ONTAP API address"); to the data LIFs only when one of them serves the API.';
const CHECKLIST_NOTE =
  'Alternate reading (7-Mode requirements checklist): HTTP 80 or HTTPS 443, TCP 135, TCP 445, TCP/UDP 137-139; the ports table is applied.';

/** Auto Detect (product) and Both (planner) open HTTP 80 and HTTPS 443: which one Auto Detect uses is not documented. */
const HTTP = option('ontapiProtocol', ['http', 'both', 'auto']);
const HTTPS = option('ontapiProtocol', ['https', 'both', 'auto']);

/**
 * NetApp Data ONTAP 7-Mode. In these records basis and citation come right after the
 * environment: the golden snapshot keeps that field order.
 */
export const NETAPP_7MODE_RULES: readonly CatalogRule[] = [
  {
    id: 'netapp-7mode-agent-ontapi-http',
    environment: 'netapp-7mode',
    basis: 'documented',
    citation: portsCitation(H.netapp7),
    source: 'activity-agent-server',
    destination: 'netapp-7mode',
    transport: 'TCP',
    ports: [port(80)],
    service: 'HTTP (ONTAPI)',
    description: 'ONTAPI',
    condition: { text: 'ONTAPI over HTTP (HTTP, Auto Detect or Both)', when: HTTP },
    vendorRow: {
      table: H.netapp7,
      direction: AGENT_TO_NETAPP_STAR,
      protocol: 'HTTP (optional)',
      ports: '80',
      description: 'ONTAPI',
    },
    errata: ['E7', 'E14'],
    notes: [FOOTNOTE_NOTE, MANUAL_NOTE, 'Needs httpd.admin.enable on the filer.'],
  },
  {
    id: 'netapp-7mode-agent-ontapi-https',
    environment: 'netapp-7mode',
    basis: 'documented',
    citation: portsCitation(H.netapp7),
    source: 'activity-agent-server',
    destination: 'netapp-7mode',
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS (ONTAPI)',
    description: 'ONTAPI',
    condition: { text: 'ONTAPI over HTTPS (HTTPS, Auto Detect or Both)', when: HTTPS },
    vendorRow: {
      table: H.netapp7,
      direction: AGENT_TO_NETAPP_STAR,
      protocol: 'HTTPS (optional)',
      ports: '443',
      description: 'ONTAPI',
    },
    errata: ['E7', 'E14'],
    notes: [FOOTNOTE_NOTE, MANUAL_NOTE, 'Needs httpd.admin.ssl.enable on the filer.'],
  },
  {
    id: 'netapp-7mode-agent-rpc',
    environment: 'netapp-7mode',
    basis: 'documented',
    citation: portsCitation(H.netapp7),
    source: 'activity-agent-server',
    destination: 'netapp-7mode',
    transport: 'TCP',
    ports: [port(135), port(139), { kind: 'range', from: 49152, to: 65535 }],
    service: 'MS-RPC / NetBIOS session',
    description: 'RPC',
    vendorRow: {
      table: H.netapp7,
      direction: AGENT_TO_NETAPP,
      protocol: 'TCP',
      ports: '135, 139 Dynamic Range (49152-65535)',
      description: 'RPC',
    },
    errata: ['E11', 'E13'],
    notes: [
      "The dynamic range here is the filer's, as printed (49152-65535); it does not follow the plan's Windows RPC range.",
      CHECKLIST_NOTE,
    ],
  },
  {
    id: 'netapp-7mode-agent-smb',
    environment: 'netapp-7mode',
    basis: 'documented',
    citation: portsCitation(H.netapp7),
    source: 'activity-agent-server',
    destination: 'netapp-7mode',
    transport: 'TCP',
    ports: [port(445)],
    service: 'SMB',
    description: 'SMB',
    vendorRow: {
      table: H.netapp7,
      direction: AGENT_TO_NETAPP,
      protocol: 'TCP',
      ports: '445',
      description: 'SMB',
    },
    errata: ['E13'],
  },
  {
    id: 'netapp-7mode-agent-netbios',
    environment: 'netapp-7mode',
    basis: 'documented',
    citation: portsCitation(H.netapp7),
    source: 'activity-agent-server',
    destination: 'netapp-7mode',
    transport: 'UDP',
    ports: [port(137), port(138)],
    service: 'NetBIOS',
    description: 'RPC (NetBIOS name and datagram services)',
    vendorRow: {
      table: H.netapp7,
      direction: AGENT_TO_NETAPP,
      protocol: 'UDP',
      ports: '137, 138',
      description: 'RPC',
    },
    errata: ['E12', 'E13'],
  },
  {
    id: 'netapp-7mode-filer-agent-rpc',
    environment: 'netapp-7mode',
    basis: 'documented',
    citation: portsCitation(H.netapp7),
    source: 'netapp-7mode',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [port(135), port(139), rpcDynamic],
    service: 'MS-RPC / NetBIOS session',
    description: 'RPC',
    vendorRow: {
      table: H.netapp7,
      direction: NETAPP_TO_AGENT,
      protocol: 'TCP',
      ports: '135, 139 Dynamic Range (49152-65535)',
      description: 'RPC',
    },
    errata: ['E11', 'E13'],
    notes: [
      "The dynamic range is the agent server's Windows dynamic RPC range (49152-65535 unless the plan overrides it).",
      CHECKLIST_NOTE,
    ],
  },
  {
    id: 'netapp-7mode-filer-agent-smb',
    environment: 'netapp-7mode',
    basis: 'documented',
    citation: portsCitation(H.netapp7),
    source: 'netapp-7mode',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [port(445)],
    service: 'SMB',
    description: 'SMB',
    vendorRow: {
      table: H.netapp7,
      direction: NETAPP_TO_AGENT,
      protocol: 'TCP',
      ports: '445',
      description: 'SMB',
    },
    errata: ['E13'],
  },
  {
    id: 'netapp-7mode-filer-agent-netbios',
    environment: 'netapp-7mode',
    basis: 'documented',
    citation: portsCitation(H.netapp7),
    source: 'netapp-7mode',
    destination: 'activity-agent-server',
    transport: 'UDP',
    ports: [port(137), port(138)],
    service: 'NetBIOS',
    description: 'RPC (NetBIOS name and datagram services)',
    vendorRow: {
      table: H.netapp7,
      direction: NETAPP_TO_AGENT,
      protocol: 'UDP',
      ports: '137, 138',
      description: 'RPC',
    },
    errata: ['E12', 'E13'],
  },
];

/** NetApp Data ONTAP Cluster-Mode. */
export const NETAPP_CMODE_RULES: readonly CatalogRule[] = [
  {
    id: 'netapp-cmode-agent-ontapi-http',
    environment: 'netapp-cmode',
    source: 'activity-agent-server',
    destination: 'ontap-management-lif',
    transport: 'TCP',
    ports: [port(80)],
    service: 'HTTP (ONTAP API)',
    description: 'ONTAPI',
    condition: { text: 'ONTAP API over HTTP (HTTP, Auto Detect or Both)', when: HTTP },
    basis: 'documented',
    vendorRow: {
      table: H.netappC,
      direction: AGENT_TO_NETAPP_STAR,
      protocol: 'HTTP (optional)',
      ports: '80',
      description: 'ONTAPI',
    },
    errata: ['E7', 'E9', 'E10', 'E32'],
    notes: [
      MANUAL_NOTE,
      MANAGEMENT_LIF_NOTE,
      'From ONTAP 9.6 a data LIF that serves the API needs management-https (or management-http) in its service policy.',
    ],
    citation: portsCitation(H.netappC),
  },
  {
    id: 'netapp-cmode-agent-ontapi-https',
    environment: 'netapp-cmode',
    source: 'activity-agent-server',
    destination: 'ontap-management-lif',
    transport: 'TCP',
    ports: [port(443)],
    service: 'HTTPS (ONTAP API)',
    description: 'ONTAPI',
    condition: { text: 'ONTAP API over HTTPS (HTTPS, Auto Detect or Both)', when: HTTPS },
    basis: 'documented',
    vendorRow: {
      table: H.netappC,
      direction: AGENT_TO_NETAPP_STAR,
      protocol: 'HTTPS (optional)',
      ports: '443',
      description: 'ONTAPI',
    },
    errata: ['E7', 'E9', 'E10', 'E32'],
    notes: [
      MANUAL_NOTE,
      MANAGEMENT_LIF_NOTE,
      'REST is the default API from ONTAP 9.13.1; from ONTAP 9.6 a data LIF that serves the API needs management-https in its service policy.',
    ],
    citation: portsCitation(H.netappC),
  },
  {
    id: 'netapp-cmode-fpolicy',
    environment: 'netapp-cmode',
    source: 'netapp-svm',
    destination: 'activity-agent-server',
    transport: 'TCP',
    ports: [setting('fpolicyPort')],
    service: 'FPolicy',
    description: 'FPolicy events',
    basis: 'documented',
    vendorRow: {
      table: H.netappC,
      direction: NETAPP_TO_AGENT,
      protocol: 'TCP',
      ports: '9999',
      description: 'FPolicy events',
    },
    notes: [
      'Every data-serving node needs a data LIF with data-fpolicy-client (ONTAP 9.8+): allow all data LIFs. Plain TCP, TLS server-auth or TLS mutual-auth use the same port; the agent adds its own Windows Firewall exclusion.',
    ],
    citation: portsCitation(H.netappC),
  },
];
