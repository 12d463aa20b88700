/**
 * MD-1 autolinks, proven with a real parser: markdown-it with linkify on makes no link of text
 * from the plan, and the links the exporter adds on purpose (permalink, vendor pages) still work.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import fc from 'fast-check';
import type { MarkdownIt as Parser, Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import {
  escapeMarkdownCell,
  escapeMarkdownText,
  markdownTable,
} from '@/core/exporters/markdown-escape';
import { renderMarkdown } from '@/core/exporters/markdown-exporter';
import { buildReport } from '@/core/report/build-report';
import type { Report } from '@/core/report/model';
import { resolvePlan } from '@/core/resolve/resolve-plan';

import { exportCatalog } from '../../../fixtures/catalogs';
import type { FixtureNames } from '../../../fixtures/resolution-fixture';
import {
  FIXTURE_PERMALINK,
  fixturePlan,
  fixtureResolution,
  HOSTILE_NAMES,
} from '../../../fixtures/resolution-fixture';
import { makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

/** Names full of things renderers like to turn into links. */
const LINK_NAMES: FixtureNames = {
  planName: 'Plan https://evil.com/?leak=1 =HYPERLINK("http://evil.com/?x")',
  console: 'http://evil.com/x',
  agent1: 'www.evil.com',
  agent2: 'mailto:alice@evil.com',
  filer: 'ftp://files.evil.com/share',
  fileServer: 'alice@evil.com',
  isilon: '//evil.com/path',
  tenant: 'HTTPS://EVIL.COM WWW.EVIL.COM (www.evil.com)',
  siem: 'javascript://%0aalert(1) xmpp:bob@evil.com/x *www.evil.com*',
};

/** GFM's autolinks (cmark-gfm): www., scheme://, e-mail; fuzzy host names off. */
function gfmLike(): Parser {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false });
  return md;
}

interface Link {
  markup: string;
  href: string;
  text: string;
}

function links(md: Parser, source: string): Link[] {
  const out: Link[] = [];
  const walk = (tokens: readonly Token[]) => {
    tokens.forEach((t, i) => {
      if (t.type === 'link_open') {
        out.push({
          markup: t.markup,
          href: String(t.attrGet('href') ?? ''),
          text: tokens[i + 1]?.content ?? '',
        });
      }
      if (t.children) walk(t.children);
    });
  };
  walk(md.parse(source, {}));
  return out;
}

function fixtureReport(names: FixtureNames): Report {
  return buildReport({
    plan: fixturePlan(names),
    resolution: fixtureResolution(names),
    catalog: exportCatalog,
    permalink: FIXTURE_PERMALINK,
  });
}

/** Links the exporter adds on purpose: the permalink and the vendor pages of the rules. */
function intendedLinks(report: Report): Set<string> {
  return new Set([report.meta.permalink, ...report.rows.flatMap((r) => r.Reference.split(' '))]);
}

function expectOnlyIntendedLinks(markdown: string, report: Report) {
  const intended = intendedLinks(report);
  const found = links(gfmLike(), markdown);
  expect(found.filter((l) => l.markup !== 'autolink')).toEqual([]);
  for (const link of found) expect(intended).toContain(link.href);
  // Every vendor page is still a working link.
  const hrefs = new Set(found.map((l) => l.href));
  for (const url of intended) expect(hrefs).toContain(url);
  // With fuzzy host names on (markdown-it's default), what gets linked is a bare host name only
  // (accepted in MD-1): never a scheme, a protocol-relative // link, www. or an e-mail address.
  const fuzzy = links(new MarkdownIt({ linkify: true }), markdown).filter(
    (l) => l.markup === 'linkify',
  );
  for (const link of fuzzy) {
    expect(link.text).not.toMatch(/:|\/\/|@|^www\./i);
    expect(link.href).toBe(`http://${link.text}`);
  }
}

