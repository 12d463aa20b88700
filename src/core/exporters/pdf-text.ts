/**
 * PDF text. jsPDF's standard fonts cover WinAnsi (Windows-1252) only; when a report holds other
 * characters the PDF embeds DejaVu Sans (regular and bold), which covers Latin Extended, Greek,
 * Cyrillic, Hebrew, Armenian, Georgian and more (the generated table in pdf-font-coverage.ts,
 * BMP only). What neither can print becomes '?', and findUnprintableFields names the plan
 * fields concerned so the user can be told. With the standard fonts, common typographic signs
 * are spelled out (→ becomes ->).
 */
import type { Plan } from '@/core/plan/model';

import { PDF_FONT_COVERAGE } from './pdf-font-coverage';
import { stripControls } from './text-safety';

/** standard: jsPDF's Helvetica (WinAnsi); embedded: DejaVu Sans. */
export type PdfFontKind = 'standard' | 'embedded';

// The printable characters of Windows-1252 above U+00FF.
const WIN_ANSI_EXTRA = new Set(
  Array.from('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ').map((c) => c.codePointAt(0) ?? 0),
);

const SPELLED: Record<string, string> = {
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2713': 'yes',
  '\u2715': 'x',
  '\u00a0': ' ',
};

// Removed without a trace beside the shared controls (text-safety.ts): zero-width space, joiners,
// word joiner, invisible operators and the BOM, which no font prints.
const ZERO_WIDTH = /[\u200b-\u200d\u2060-\u2065\ufeff]/g;

function isWinAnsi(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRA.has(codePoint)
  );
}

let coverage: Uint32Array | undefined;

/** The generated ranges as [first, last, first, last, ...], decoded once. */
function coveredRanges(): Uint32Array {
  if (!coverage) {
    const numbers = PDF_FONT_COVERAGE.split(',').map((n) => parseInt(n, 36));
    coverage = new Uint32Array(numbers.length);
    let previous = -1;
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const first = previous + 1 + (numbers[i] ?? 0);
      previous = first + (numbers[i + 1] ?? 0);
      coverage[i] = first;
      coverage[i + 1] = previous;
    }
  }
  return coverage;
}

/** Whether the embedded font (DejaVu Sans, regular and bold) has a glyph for the code point. */
export function isInEmbeddedFont(codePoint: number): boolean {
  const ranges = coveredRanges();
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < (ranges[2 * mid] ?? 0)) high = mid - 1;
    else if (codePoint > (ranges[2 * mid + 1] ?? 0)) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The characters of the text as printed: NFC, line breaks unified, controls and bidi controls
 * removed (text-safety.ts; tabs and line breaks are laid out here), zero-width ones removed.
 */
function characters(text: string): string[] {
  const unified = text.normalize('NFC').replace(/\r\n?/g, '\n');
  return Array.from(stripControls(unified, { keep: '\t\n\u2028\u2029' }).replace(ZERO_WIDTH, ''));
}

function printsWithStandardFont(c: string): boolean {
  return c === '\t' || c in SPELLED || isWinAnsi(c.codePointAt(0) ?? 0);
}

function printsWithEmbeddedFont(c: string): boolean {
  return c === '\t' || c === '\n' || c in SPELLED || isInEmbeddedFont(c.codePointAt(0) ?? 0);
}

/** Whether the text prints as typed, with the embedded font if need be. */
export function isPrintable(text: string): boolean {
  return characters(text).every((c) => printsWithStandardFont(c) || printsWithEmbeddedFont(c));
}

/**
 * Whether the texts hold a character the standard fonts cannot print but the embedded font
 * can: only then is the font worth loading.
 */
export function needsEmbeddedFont(texts: Iterable<string>): boolean {
  for (const text of texts) {
    for (const c of characters(text)) {
      if (!printsWithStandardFont(c) && printsWithEmbeddedFont(c)) return true;
    }
  }
  return false;
}

/**
 * Text the font can print: NFC, controls removed, tabs as spaces, the rest '?'. The standard
 * fonts spell out common signs; the embedded font prints them unless it lacks them.
 */
export function toPdfText(text: string, font: PdfFontKind = 'standard'): string {
  let out = '';
  for (const c of characters(text)) {
    if (c === '\t') out += ' ';
    else if (font === 'embedded' && printsWithEmbeddedFont(c)) out += c;
    else if (c in SPELLED) out += SPELLED[c];
    else out += font === 'standard' && isWinAnsi(c.codePointAt(0) ?? 0) ? c : '?';
  }
  return out;
}

