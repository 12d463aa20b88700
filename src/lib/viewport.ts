/**
 * The window's viewport and an element's place in the page, for rendering only the rows of a
 * long table near the viewport (the devices table of a large plan).
 */

/** The viewport's size in CSS pixels (0 × 0 outside a browser). */
export function viewportSize(): { width: number; height: number } {
  if (typeof window === 'undefined') return { width: 0, height: 0 };
  return { width: window.innerWidth, height: window.innerHeight };
}

/** How far below the top of the page an element starts, in CSS pixels, whatever the scroll. */
export function pageTop(element: Element): number {
  return Math.round(element.getBoundingClientRect().top + window.scrollY);
}
