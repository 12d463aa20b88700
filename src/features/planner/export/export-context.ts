/** What every export of the plan is made with: the render context and the plan's permalink. */
import { getCatalog } from '@/core/catalog/catalog';
import { planPermalink } from '@/core/exporters/export-permalink';
import type { RenderContext } from '@/core/exporters/exporter';
import type { Plan } from '@/core/plan/model';
import { permalinkUrl } from '@/lib/location';

/**
 * Lent to every exporter; the PDF calls it only for text its standard fonts lack. The module is
 * imported on demand, so the font files stay out of the first load and of the PDF chunk.
 */
export const RENDER_CONTEXT: RenderContext = {
  loadFonts: () => import('@/lib/pdf-fonts').then((m) => m.loadPdfFonts()),
};

/**
 * The plan's permalink, or a note when the plan is too large for a link (the command line makes
 * it the same way with its --app-url: core/exporters/export-permalink.ts).
 */
export function exportPermalink(plan: Plan): string {
  return planPermalink(plan, getCatalog(), permalinkUrl);
}
