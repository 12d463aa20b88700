/**
 * The PDF's change requests per network firewall (issue 16), for a plan with zones: after the
 * change request of page 1, a page of zones and zone checks, then each firewall on a page of its
 * own with its rule table (Rule, From, To, Service, Reasons), its address objects and an approval
 * block, so each firewall's team gets the part it implements. Drawn through the primitives of
 * pdf-exporter.ts (PdfDraw), so the PDF's layout code stays in one place.
 */
import { interfaceText, NO_FIREWALL_RULES } from '@/core/report/firewall-cells';
import type { ReportFirewall, ReportZones } from '@/core/report/zones';

/** What pdf-exporter.ts lends this section to draw with. */
export interface PdfDraw {
  /** Width (pt) between the margins. */
  contentWidth: number;
  newPage: () => void;
  heading: (text: string, size: number) => void;
  paragraph: (text: string, size?: number) => void;
  table: (
    head: readonly string[],
    body: readonly (readonly string[])[],
    columnWidths: Record<number, number>,
    fontSize: number,
    keepRows: boolean,
    minCellHeight?: number,
  ) => void;
}

/** Font size (pt) of the firewall tables: the change request's. */
const FONT = 9;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function firewallPage(firewall: ReportFirewall, planName: string, draw: PdfDraw): void {
  draw.newPage();
  draw.heading(`Firewall change request: ${firewall.name} (${firewall.kind})`, 16);
  if (firewall.rules.length === 0) {
    draw.paragraph(`${firewall.name}: ${NO_FIREWALL_RULES}; nothing to open for ${planName}.`, 10);
    return;
  }
  draw.paragraph(
    `${plural(firewall.rules.length, 'rule')} on ${firewall.name} for ${planName}: the flows of Netwrix Activity Monitor that cross it, merged where the firewall sees one rule.`,
    10,
  );
  const id = 48;
  const service = 92;
  const rest = draw.contentWidth - id - service;
  const side = (iface: string, zones: readonly string[], objects: readonly string[]) =>
    [iface, ...(zones.length > 0 ? [`Zone: ${zones.join(', ')}`] : []), ...objects].join('\n');
  draw.table(
    ['Rule', 'From', 'To', 'Service', 'Reasons'],
    firewall.rules.map((r) => [
      r.name,
      side(interfaceText(r.ingress), r.sourceZones, r.sources),
      side(interfaceText(r.egress), r.destinationZones, r.destinations),
      `${r.service}\n${r.protocol} ${r.ports}`,
      [`${r.ruleIds.join(', ')}: ${r.services.join('; ')}`, ...r.purposes].join('\n'),
    ]),
    { 0: id, 1: rest * 0.3, 2: rest * 0.3, 3: service, 4: rest * 0.4 },
    FONT,
    true,
  );
  if (firewall.addressObjects.length > 0) {
    draw.heading('Address objects', 12);
    draw.table(
      ['Object', 'Zone', 'Addresses'],
      firewall.addressObjects.map((o) => [o.name, o.zone, o.addresses.join('\n')]),
      { 0: draw.contentWidth * 0.45, 1: draw.contentWidth * 0.2 },
      FONT,
      true,
    );
  }
  draw.heading('Approval', 12);
  draw.table(
    ['', 'Name', 'Signature', 'Date'],
    ['Approved by', 'Implemented by', 'Change number'].map((row) => [row, '', '', '']),
    { 0: 100, 2: 150, 3: 90 },
    FONT,
    true,
    22,
  );
}

/** The zones page and one page per firewall. */
export function drawFirewallChangeRequests(
  zones: ReportZones,
  planName: string,
  draw: PdfDraw,
): void {
  draw.newPage();
  draw.heading('Network firewalls', 16);
  draw.paragraph(
    `${plural(zones.firewalls.length, 'firewall')} between ${plural(zones.zones.length, 'zone')}: each firewall's rules follow on a page of its own.`,
    10,
  );
  draw.table(
    ['Zone', 'CIDR blocks'],
    zones.zones.map((z) => [z.name, z.cidrs.join(', ') || 'Microsoft cloud FQDNs']),
    { 0: 150 },
    FONT,
    true,
  );
  draw.heading('Zone checks', 12);
  if (zones.checks.length === 0) draw.paragraph('No problems found: every flow has its path.');
  else {
    draw.table(
      ['Severity', 'Message'],
      zones.checks.map((c) => [c.severity, c.message]),
      { 0: 60 },
      FONT,
      true,
    );
  }
  for (const firewall of zones.firewalls) firewallPage(firewall, planName, draw);
}
