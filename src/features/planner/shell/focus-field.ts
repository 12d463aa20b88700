/**
 * "Go to field": the review step links a plan check to the wizard with router state
 * { focusField: "agents.0.address" }. Form controls carry the plan path of what they edit in a
 * data-field attribute on their root; this finds the control and gives it the focus.
 */

const FOCUSABLE =
  'input:not([type="hidden"]):not([aria-hidden="true"]), textarea, select, [role="combobox"], button, [tabindex="0"]';

function candidates(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-field]'));
}

/** The element for a plan path: exact match, else the first field inside it, else its parent field. */
export function findFieldElement(path: string, root: ParentNode = document): HTMLElement | null {
  const all = candidates(root);
  const field = (el: HTMLElement) => el.dataset.field ?? '';
  return (
    all.find((el) => field(el) === path) ??
    all.find((el) => field(el).startsWith(`${path}.`)) ??
    all
      .filter((el) => path.startsWith(`${field(el)}.`))
      .sort((a, b) => field(b).length - field(a).length)[0] ??
    null
  );
}

/** Focuses the control that edits `path`; returns whether one was found. */
export function focusField(path: string, root: ParentNode = document): boolean {
  const element = findFieldElement(path, root);
  if (!element) return false;
  const target = element.matches(FOCUSABLE)
    ? element
    : element.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return false;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
  return true;
}

/** Reads the focus request from router state (untrusted shape). */
export function focusRequest(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('focusField' in state)) return null;
  const value = (state as { focusField: unknown }).focusField;
  return typeof value === 'string' && value !== '' ? value : null;
}