/** The plan fields the PDF cannot print, even with the embedded font, e.g. 'Device "東京" name'. */
export function findUnprintableFields(plan: Plan): string[] {
  const out: string[] = [];
  const check = (field: string, value: string) => {
    if (!isPrintable(value)) out.push(field);
  };
  check('Plan name', plan.name);
  check('Console name', plan.console.name);
  check('Console address', plan.console.address);
  check('Microsoft tenant', plan.microsoftTenant);
  for (const [i, c] of plan.additionalConsoles.entries()) {
    check(`Console ${i + 2} name`, c.name);
    check(`Console ${i + 2} address`, c.address);
  }
  for (const agent of plan.agents) {
    check(`Agent server "${agent.name}" name`, agent.name);
    check(`Agent server "${agent.name}" address`, agent.address);
  }
  for (const device of plan.devices) {
    check(`Device "${device.name}" name`, device.name);
    device.addresses.forEach((a, i) => check(`Device "${device.name}" address ${i + 1}`, a));
    check(`Device "${device.name}" tenant`, device.tenant);
    for (const [option, value] of Object.entries(device.options)) {
      if (typeof value === 'string') check(`Device "${device.name}" option ${option}`, value);
    }
  }
  const { accessAnalyzer, siem, threatManager, threatPrevention } = plan.integrations;
  const { smtp, syslog, dns, domainControllers } = plan.agentServices;
  const integrations = [
    ['Access Analyzer', accessAnalyzer],
    ['SIEM', siem],
    ['Threat Manager', threatManager],
    ['Threat Prevention', threatPrevention],
    ['Network proxy', plan.deployment.proxy],
    ['Archive server', plan.deployment.archive],
    ['SMTP server', smtp],
    ['Syslog server', syslog],
  ] as const;
  for (const [label, entry] of integrations) {
    if (!entry.enabled) continue;
    check(`${label} name`, entry.name);
    check(`${label} address`, entry.address);
  }
  for (const [label, list] of [
    ['DNS server', dns],
    ['Domain controller', domainControllers],
  ] as const) {
    if (!list.enabled) continue;
    list.addresses.forEach((a, i) => check(`${label} ${i + 1}`, a));
  }
  return out;
}

/** Characters after which a long name, address or URL may break: . - / : @ _ = & ? , ; */
const SOFT_BREAK_AFTER = /[^.\-/:@_=&?,;]*[.\-/:@_=&?,;]?/gu;

/**
 * Wraps text into lines no wider than `width` (as `measure` says), keeping its own line breaks:
 * at spaces first; a word wider than a line breaks after one of . - / : @ _ = & ? , ; (where a
 * reader expects a host name, an address or a URL to break), and only a run without any of them
 * is cut between characters. Returns the lines joined by "\n". Never loses or adds a character
 * other than the breaks (a break at a space drops that space).
 */
export function wrapToWidth(text: string, width: number, measure: (s: string) => number): string {
  const room = Math.max(1, width - 1);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    const push = () => {
      out.push(line);
      line = '';
    };
    const placeLong = (word: string) => {
      // Pieces ending at a soft break; a piece still too wide is cut between characters.
      const pieces = (word.match(SOFT_BREAK_AFTER) ?? []).filter((p) => p !== '');
      for (const piece of pieces) {
        if (measure(line + piece) <= room) {
          line += piece;
          continue;
        }
        if (line !== '') push();
        if (measure(piece) <= room) {
          line = piece;
          continue;
        }
        for (const ch of piece) {
          if (line !== '' && measure(line + ch) > room) push();
          line += ch;
        }
      }
    };
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= room) {
        line = candidate;
        continue;
      }
      if (line !== '') push();
      if (measure(word) <= room) line = word;
      else placeLong(word);
    }
    out.push(line);
  }
  return out.join('\n');
}

/**
 * The text as it fits in `width` (as `measure` says) on one line: whole, or its longest start
 * that fits followed by "..." (only "..." when nothing more fits). The start is found by halving,
 * so a text of L characters costs about log2(L) measurements, not L of them.
 */
export function fitToWidth(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text;
  // The longest start (0..length-1 characters) that fits with the ellipsis.
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, mid)}...`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}...`;
}
