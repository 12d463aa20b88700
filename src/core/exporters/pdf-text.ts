/**
 * PDF text: jsPDF's standard fonts cover WinAnsi (Windows-1252) only. Text outside it cannot be
 * printed: common typographic signs are spelled out (→ becomes ->), the rest becomes '?', and
 * findUnprintableFields names the plan fields concerned so the user can be told.
 */
import type { Plan } from '@/core/plan/model';

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

// Removed without a trace: zero-width and bidi controls (Trojan Source), other controls.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function isWinAnsi(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    WIN_ANSI_EXTRA.has(codePoint)
  );
}

/** Whether the text prints as typed (after spelling out the common signs). */
export function isPrintable(text: string): boolean {
  return Array.from(text.normalize('NFC').replace(INVISIBLE, '')).every(
    (c) => c === '\t' || c === '\r' || c in SPELLED || isWinAnsi(c.codePointAt(0) ?? 0),
  );
}

/** Text the standard fonts can print: NFC, controls removed, signs spelled out, the rest '?'. */
export function toPdfText(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, '')) {
    if (c === '\t') out += ' ';
    else if (c in SPELLED) out += SPELLED[c];
    else out += isWinAnsi(c.codePointAt(0) ?? 0) ? c : '?';
  }
  return out;
}

/** The plan fields the PDF cannot print, e.g. 'Device "東京" name'. */
export function findUnprintableFields(plan: Plan): string[] {
  const out: string[] = [];
  const check = (field: string, value: string) => {
    if (!isPrintable(value)) out.push(field);
  };
  check('Plan name', plan.name);
  check('Console name', plan.console.name);
  check('Console address', plan.console.address);
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
  const { accessAnalyzer, siem, threatManager } = plan.integrations;
  const integrations = [
    ['Access Analyzer', accessAnalyzer],
    ['SIEM', siem],
    ['Threat Manager', threatManager],
  ] as const;
  for (const [label, entry] of integrations) {
    if (!entry.enabled) continue;
    check(`${label} name`, entry.name);
    check(`${label} address`, entry.address);
  }
  return out;
}
