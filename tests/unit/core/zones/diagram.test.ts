// @vitest-environment jsdom
/**
 * The zones diagram (SVG, laid out by dagre): a hub and spoke and a 20-zone estate give every
 * zone and firewall once as a node, every interface as a line and every pair of zones with flows
 * in the list; no two node boxes overlap; names with markup characters are escaped and the SVG
 * parses as XML (jsdom's XML parser); the output is deterministic and ignores the input order;
 * and, as a property, any zone and firewall names give well-formed SVG holding each name as text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Plan } from '@/core/plan/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';
import { analyzeZones } from '@/core/zones/analyze';
import type { DiagramLayout } from '@/core/zones/diagram';
import { diagramText, layoutZonesDiagram, zonesDiagramSvg } from '@/core/zones/diagram';
import { zonesDiagramGraph } from '@/core/zones/diagram-graph';
import type { ZoneModel } from '@/core/zones/model';
import { INTERNET_ZONE_NAME } from '@/core/zones/model';

import { hubAndSpokePlan, twentyZonePlan } from '../../../fixtures/network-diagram-plans';

import { firewall, host, model, rule, zone } from './zone-fixtures';

/** The SVG parsed as XML; fails on a parse error. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
  return doc;
}

function svgOf(network: ZoneModel, analysis: ReturnType<typeof analyzeZones>) {
  return zonesDiagramSvg(layoutZonesDiagram(zonesDiagramGraph(network, analysis)));
}

function diagramOf(plan: Plan) {
  const analysis = analyzeZones(plan.network, resolvePlan(plan, getCatalog()).rules);
  const graph = zonesDiagramGraph(plan.network, analysis);
  const layout = layoutZonesDiagram(graph);
  return { analysis, graph, layout, ...zonesDiagramSvg(layout) };
}

/** The names in the nodes' titles ("Zone: NAS" → NAS), in document order. */
function nodeTitles(doc: Document, kind: 'Zone' | 'Firewall'): string[] {
  return [...doc.querySelectorAll('g[data-node] > title')]
    .map((t) => t.textContent ?? '')
    .filter((t) => t.startsWith(`${kind}: `))
    .map((t) => t.slice(kind.length + 2));
}

function expectNoOverlap(layout: DiagramLayout) {
  const boxes = layout.nodes.map((n) => ({
    id: n.id,
    left: n.x - n.width / 2,
    right: n.x + n.width / 2,
    top: n.y - n.height / 2,
    bottom: n.y + n.height / 2,
  }));
  for (const [i, a] of boxes.entries()) {
    expect(a.left).toBeGreaterThanOrEqual(0);
    expect(a.top).toBeGreaterThanOrEqual(0);
    expect(a.right).toBeLessThanOrEqual(layout.width);
    expect(a.bottom).toBeLessThanOrEqual(layout.height);
    for (const b of boxes.slice(i + 1)) {
      const apart =
        a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
    }
  }
}

function expectComplete(plan: Plan) {
  const { svg, layout, analysis } = diagramOf(plan);
  const doc = parseSvg(svg);
  const network = plan.network;
  // Every zone and firewall once, the Internet zone when a firewall or a flow uses it.
  const zoneNames = nodeTitles(doc, 'Zone');
  const expectedZones = network.zones.map((z) => z.name);
  const usesInternet = network.firewalls.some((f) =>
    f.interfaces.some((i) => i.zones.includes('internet')),
  );
  expect([...zoneNames].sort()).toEqual(
    [...expectedZones, ...(usesInternet ? [INTERNET_ZONE_NAME] : [])].sort(),
  );
  expect([...nodeTitles(doc, 'Firewall')].sort()).toEqual(
    network.firewalls.map((f) => f.name).sort(),
  );
  // Every interface and zone behind it: one line from that zone's node to that firewall's node.
  const nodeOf = new Map(
    [...doc.querySelectorAll('g[data-node]')].map((g) => [
      g.querySelector('title')?.textContent ?? '',
      g.getAttribute('data-node') ?? '',
    ]),
  );
  const zoneName = new Map(network.zones.map((z) => [z.id, z.name]));
  zoneName.set('internet', INTERNET_ZONE_NAME);
  const expectedLinks = network.firewalls.flatMap((f) =>
    f.interfaces.flatMap((i) =>
      i.zones.map(
        (z) =>
          `${nodeOf.get(`Zone: ${zoneName.get(z) ?? ''}`)}-${nodeOf.get(`Firewall: ${f.name}`)}`,
      ),
    ),
  );
  const links = [...doc.querySelectorAll('g.link')].map(
    (g) => `${g.getAttribute('data-zone')}-${g.getAttribute('data-firewall')}`,
  );
  expect(links.sort()).toEqual(expectedLinks.sort());
  for (const g of doc.querySelectorAll('g.link path')) {
    expect(g.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+)+$/);
  }
  // Every pair of zones with flows between them: one line of the list.
  const pairs = new Set(
    analysis.flows
      .filter((f) => f.route.kind !== 'same-zone' && f.sourceZoneId && f.destinationZoneId)
      .map((f) => `${zoneName.get(f.sourceZoneId!)} → ${zoneName.get(f.destinationZoneId!)}:`),
  );
  expect(pairs.size).toBeGreaterThan(0);
  const listed = [...doc.querySelectorAll('g.flows text')].slice(1).map((t) => t.textContent);
  expect(listed).toHaveLength(pairs.size);
  for (const pair of pairs) expect(listed.filter((l) => l?.startsWith(pair))).toHaveLength(1);
  expectNoOverlap(layout);
  return { doc, layout };
}

