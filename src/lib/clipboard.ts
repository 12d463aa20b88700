/**
 * The clipboard. copyText puts plain text; copyTable puts text/plain and text/html together
 * (one ClipboardItem), so a spreadsheet or a rich-text editor pastes a table and a plain-text
 * field pastes the text. Where the browser has no ClipboardItem, or refuses it, the plain text
 * alone is copied.
 */

/** Copies text to the clipboard; resolves to false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** What copyTable put on the clipboard: both formats, the text alone, or nothing. */
export type TableCopy = 'text-and-html' | 'text' | 'failed';

/** Copies the text and its HTML rendering; falls back to the text alone. */
export async function copyTable(content: { text: string; html: string }): Promise<TableCopy> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (
    clipboard &&
    typeof clipboard.write === 'function' &&
    typeof globalThis.ClipboardItem === 'function'
  ) {
    try {
      await clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([content.text], { type: 'text/plain' }),
          'text/html': new Blob([content.html], { type: 'text/html' }),
        }),
      ]);
      return 'text-and-html';
    } catch {
      // Some browsers refuse text/html or the item: the text alone may still go through.
    }
  }
  return (await copyText(content.text)) ? 'text' : 'failed';
}
