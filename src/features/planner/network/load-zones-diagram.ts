import type { ZoneAnalysis } from '@/core/zones/analyze';
import type { DiagramSvg } from '@/core/zones/diagram';
import { zonesDiagramGraph } from '@/core/zones/diagram-graph';
import type { ZoneModel } from '@/core/zones/model';

/**
 * The zones diagram's SVG. Its layout and drawing (core/zones/diagram.ts, with dagre) are loaded
 * on first use: not part of the first load.
 */
export async function loadZonesDiagram(
  network: ZoneModel,
  analysis: ZoneAnalysis,
): Promise<DiagramSvg> {
  const graph = zonesDiagramGraph(network, analysis);
  const { zonesDiagram } = await import('@/core/zones/diagram');
  return zonesDiagram(graph);
}
