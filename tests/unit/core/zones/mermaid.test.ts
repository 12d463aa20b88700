/**
 * The Mermaid export, checked by a line grammar (the real check, mermaid.parse, needs a DOM:
 * jsdom in a component test, once the diagram library is chosen).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { analyzeZones } from '@/core/zones/analyze';
import { mermaidLabel, zonesMermaid } from '@/core/zones/mermaid';
import type { ZoneModel } from '@/core/zones/model';

import { firewall, host, model, rule, zone } from './zone-fixtures';

/** A label: no raw quote, no raw < > & # ` (entity codes only), no line break. */
const LABEL = '(?:[^"<>&#`\\n]|#(?:35|quot|lt|gt|amp|96);)*';
const ZONE_LABEL = `${LABEL}(?:<br/>${LABEL})*`;
const GRAMMAR: [string, RegExp][] = [
  ['header', /^flowchart LR$/],
  ['zone', new RegExp(`^  (z\\d+)\\["${ZONE_LABEL}"\\]$`)],
  ['internet', new RegExp(`^  (z\\d+)\\(\\("${LABEL}"\\)\\)$`)],
  ['firewall', new RegExp(`^  (f\\d+)\\{\\{"${LABEL}"\\}\\}$`)],
  ['interface', new RegExp(`^  (z\\d+) ---\\|"${LABEL}"\\| (f\\d+)$`)],
  ['flows', new RegExp(`^  (z\\d+) -\\.->\\|"${LABEL}"\\| (z\\d+)$`)],
];

/** Each line's kind; fails on a line of no kind, a node declared twice or used undeclared. */
function parseLines(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  const declared = new Set<string>();
  const kinds: string[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const match = GRAMMAR.map(([kind, re]) => [kind, re.exec(line)] as const).find(([, m]) => m);
    expect(match, `a line of no kind: ${JSON.stringify(line)}`).toBeDefined();
    const [kind, m] = match ?? ['', null];
    kinds.push(kind);
    if (kind === 'zone' || kind === 'internet' || kind === 'firewall') {
      expect(declared.has(m?.[1] ?? '')).toBe(false);
      declared.add(m?.[1] ?? '');
    } else if (kind !== 'header') {
      expect(declared.has(m?.[1] ?? ''), line).toBe(true);
      expect(declared.has(m?.[2] ?? ''), line).toBe(true);
    }
  }
  expect(kinds[0]).toBe('header');
  return kinds;
}

const DMZ: ZoneModel = model({
  zones: [zone('inside', '10.0.0.0/8', '2001:db8::/32'), zone('dmz', '172.16.0.0/24')],
  firewalls: [
    firewall('outer', ['untrust=internet', 'dmz=dmz'], 'fortios'),
    firewall('inner', ['dmz=dmz', 'trust=inside'], 'asa'),
  ],
});
const RULES = [
  rule({
    id: 'R01',
    sources: [host('Agent', '10.1.0.1')],
    destinations: [host('Graph', 'graph.microsoft.com', true)],
    ports: [[443, 443]],
  }),
  rule({
    id: 'R02',
    sources: [host('Agent', '10.1.0.1')],
    destinations: [host('Proxy', '172.16.0.5')],
    ports: [[8080, 8080]],
  }),
];

describe('zonesMermaid', () => {
  it('draws zones, firewalls, interfaces and the flows between zones', () => {
    const text = zonesMermaid(DMZ, analyzeZones(DMZ, RULES));
    expect(text).toBe(
      [
        'flowchart LR',
        '  z0["DMZ<br/>172.16.0.0/24"]',
        '  z1["INSIDE<br/>10.0.0.0/8<br/>2001:db8::/32"]',
        '  z2(("Internet"))',
        '  f0{{"INNER (Cisco ASA)"}}',
        '  f1{{"OUTER (FortiOS)"}}',
        '  z0 ---|"dmz"| f0',
        '  z1 ---|"trust"| f0',
        '  z0 ---|"dmz"| f1',
        '  z2 ---|"untrust"| f1',
        '  z1 -.->|"TCP 8080 (R02)"| z0',
        '  z1 -.->|"TCP 443 (R01)"| z2',
        '',
      ].join('\n'),
    );
    expect(parseLines(text)).toEqual([
      'header',
      'zone',
      'zone',
      'internet',
      'firewall',
      'firewall',
      'interface',
      'interface',
      'interface',
      'interface',
      'flows',
      'flows',
    ]);
  });

  it('keeps any name inside its label', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string(), (name, other) => {
        const hostile = model({
          zones: [
            { id: 'a', name, cidrs: ['10.1.0.0/16'] },
            { id: 'b', name: other, cidrs: ['10.2.0.0/16'] },
          ],
          firewalls: [
            {
              id: 'fw',
              name,
              kind: 'other',
              interfaces: [
                { id: 'i1', name: other, zones: ['a'] },
                { id: 'i2', name, zones: ['b'] },
              ],
            },
          ],
        });
        const rules = [
          rule({
            id: 'R01',
            sources: [host(name, '10.1.0.1')],
            destinations: [host(other, '10.2.0.1')],
            ports: [[445, 445]],
          }),
        ];
        parseLines(zonesMermaid(hostile, analyzeZones(hostile, rules)));
      }),
    );
  });

  it.each([
    ['say "hi"', 'say #quot;hi#quot;'],
    ['a#b', 'a#35;b'],
    ['<script>&', '#lt;script#gt;#amp;'],
    ['`md`', '#96;md#96;'],
    ['two\nlines', 'two lines'],
  ])('writes %j as %j', (text, expected) => {
    expect(mermaidLabel(text)).toBe(expected);
  });
});
