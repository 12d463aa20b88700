/**
 * The zones, firewalls and flows of a plan's network as an SVG diagram (issue 16), laid out by
 * dagre (@dagrejs/dagre). Pure and deterministic: the same graph gives the same bytes. The app
 * loads this module lazily (dynamic import), so dagre stays out of the first load; it imports
 * nothing else of the app but types, so that no module of the first load is split out for it.
 *
 * - the graph (diagram-graph.ts, not lazy): nodes, interface links, flows between zones.
 * - layoutZonesDiagram: node boxes and edge lines by dagre, left to right. The firewall with the
 *   most interfaces is in the middle, its zones alternately on its left and right, so that a hub
 *   with 20 zones is two columns of 10, not one of 20.
 * - zonesDiagramSvg: the SVG text. Zone boxes (the Internet zone round), firewall boxes with their
 *   kind, interface lines labelled with the interface (drawn strong with an arrow for the way the
 *   plan's flows cross it), then the list of flows between zones. Every text of the plan is
 *   XML-escaped and kept to one line of characters XML allows; a long name is shortened on the
 *   drawing and kept whole in the node's <title>. No script, no style attribute: presentation
 *   attributes only, so it shows under the app's Content-Security-Policy as an <img>.
 */
import dagre from '@dagrejs/dagre';

import { escapeHtml, stripControls } from '@/core/exporters/text-safety';

import type { DiagramFlow, DiagramGraph, DiagramLink, DiagramNode } from './diagram-graph';

export interface PlacedNode extends DiagramNode {
  /** The box's centre, width and height. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLink extends DiagramLink {
  /** The line's points, from the zone to the firewall. */
  points: { x: number; y: number }[];
  /** The label's centre. */
  labelX: number;
  labelY: number;
  labelWidth: number;
}

export interface DiagramLayout {
  nodes: PlacedNode[];
  links: PlacedLink[];
  flows: DiagramFlow[];
  /** The graph's extent (without the flow list). */
  width: number;
  height: number;
}

/** Longest text on the drawing, in characters, before "…" (the <title> keeps the whole name). */
const MAX_NAME = 32;
const MAX_DETAIL = 36;
const MAX_FLOW_LINE = 140;
const FONT = 13;
/** A generous average character width of a sans-serif font at FONT px, so no text overflows. */
const CHAR = FONT * 0.62;
const LINE = 17;
const PAD_X = 12;
const PAD_Y = 8;
const MARGIN = 16;

/**
 * A text of the plan as one line of characters XML 1.0 allows: the controls, line separators and
 * bidi controls of the shared text-safety module become spaces (as in the scripts), lone
 * surrogates and U+FFFE/U+FFFF become U+FFFD, runs of spaces one.
 */
