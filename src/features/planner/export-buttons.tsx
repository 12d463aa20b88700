/** Placeholder: the export buttons (CSV, Markdown, PDF, PowerShell, Copy table) land with issue 6. */
export function ExportButtons() {
  return null;
}
