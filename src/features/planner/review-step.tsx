/** Placeholder: the review step (rules table, per host, checks) lands with issue 5. */
export function ReviewStep() {
  return null;
}
