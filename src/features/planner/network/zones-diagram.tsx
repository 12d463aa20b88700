import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';

import type { ZoneAnalysis } from '@/core/zones/analyze';
import type { DiagramSvg } from '@/core/zones/diagram';
import type { ZoneModel } from '@/core/zones/model';
import { objectUrl, revokeObjectUrl } from '@/lib/object-url';

import { loadZonesDiagram } from './load-zones-diagram';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; url: string; diagram: DiagramSvg }
  | { kind: 'failed'; message: string };

/**
 * The zones, firewalls and flows between them as a picture: the SVG of core/zones/diagram.ts
 * shown as an <img> from a blob: URL (no inline SVG markup, nothing for the CSP to block), at its
 * own size in a box that scrolls, so that its text stays readable at 20 zones.
 */
export function ZonesDiagram({
  network,
  analysis,
}: {
  network: ZoneModel;
  analysis: ZoneAnalysis;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let url: string | null = null;
    let current = true;
    const draw = async () => {
      try {
        const diagram = await loadZonesDiagram(network, analysis);
        if (!current) return;
        url = objectUrl(diagram.svg, 'image/svg+xml');
        setState({ kind: 'ready', url, diagram });
      } catch (e) {
        if (current) {
          setState({
            kind: 'failed',
            message: `The diagram could not be drawn: ${e instanceof Error ? e.message : String(e)}. The paths above and “Copy Mermaid” still hold it.`,
          });
        }
      }
    };
    void draw();
    return () => {
      current = false;
      if (url) revokeObjectUrl(url);
    };
  }, [network, analysis]);

  if (state.kind === 'failed') {
    return (
      <Typography role="alert" variant="body2" sx={{ color: 'error.main' }}>
        {state.message}
      </Typography>
    );
  }
  return (
    <Box
      role="region"
      aria-label="Network diagram"
      tabIndex={0}
      sx={{
        overflow: 'auto',
        maxHeight: '80vh',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: '#ffffff',
      }}
    >
      {state.kind === 'ready' ? (
        <Box
          component="img"
          src={state.url}
          alt={state.diagram.summary}
          width={state.diagram.width}
          height={state.diagram.height}
          sx={{ display: 'block', maxWidth: 'none' }}
        />
      ) : (
        <Typography variant="body2" sx={{ p: 2, color: '#4a4a4a' }}>
          Drawing the diagram…
        </Typography>
      )}
    </Box>
  );
}
