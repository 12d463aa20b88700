/** Placeholder: the permalink field and "Copy permalink" land with issue 7. */
export function SharePanel() {
  return null;
}
