/**
 * The browser tab's title: "Devices · My plan · Activity Monitor Firewall Planner". The only
 * place that writes document.title; each page sets its own title when it shows.
 */

export const APP_TITLE = 'Activity Monitor Firewall Planner';

/** The most characters of one part (a plan name) the title shows, then "…". */
export const MAX_TITLE_PART = 60;

// Line breaks, tabs and other control characters: shown as a space.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function shorten(text: string): string {
  // Look at a little more than can be shown, never at the whole of a huge text.
  const clean = text
    .slice(0, MAX_TITLE_PART * 2 + 2)
    .replace(CONTROLS, ' ')
    .trim();
  if (clean.length <= MAX_TITLE_PART) return clean;
  let shown = clean.slice(0, MAX_TITLE_PART);
  if (/[\ud800-\udbff]$/.test(shown)) shown = shown.slice(0, -1);
  return `${shown.trimEnd()}…`;
}

/** The title of a page: its parts, most specific first, each shortened, then the app's name. */
export function pageTitle(...parts: readonly string[]): string {
  return [...parts.map(shorten).filter((p) => p !== ''), APP_TITLE].join(' · ');
}

export function setDocumentTitle(title: string): void {
  document.title = title;
}
