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
      // A file's text is encoded to UTF-8 here and its bytes transferred, not copied: the page
      // then makes the Blob from bytes, with no copy or encoding of a large text on its main
      // thread (the same bytes as a Blob of the text). A copy action keeps its text.
      const done: ExportResult =
        result.action === 'download' && typeof result.output === 'string'
          ? { ...result, output: new TextEncoder().encode(result.output) }
          : result;
      const transfer = typeof done.output === 'string' ? [] : [done.output.buffer];
      scope.postMessage({ type: 'done', result: done }, transfer as Transferable[]);
    },
    (error: unknown) => {
      scope.postMessage({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
};
