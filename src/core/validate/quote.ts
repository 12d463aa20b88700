/**
 * Quoting user input inside validation messages: short, on one line.
 */
const MAX_SHOWN = 64;

/** `"010.0.0.1"`: the input in double quotes, shortened when long. */
export function quoteInput(text: string): string {
  const oneLine = text.replace(/[\r\n\t]/g, ' ');
  const shown = oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN - 1)}…` : oneLine;
  return `"${shown}"`;
}