export function diagramText(text: string): string {
  return stripControls(text, { replacement: ' ' })
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Shortened to `max` characters (code points) with "…". */
function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

function textWidth(text: string): number {
  return [...text].length * CHAR;
}

function nodeSize(node: DiagramNode): { width: number; height: number } {
  const name = shorten(diagramText(node.name), MAX_NAME);
  const details = node.details.map((d) => shorten(diagramText(d), MAX_DETAIL));
  const width = Math.max(textWidth(name) * 1.08, ...details.map(textWidth), 72) + 2 * PAD_X;
  const height = (1 + details.length) * LINE + 2 * PAD_Y;
  // The Internet zone is drawn round: room for the text inside the ellipse.
  return node.kind === 'internet'
    ? { width: width * 1.3, height: height * 1.3 }
    : { width, height };
}

/**
 * Which way each link goes for dagre (left to right): the firewall with the most interfaces is the
 * root; walking out from it (breadth first, in id order), the zones next to it go alternately to
 * its right and its left, and what lies behind a zone stays on its side. A link on the right side
 * points away from the root, on the left side towards it.
 */
function orientLinks(graph: DiagramGraph): Map<string, { from: string; to: string }> {
  const neighbours = new Map<string, { node: string; link: DiagramLink }[]>();
  for (const link of graph.links) {
    neighbours.set(link.zone, [
      ...(neighbours.get(link.zone) ?? []),
      { node: link.firewall, link },
    ]);
    neighbours.set(link.firewall, [
      ...(neighbours.get(link.firewall) ?? []),
      { node: link.zone, link },
    ]);
  }
  const side = new Map<string, number>();
  const depth = new Map<string, number>();
  const degree = (id: string) => new Set((neighbours.get(id) ?? []).map((n) => n.node)).size;
  // Roots: per connected part, its busiest firewall (then its busiest zone), ties by order.
  const order = graph.nodes.map((n) => n.id);
  const candidates = [...order].sort(
    (a, b) =>
      Number(b.startsWith('f')) - Number(a.startsWith('f')) ||
      degree(b) - degree(a) ||
      order.indexOf(a) - order.indexOf(b),
  );
  for (const root of candidates) {
    if (depth.has(root)) continue;
    depth.set(root, 0);
    side.set(root, 0);
    const queue = [root];
    let turn = 0;
    while (queue.length > 0) {
      const current = queue.shift() ?? '';
      const next = [...new Set((neighbours.get(current) ?? []).map((n) => n.node))].sort(
        (a, b) => order.indexOf(a) - order.indexOf(b),
      );
      for (const node of next) {
        if (depth.has(node)) continue;
        depth.set(node, (depth.get(current) ?? 0) + 1);
        // The root's neighbours alternate sides (right first); the rest keep their parent's.
        side.set(node, current === root ? (turn++ % 2 === 0 ? 1 : -1) : (side.get(current) ?? 1));
        queue.push(node);
      }
    }
  }
  const directions = new Map<string, { from: string; to: string }>();
  for (const link of graph.links) {
    const [a, b] = [link.zone, link.firewall];
    const da = depth.get(a) ?? 0;
    const db = depth.get(b) ?? 0;
    const s = side.get(da > db ? a : b) || 1;
    // The node nearer the root goes first on the right side, last on the left side.
    const nearFirst = da < db || (da === db && order.indexOf(a) < order.indexOf(b));
    const [near, far] = nearFirst ? [a, b] : [b, a];
    directions.set(link.id, s > 0 ? { from: near, to: far } : { from: far, to: near });
  }
  return directions;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The graph laid out by dagre, left to right; coordinates rounded to a tenth, from MARGIN. */
export function layoutZonesDiagram(graph: DiagramGraph): DiagramLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, edgesep: 12, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { ...nodeSize(node) });
  const directions = orientLinks(graph);
  const labelWidth = (link: DiagramLink) =>
    textWidth(shorten(diagramText(link.label), MAX_DETAIL)) + 8;
  for (const link of graph.links) {
    const { from, to } = directions.get(link.id) ?? { from: link.zone, to: link.firewall };
    g.setEdge(
      from,
      to,
      { width: labelWidth(link), height: LINE + 2, labelpos: 'l', labeloffset: 2, minlen: 1 },
      link.id,
    );
  }
  dagre.layout(g);

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const extend = (x: number, y: number, w = 0, h = 0) => {
    minX = Math.min(minX, x - w / 2);
    maxX = Math.max(maxX, x + w / 2);
    minY = Math.min(minY, y - h / 2);
    maxY = Math.max(maxY, y + h / 2);
  };
  const placedNodes = graph.nodes.map((node) => {
    const label = g.node(node.id) as { x: number; y: number; width: number; height: number };
    extend(label.x, label.y, label.width, label.height);
    return { ...node, x: label.x, y: label.y, width: label.width, height: label.height };
  });
  const placedLinks = graph.links.map((link) => {
    const { from, to } = directions.get(link.id) ?? { from: link.zone, to: link.firewall };
    const edge = g.edge(from, to, link.id) as {
      points?: { x: number; y: number }[];
      x?: number;
      y?: number;
      width?: number;
    };
    const points = [...(edge.points ?? [])];
    // From the zone to the firewall, whichever way dagre drew it.
    if (from !== link.zone) points.reverse();
    for (const p of points) extend(p.x, p.y);
    const width = edge.width ?? labelWidth(link);
    extend(edge.x ?? 0, edge.y ?? 0, width, LINE + 2);
    return { ...link, points, labelX: edge.x ?? 0, labelY: edge.y ?? 0, labelWidth: width };
  });
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  return {
    nodes: placedNodes.map((n) => ({
      ...n,
      x: round(n.x + dx),
      y: round(n.y + dy),
      width: round(n.width),
      height: round(n.height),
    })),
    links: placedLinks.map((l) => ({
      ...l,
      points: l.points.map((p) => ({ x: round(p.x + dx), y: round(p.y + dy) })),
      labelX: round(l.labelX + dx),
      labelY: round(l.labelY + dy),
      labelWidth: round(l.labelWidth),
    })),
    flows: graph.flows,
    width: round(maxX - minX + 2 * MARGIN),
    height: round(maxY - minY + 2 * MARGIN),
  };
}

const COLOURS = {
  background: '#ffffff',
  text: '#1a1a1a',
  muted: '#4a4a4a',
  zoneFill: '#e8f1fb',
  zoneStroke: '#1565c0',
  internetFill: '#eef7ee',
  internetStroke: '#2e7d32',
  firewallFill: '#fff3e0',
  firewallStroke: '#b45309',
  link: '#8a8a8a',
  activeLink: '#b45309',
  unrouted: '#b00020',
};

function textLine(x: number, y: number, text: string, attrs = ''): string {
  return `<text x="${x}" y="${y}"${attrs}>${escapeHtml(text)}</text>`;
}

