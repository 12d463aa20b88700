/**
 * The permalink every export carries, made the same way by the browser (export-context.ts, with
 * the page's own address) and the command line (src/cli, with --app-url): the plan's link, or a
 * note when the plan is too large for a link.
 */
import type { Catalog } from '@/core/catalog/model';
import { encodePlan, PERMALINK_LIMITS, PERMALINK_ROUTE } from '@/core/permalink/codec';
import type { Plan } from '@/core/plan/model';

export const PERMALINK_TOO_LARGE =
  '(this plan is too large for a link: save it as a file with "Save plan")';

/**
 * The plan's permalink: `toUrl(payload)` (the browser: `<origin><path>#/open/<payload>`), or
 * PERMALINK_TOO_LARGE when the payload is over the link limit.
 */
export function planPermalink(
  plan: Plan,
  catalog: Pick<Catalog, 'version'>,
  toUrl: (payload: string) => string,
): string {
  const payload = encodePlan(plan, { catalogVersion: catalog.version });
  return payload.length > PERMALINK_LIMITS.payloadChars ? PERMALINK_TOO_LARGE : toUrl(payload);
}

/** `<appUrl>#/open/<payload>`: the link on an app served at appUrl (its origin and path). */
export function permalinkAt(appUrl: string, payload: string): string {
  return `${appUrl}${PERMALINK_ROUTE}${payload}`;
}
