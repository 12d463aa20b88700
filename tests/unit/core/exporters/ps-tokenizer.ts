/**
 * A tiny PowerShell lexer for tests: single- and double-quoted strings, comments and brackets.
 * Enough to check that generated scripts are well formed and where user text lands.
 */
export const PS_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
const DQ = new Set(['"', '\u201c', '\u201d', '\u201e']);
const LINE_END = /[\r\n\u0085\u2028\u2029]/;

export interface PsToken {
  type: 'single' | 'double' | 'comment';
  start: number;
  end: number;
  /** For single-quoted strings: the value. */
  value: string;
}

export interface PsLexResult {
  tokens: PsToken[];
  errors: string[];
}

/** Reads a single-quoted literal at `start`; returns its value and end (exclusive) or null. */
export function readSingleQuoted(
  text: string,
  start: number,
): { value: string; end: number } | null {
  if (!PS_QUOTES.has(text[start] ?? '')) return null;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (PS_QUOTES.has(c)) {
      if (PS_QUOTES.has(text[i + 1] ?? '')) {
        value += c;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i += 1;
  }
  return null;
}

export function lexPowerShell(text: string): PsLexResult {
  const tokens: PsToken[] = [];
  const errors: string[] = [];
  const stack: { c: string; at: number }[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '<' && text[i + 1] === '#') {
      const end = text.indexOf('#>', i + 2);
      if (end < 0) {
        errors.push(`unclosed block comment at ${i}`);
        break;
      }
      tokens.push({ type: 'comment', start: i, end: end + 2, value: '' });
      i = end + 2;
    } else if (c === '#') {
      let end = i;
      while (end < text.length && !LINE_END.test(text[end] as string)) end += 1;
      tokens.push({ type: 'comment', start: i, end, value: text.slice(i, end) });
      i = end;
    } else if (PS_QUOTES.has(c)) {
      const lit = readSingleQuoted(text, i);
      if (!lit) {
        errors.push(`unclosed single-quoted string at ${i}`);
        break;
      }
      tokens.push({ type: 'single', start: i, end: lit.end, value: lit.value });
      i = lit.end;
    } else if (DQ.has(c)) {
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const d = text[j] as string;
        if (d === '`') j += 2;
        else if (DQ.has(d) && DQ.has(text[j + 1] ?? '')) j += 2;
        else if (DQ.has(d)) {
          closed = true;
          j += 1;
          break;
        } else if (d === '$' && text[j + 1] === '(') {
          errors.push(`subexpression inside a double-quoted string at ${j}`);
          j += 1;
        } else j += 1;
      }
      if (!closed) {
        errors.push(`unclosed double-quoted string at ${i}`);
        break;
      }
      tokens.push({ type: 'double', start: i, end: j, value: text.slice(i + 1, j - 1) });
      i = j;
    } else if (c === '`') {
      i += 2;
    } else {
      if (c === '(' || c === '{' || c === '[') stack.push({ c, at: i });
      if (c === ')' || c === '}' || c === ']') {
        const open = stack.pop();
        if (!open || open.c !== pairs[c]) errors.push(`unbalanced ${c} at ${i}`);
      }
      i += 1;
    }
  }
  for (const open of stack) errors.push(`unclosed ${open.c} at ${open.at}`);
  return { tokens, errors };
}
