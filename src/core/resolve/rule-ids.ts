/**
 * Rule IDs: "R01", "R02", ... in the order of the resolved rules, shared by the review, every
 * sheet, every script comment and the connectivity check, so that a ticket line, a PDF row and
 * a script rule can be matched. At least two digits; as many as the last number needs
 * ("R001" ... "R120" in a plan of 120 rules), so the IDs sort as text too.
 * The order of the rules is deterministic for a plan (merge-flows.ts), so the same plan gives
 * the same IDs in every export; a changed plan may renumber.
 */
import type { MergedRule } from './merge-flows';
import type { ResolvedRule } from './model';

export function ruleIdOf(index: number, total: number): string {
  const width = Math.max(2, String(Math.max(total, 1)).length);
  return `R${String(index + 1).padStart(width, '0')}`;
}

/** The rules with their IDs, in their order. */
export function numberRules(rules: readonly MergedRule[]): ResolvedRule[] {
  return rules.map((rule, i) => ({ id: ruleIdOf(i, rules.length), ...rule }));
}

/**
 * Rule IDs written compactly, in the order given, runs of consecutive numbers as ranges:
 * ["R03", "R04", "R05", "R09"] → "R03-R05, R09". IDs of another shape are kept as they are.
 */
export function ruleIdRanges(ids: readonly string[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ids.length) {
    const first = ids[i] ?? '';
    let j = i;
    const n = ruleNumber(first);
    if (n !== null) {
      while (j + 1 < ids.length && ruleNumber(ids[j + 1] ?? '') === n + (j + 1 - i)) j += 1;
    }
    const last = ids[j] ?? '';
    parts.push(j === i ? first : j === i + 1 ? `${first}, ${last}` : `${first}-${last}`);
    i = j + 1;
  }
  return parts.join(', ');
}

function ruleNumber(id: string): number | null {
  const m = /^R(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}
