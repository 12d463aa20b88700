/**
 * The page's own URL. The app uses hash routing, so origin + path is the app itself on any
 * static host and under any sub-path; everything after # stays in the browser.
 */
import { permalinkAt } from '@/core/exporters/export-permalink';

/** The app's own address: `<origin><path>`, where every permalink of this page starts. */
export function appUrl(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

/** The link that opens a plan: `<origin><path>#/open/<payload>` (URL-1: state only in the fragment). */
export function permalinkUrl(payload: string): string {
  return permalinkAt(appUrl(), payload);
}