describe('zones diagram', () => {
  it('hub and spoke: one firewall in the middle, four zones, three flows through it', () => {
    const { doc, layout } = expectComplete(hubAndSpokePlan());
    expect(layout.nodes).toHaveLength(5);
    expect(layout.links).toHaveLength(4);
    // The firewall is between its zones, some on each side.
    const core = layout.nodes.find((n) => n.kind === 'firewall')!;
    const zones = layout.nodes.filter((n) => n.kind === 'zone');
    expect(zones.some((z) => z.x < core.x)).toBe(true);
    expect(zones.some((z) => z.x > core.x)).toBe(true);
    expect(doc.querySelector('g.flows')?.textContent).toContain(
      'Management → Agents A: TCP 4498 (R01), via Core',
    );
    // A line the flows cross carries an arrow for their way.
    expect(doc.querySelectorAll('g.link path[marker-end], g.link path[marker-start]').length).toBe(
      4,
    );
  });

  it('20 zones and 3 firewalls: every zone, firewall and line, no overlap, readable in size', () => {
    const plan = twentyZonePlan();
    expect(plan.network.zones).toHaveLength(20);
    const { layout } = expectComplete(plan);
    expect(layout.nodes).toHaveLength(24);
    // Two columns of zones around the core, not one column of 20: no taller than wide by far.
    expect(layout.height).toBeLessThan(900);
    expect(layout.width).toBeLessThan(2400);
  });

  it('escapes names with markup characters, and the SVG still parses', () => {
    const hostile = '<script>alert("x")</script> & \'q\'';
    const network = model({
      zones: [{ ...zone('a', '10.1.0.0/16'), name: hostile }, zone('b', '10.2.0.0/16')],
      firewalls: [{ ...firewall('fw', ['e1=a', 'e2=b']), name: 'R&D <edge> "1"' }],
    });
    const rules = [
      rule({
        id: 'R01',
        sources: [host('A', '10.1.0.5')],
        destinations: [host('B', '10.2.0.5')],
        ports: [[445, 445]],
      }),
    ];
    const { svg } = svgOf(network, analyzeZones(network, rules));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    const doc = parseSvg(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(nodeTitles(doc, 'Zone')).toContain(hostile);
    expect(nodeTitles(doc, 'Firewall')).toEqual(['R&D <edge> "1"']);
    // No attribute that a strict CSP blocks or that runs code.
    expect(svg).not.toMatch(/\sstyle=|\son[a-z]+=|javascript:|<foreignObject|href=/i);
  });

  it('shows a name without its controls: line breaks, tabs and bidi overrides become spaces', () => {
    expect(diagramText('NAS\u202Egnp.exe\u202C\tVLAN\r\n2')).toBe('NAS gnp.exe VLAN 2');
    expect(diagramText('a\uD800b\uFFFF')).toBe('a\uFFFDb\uFFFD');
  });

  it('the parser check fails on a malformed SVG', () => {
    const doc = new DOMParser().parseFromString(
      '<svg xmlns="http://www.w3.org/2000/svg"><text>a & b</text></svg>',
      'image/svg+xml',
    );
    expect(doc.getElementsByTagName('parsererror').length).toBeGreaterThan(0);
  });

  it('is deterministic, and the order of zones, firewalls and interfaces changes nothing', () => {
    const plan = twentyZonePlan();
    const once = diagramOf(plan).svg;
    expect(diagramOf(twentyZonePlan()).svg).toBe(once);
    const shuffled: ZoneModel = {
      ...plan.network,
      zones: [...plan.network.zones].reverse(),
      firewalls: [...plan.network.firewalls]
        .reverse()
        .map((f) => ({ ...f, interfaces: [...f.interfaces].reverse() })),
    };
    expect(diagramOf({ ...plan, network: shuffled }).svg).toBe(once);
  });

  it('any zone and firewall names give a well-formed SVG holding each name as text', () => {
    const name = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        ']]>',
        '<!--',
        '&amp;',
        '\u0000',
        '\uD800',
        '\uFFFF',
      ),
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), name, (zoneNames, fwName) => {
        const network = model({
          zones: zoneNames.map((n, i) => ({ ...zone(`z${i}`, `10.${i}.0.0/16`), name: n })),
          firewalls: [
            {
              ...firewall(
                'fw',
                zoneNames.map((_, i) => `e${i}=z${i}`),
              ),
              name: fwName,
            },
          ],
        });
        const rules =
          zoneNames.length > 1
            ? [
                rule({
                  id: 'R01',
                  sources: [host('A', '10.0.0.5')],
                  destinations: [host('B', '10.1.0.5')],
                  ports: [[445, 445]],
                }),
              ]
            : [];
        const { svg } = svgOf(network, analyzeZones(network, rules));
        const doc = parseSvg(svg);
        expect([...nodeTitles(doc, 'Zone')].sort()).toEqual(zoneNames.map(diagramText).sort());
        expect(nodeTitles(doc, 'Firewall')).toEqual([diagramText(fwName)]);
      }),
      { numRuns: 150 },
    );
  });
});
