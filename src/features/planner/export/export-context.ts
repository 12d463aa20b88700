/** What every export of the plan is made with: the render context and the plan's permalink. */
import { getCatalog } from '@/core/catalog/catalog';
import type { RenderContext } from '@/core/exporters/exporter';
import { encodePlan, PERMALINK_LIMITS } from '@/core/permalink/codec';
import type { Plan } from '@/core/plan/model';
import { permalinkUrl } from '@/lib/location';

/**
 * Lent to every exporter; the PDF calls it only for text its standard fonts lack. The module is
 * imported on demand, so the font files stay out of the first load and of the PDF chunk.
 */
export const RENDER_CONTEXT: RenderContext = {
  loadFonts: () => import('@/lib/pdf-fonts').then((m) => m.loadPdfFonts()),
};

/** The plan's permalink, or a note when the plan is too large for a link. */
export function exportPermalink(plan: Plan): string {
  const payload = encodePlan(plan, { catalogVersion: getCatalog().version });
  return payload.length > PERMALINK_LIMITS.payloadChars
    ? '(this plan is too large for a link: save it as a file with "Save plan")'
    : permalinkUrl(payload);
}
