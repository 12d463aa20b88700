/**
 * The zones, firewalls and flows as Mermaid flowchart text, for wikis: zones as boxes (the
 * Internet zone round), firewalls as hexagons, a plain line per interface (zone to firewall,
 * labelled with the interface), a dotted arrow per pair of zones that flows cross between
 * (labelled with the protocols and ports and the rules). Node ids are generated (z0, f0...), so
 * no name of the plan reaches Mermaid's syntax; every label is quoted with Mermaid's entity codes
 * for the characters that would end or change it.
 */
import type { ZoneAnalysis } from './analyze';
import type { ZoneModel } from './model';
import { FIREWALL_KIND_LABELS, INTERNET_ZONE_ID, INTERNET_ZONE_NAME } from './model';
import { compare } from './placement';
import { compareRuleIds } from './rule-sets';

/** Longest label text, in characters, before "…". */
const MAX_LABEL = 80;

/** Text inside a Mermaid "..." label: one line, entity codes for " # < > & and `. */
export function mermaidLabel(text: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  const short = oneLine.length > MAX_LABEL ? `${oneLine.slice(0, MAX_LABEL - 1)}…` : oneLine;
  return short
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/&/g, '#amp;')
    .replace(/`/g, '#96;');
}

function portsOf(ports: readonly { from: number; to: number }[]): string {
  return ports.map((p) => (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`)).join(', ');
}

export function zonesMermaid(model: ZoneModel, analysis: ZoneAnalysis): string {
  const zones = new Map<string, string>();
  for (const zone of [...model.zones].sort((a, b) => compare(a.id, b.id))) {
    if (!zones.has(zone.id) && zone.id !== INTERNET_ZONE_ID) {
      const cidrs = zone.cidrs.length > 3 ? [...zone.cidrs.slice(0, 3), '…'] : zone.cidrs;
      zones.set(zone.id, [zone.name, ...cidrs].map(mermaidLabel).join('<br/>'));
    }
  }
  const usesInternet =
    model.firewalls.some((f) => f.interfaces.some((i) => i.zones.includes(INTERNET_ZONE_ID))) ||
    analysis.flows.some(
      (f) => f.sourceZoneId === INTERNET_ZONE_ID || f.destinationZoneId === INTERNET_ZONE_ID,
    );
  const zoneIds = [...zones.keys()];
  const zoneNode = new Map(zoneIds.map((id, i) => [id, `z${i}`]));
  if (usesInternet) zoneNode.set(INTERNET_ZONE_ID, `z${zoneIds.length}`);

  const firewalls = [...model.firewalls]
    .sort((a, b) => compare(a.id, b.id))
    .filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i);
  const lines = ['flowchart LR'];
  for (const id of zoneIds) lines.push(`  ${zoneNode.get(id)}["${zones.get(id)}"]`);
  if (usesInternet) {
    lines.push(`  ${zoneNode.get(INTERNET_ZONE_ID)}(("${mermaidLabel(INTERNET_ZONE_NAME)}"))`);
  }
  firewalls.forEach((f, i) => {
    lines.push(`  f${i}{{"${mermaidLabel(`${f.name} (${FIREWALL_KIND_LABELS[f.kind]})`)}"}}`);
  });
  firewalls.forEach((f, i) => {
    const interfaces = [...f.interfaces].sort((a, b) => compare(a.id, b.id));
    for (const iface of interfaces) {
      for (const zoneId of [...new Set(iface.zones)].sort(compare)) {
        const node = zoneNode.get(zoneId);
        if (node) lines.push(`  ${node} ---|"${mermaidLabel(iface.name)}"| f${i}`);
      }
    }
  });
  // One arrow per (source zone, destination zone) that routed flows cross between.
  const pairs = new Map<
    string,
    { from: string; to: string; services: Set<string>; rules: Set<string> }
  >();
  for (const placed of analysis.flows) {
    if (placed.route.kind !== 'path') continue;
    const from = placed.sourceZoneId ?? '';
    const to = placed.destinationZoneId ?? '';
    const key = `${from}\u0000${to}`;
    const pair = pairs.get(key) ?? { from, to, services: new Set(), rules: new Set() };
    pair.services.add(`${placed.flow.protocol} ${portsOf(placed.flow.ports)}`);
    pair.rules.add(placed.flow.ruleId);
    pairs.set(key, pair);
  }
  const sortedPairs = [...pairs.values()].sort(
    (a, b) =>
      compare(zoneNode.get(a.from) ?? '', zoneNode.get(b.from) ?? '') ||
      compare(zoneNode.get(a.to) ?? '', zoneNode.get(b.to) ?? ''),
  );
  for (const pair of sortedPairs) {
    const from = zoneNode.get(pair.from);
    const to = zoneNode.get(pair.to);
    if (!from || !to) continue;
    const rules = [...pair.rules].sort(compareRuleIds);
    const label = `${[...pair.services].sort(compare).join('; ')} (${rules.join(', ')})`;
    lines.push(`  ${from} -.->|"${mermaidLabel(label)}"| ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