function nodeSvg(node: PlacedNode): string {
  const left = round(node.x - node.width / 2);
  const top = round(node.y - node.height / 2);
  const name = shorten(diagramText(node.name), MAX_NAME);
  const details = node.details.map((d) => shorten(diagramText(d), MAX_DETAIL));
  const title = `${node.kind === 'firewall' ? 'Firewall' : 'Zone'}: ${diagramText(node.name)}`;
  const shape =
    node.kind === 'internet'
      ? `<ellipse cx="${node.x}" cy="${node.y}" rx="${round(node.width / 2)}" ry="${round(node.height / 2)}" fill="${COLOURS.internetFill}" stroke="${COLOURS.internetStroke}" stroke-width="1.5"/>`
      : node.kind === 'firewall'
        ? `<rect x="${left}" y="${top}" width="${node.width}" height="${node.height}" rx="4" fill="${COLOURS.firewallFill}" stroke="${COLOURS.firewallStroke}" stroke-width="2.5"/>`
        : `<rect x="${left}" y="${top}" width="${node.width}" height="${node.height}" rx="10" fill="${COLOURS.zoneFill}" stroke="${COLOURS.zoneStroke}" stroke-width="1.5"/>`;
  const firstLine = round(node.y - ((details.length + 1) * LINE) / 2 + LINE * 0.75);
  const lines = [
    textLine(node.x, firstLine, name, ' font-weight="700"'),
    ...details.map((d, i) =>
      textLine(
        node.x,
        round(firstLine + (i + 1) * LINE),
        d,
        ` fill="${COLOURS.muted}" font-size="${FONT - 1}"`,
      ),
    ),
  ];
  return `<g class="${node.kind}" data-node="${node.id}"><title>${escapeHtml(title)}</title>${shape}${lines.join('')}</g>`;
}

function linkSvg(link: PlacedLink): string {
  const active = link.inbound || link.outbound;
  const d = link.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  const markers = `${link.inbound ? ' marker-end="url(#arrow)"' : ''}${link.outbound ? ' marker-start="url(#arrow-back)"' : ''}`;
  const stroke = active
    ? `stroke="${COLOURS.activeLink}" stroke-width="2.5"`
    : `stroke="${COLOURS.link}" stroke-width="1.5" stroke-dasharray="5 4"`;
  const label = shorten(diagramText(link.label), MAX_DETAIL);
  return (
    `<g class="link" data-zone="${link.zone}" data-firewall="${link.firewall}">` +
    `<path d="${d}" fill="none" ${stroke}${markers}/>` +
    textLine(
      link.labelX,
      round(link.labelY + 4.5),
      label,
      ` font-size="${FONT - 1}" stroke="${COLOURS.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`,
    ) +
    `</g>`
  );
}

export interface DiagramSvg {
  svg: string;
  width: number;
  height: number;
  /** "3 zones, 1 firewall, 2 flows between zones": the image's alternative text. */
  summary: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The SVG document of a laid-out diagram. */
export function zonesDiagramSvg(layout: DiagramLayout): DiagramSvg {
  const names = new Map(layout.nodes.map((n) => [n.id, diagramText(n.name)]));
  const flowLines = layout.flows.map((f) => ({
    text: shorten(
      diagramText(
        `${names.get(f.from) ?? f.from} → ${names.get(f.to) ?? f.to}: ${f.services} (${f.rules}), ${f.path}`,
      ),
      MAX_FLOW_LINE,
    ),
    routed: f.routed,
  }));
  const listTop = layout.height + LINE;
  const listLines = [
    layout.flows.length === 0
      ? 'No flow of the plan goes from one zone to another.'
      : 'Flows between zones',
    ...flowLines.map((l) => l.text),
  ];
  const width = Math.ceil(
    Math.max(layout.width, ...listLines.map((l) => textWidth(l) + 2 * MARGIN), 240),
  );
  const height = Math.ceil(listTop + listLines.length * LINE + MARGIN);
  const zones = layout.nodes.filter((n) => n.kind !== 'firewall').length;
  const firewalls = layout.nodes.length - zones;
  const summary = `Network diagram: ${plural(zones, 'zone')}, ${plural(firewalls, 'firewall')}, ${plural(layout.flows.length, 'zone pair')} with flows between them`;
  const list = [
    textLine(MARGIN, round(listTop + LINE * 0.75), listLines[0] ?? '', ' font-weight="700"'),
    ...flowLines.map((l, i) =>
      textLine(
        MARGIN,
        round(listTop + (i + 1.75) * LINE),
        l.text,
        l.routed ? '' : ` fill="${COLOURS.unrouted}"`,
      ),
    ),
  ];
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="Roboto, 'Helvetica Neue', Arial, sans-serif" font-size="${FONT}" fill="${COLOURS.text}">`,
    `<title>${escapeHtml(summary)}</title>`,
    '<defs>',
    `<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="${COLOURS.activeLink}"/></marker>`,
    `<marker id="arrow-back" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M10 0 L0 5 L10 10 z" fill="${COLOURS.activeLink}"/></marker>`,
    '</defs>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${COLOURS.background}"/>`,
    '<g class="links">',
    ...layout.links.map(linkSvg),
    '</g>',
    '<g class="nodes" text-anchor="middle">',
    ...layout.nodes.map(nodeSvg),
    '</g>',
    '<g class="flows">',
    ...list,
    '</g>',
    '</svg>',
  ].join('\n');
  return { svg: `${svg}\n`, width, height, summary };
}

/** The whole way from the graph (diagram-graph.ts) to the SVG. */
export function zonesDiagram(graph: DiagramGraph): DiagramSvg {
  return zonesDiagramSvg(layoutZonesDiagram(graph));
}
