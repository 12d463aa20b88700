/**
 * Object URLs for content the app makes itself (the zones diagram's SVG shown as an <img>): a
 * blob: URL is allowed by the CSP's img-src, and an SVG shown through <img> runs no script.
 */
export function objectUrl(content: string, mimeType: string): string {
  return URL.createObjectURL(new Blob([content], { type: mimeType }));
}

export function revokeObjectUrl(url: string): void {
  URL.revokeObjectURL(url);
}
