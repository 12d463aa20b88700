/** Placeholder: "Save plan" and "Open plan file" land with issue 6. */
export function PlanFileButtons() {
  return null;
}
