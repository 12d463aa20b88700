/** Words the paste dialogs show about a pasted sheet. */
import type { SheetIssue } from './device-sheet';

/** "Row 3, column agent: …", or "Row 3: …" for an issue about the whole row. */
export function issueText(issue: SheetIssue): string {
  const where =
    issue.column === '' ? `Row ${issue.row}` : `Row ${issue.row}, column ${issue.column}`;
  return `${where}: ${issue.message}`;
}

/** "1 device", "3 devices". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
