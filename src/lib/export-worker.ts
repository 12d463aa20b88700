/**
 * The export worker: makes one export (core/exporters/run-export.ts) off the page's main thread
 * and posts its progress, then its result or its error. Started and ended (cancel) by
 * export-runner.ts; one worker per export. Allowed by the CSP's worker-src 'self'.
 */
import type { ExportRequest, ExportResult } from '@/core/exporters/run-export';
import { runExport } from '@/core/exporters/run-export';

export type WorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: ExportResult }
  | { type: 'error'; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<ExportRequest>) => void) | null;
  postMessage: (message: WorkerMessage, transfer?: Transferable[]) => void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  let last = -1;
  runExport(event.data, {
    loadFonts: () => import('./pdf-fonts').then((m) => m.loadPdfFonts()),
    progress: (fraction) => {
      // A message per whole percent at most.
      const percent = Math.floor(fraction * 100);
      if (percent === last) return;
      last = percent;
      scope.postMessage({ type: 'progress', fraction });
    },
  }).then(
    (result) => {
      const transfer = typeof result.output === 'string' ? [] : [result.output.buffer];
      scope.postMessage({ type: 'done', result }, transfer as Transferable[]);
    },
    (error: unknown) => {
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
};