describe('MD-1: no link from plan text', () => {
  it.each([
    ['http://evil.com/x', 'http:\\//evil.com/x'],
    ['HTTPS://EVIL.COM', 'HTTPS:\\//EVIL.COM'],
    ['ftp://a.b/c', 'ftp:\\//a.b/c'],
    ['javascript://x', 'javascript:\\//x'],
    ['//host/path', '\\//host/path'],
    ['a///b', 'a\\/\\//b'],
    ['www.evil.com', 'www\\.evil.com'],
    ['WWW.evil.com', 'WWW\\.evil.com'],
    ['alice@evil.com', '`alice@evil.com`'],
    ['mailto:alice@evil.com', 'mailto:`alice@evil.com`'],
    ['xmpp:bob@evil.com/x', 'xmpp:`bob@evil.com`/x'],
    ['a+b.c@d-e.f_g.h.', '`a+b.c@d-e.f_g.h.`'],
    ['@SUM(1,1) x@y', '\\@SUM(1,1) x\\@y'],
    ['ü@x.com', 'ü\\@x.com'],
    ['10.0.0.1/24', '10.0.0.1/24'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMarkdownCell(input)).toBe(expected);
    expect(escapeMarkdownText(input)).toBe(expected);
  });

  it.each([
    ['the hostile plan', HOSTILE_NAMES],
    ['a plan of URLs, e-mail addresses and www. names', LINK_NAMES],
  ])('%s: only the permalink and the vendor pages are links', (_name, names) => {
    const report = fixtureReport(names);
    expectOnlyIntendedLinks(renderMarkdown(report), report);
  });

  it('the committed hostile golden file has no link but the intended ones', () => {
    const golden = readFileSync(
      new URL('../../../golden/hostile-rules.md', import.meta.url),
      'utf8',
    );
    expectOnlyIntendedLinks(golden, fixtureReport(HOSTILE_NAMES));
  });

  it('a plan built on the real catalog with link-like names links only its vendor pages', () => {
    const catalog = getCatalog();
    const plan = planWith({
      name: 'https://evil.com/?leak=',
      console: { name: 'www.evil.com', address: '10.0.0.10' },
      agents: [makeAgent(1, { name: 'alice@evil.com' })],
      devices: [
        makeDevice('qumulo', 1, { name: 'http://evil.com/a' }),
        makeDevice('qumulo', 2, { name: '//evil.com/b', addresses: ['ftp://evil.com'] }),
      ],
    });
    const report = buildReport({
      plan,
      resolution: resolvePlan(plan, catalog),
      catalog,
      permalink: 'https://planner.example.com/#/open/v1.abc',
    });
    expect(report.rows.length).toBeGreaterThan(0);
    expectOnlyIntendedLinks(renderMarkdown(report), report);
  });

  it('MD-2 with markdown-it: any cells make no link, keep their rows and cells, read as typed', () => {
    const fragment = fc.constantFrom(
      'http://',
      'HTTPS://',
      'ftp://',
      '//',
      'www.',
      'WWW.',
      '@',
      'mailto:',
      'xmpp:',
      'evil',
      '.com',
      'a',
      ' ',
      '|',
      '\\',
      '`',
      '<',
      '>',
      '&',
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '\n',
    );
    const cell = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fragment, { maxLength: 16 }).map((parts) => parts.join('')),
    );
    const md = gfmLike();
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (cells) => {
        const source = markdownTable(
          cells.map((_, i) => `c${i}`),
          [cells],
        );
        const tokens = md.parse(source, {});
        expect(links(md, source)).toEqual([]);
        const rows = tokens.filter((t) => t.type === 'tr_open');
        expect(rows).toHaveLength(2);
        const texts = tokens
          .filter((t) => t.type === 'inline')
          .slice(cells.length)
          .map((t) => cellText(t.children ?? []));
        expect(texts).toEqual(cells.map((c) => visibleText(c)));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

/** What a cell shows: text as typed, <br> as a line break. */
function cellText(children: readonly Token[]): string {
  return children
    .map((t) => (t.type === 'html_inline' && t.content === '<br>' ? '\n' : t.content))
    .join('');
}

/** What a cell shows of a text: controls dropped, tabs as spaces, line breaks as \n, trimmed. */
function visibleText(text: string): string {
  return text
    .replace(
      // eslint-disable-next-line no-control-regex -- controls are what escaping drops
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
      '',
    )
    .replace(/\t/g, ' ')
    .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\ue000')
    .trim() // as the table parser trims a cell's source, where line breaks are <br>
    .replace(/\ue000/g, '\n');
}

/** GitHub's own renderer, where installed (apt-get install cmark-gfm); skipped, and said so, elsewhere. */
const CMARK_GFM = ['/usr/bin/cmark-gfm', '/usr/local/bin/cmark-gfm'].find((p) => existsSync(p));

describe.skipIf(!CMARK_GFM)('MD-1 in cmark-gfm (GitHub-flavoured Markdown)', () => {
  it.each([
    ['the hostile plan', HOSTILE_NAMES],
    ['a plan of URLs, e-mail addresses and www. names', LINK_NAMES],
  ])('%s: the HTML links only the permalink and the vendor pages', (_name, names) => {
    const report = fixtureReport(names);
    const html = execFileSync(
      CMARK_GFM as string,
      ['--extension', 'autolink', '--extension', 'table', '--extension', 'tagfilter'],
      { input: renderMarkdown(report), encoding: 'utf8' },
    );
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(hrefs)).toEqual(intendedLinks(report));
  });
});
