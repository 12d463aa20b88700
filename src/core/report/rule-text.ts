/** Texts of a resolved rule that several sheets print the same way. */
import type { ResolvedRule, RuleReason } from '@/core/resolve/model';

/** The non-empty values, de-duplicated, in order. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

/**
 * A reason's vendor link as the sheets print it: the URL, followed by its label in parentheses
 * when the link is not a page of the plan's version ("(Activity Monitor 10.0 page; no 7.1 page)").
 */
function referenceText(reason: RuleReason): string {
  return reason.referenceFallback && reason.referenceLabel
    ? `${reason.reference} (${reason.referenceLabel})`
    : reason.reference;
}

/** The conditions that made the rule apply, e.g. "Filer NYC: ONTAPI over HTTPS". */
export function ruleConditions(rule: ResolvedRule): string[] {
  return unique(
    rule.reasons.map((r) =>
      r.condition ? (r.deviceName ? `${r.deviceName}: ${r.condition}` : r.condition) : '',
    ),
  );
}

/** The vendor links of the rule's reasons, de-duplicated, in reason order. */
export function ruleReferences(rule: ResolvedRule): string[] {
  return unique(rule.reasons.map(referenceText));
}

/** The environments the rule serves, de-duplicated, in reason order. */
export function ruleEnvironments(rule: ResolvedRule): string[] {
  return unique(rule.reasons.map((r) => r.environmentName));
}
