/**
 * Saves bytes or text as a file through a temporary object URL and anchor.
 */
export function downloadFile(
  fileName: string,
  content: string | Uint8Array,
  mimeType: string,
): void {
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  const blob = new Blob([part], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
