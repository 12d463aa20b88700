/**
 * Starts an export in a Web Worker (export-worker.ts): the page's main thread only posts the plan
 * and receives the file, so it keeps answering while a large PDF is laid out. The export can be
 * cancelled (the worker is ended: nothing is downloaded). Where the browser has no Worker (the
 * component tests' jsdom), the same core function runs in the page instead.
 */
import type { ExportRequest, ExportResult } from '@/core/exporters/run-export';
import { runExport } from '@/core/exporters/run-export';

import type { WorkerMessage } from './export-worker';

export interface RunningExport {
  result: Promise<ExportResult>;
  /** Ends the export; `result` then rejects with an ExportCancelled error. */
  cancel: () => void;
}

export class ExportCancelled extends Error {
  constructor() {
    super('the export was cancelled');
    this.name = 'ExportCancelled';
  }
}

export function startExport(
  request: ExportRequest,
  onProgress: (fraction: number) => void = () => {},
): RunningExport {
  if (typeof Worker === 'undefined') return startInPage(request, onProgress);
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject: (e: Error) => void } | null = null;
  const result = new Promise<ExportResult>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.fraction);
      else {
        worker.terminate();
        if (message.type === 'done') resolve(message.result);
        else reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the export worker stopped'));
    };
  });
  worker.postMessage(request);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle?.reject(new ExportCancelled());
    },
  };
}

function startInPage(
  request: ExportRequest,
  onProgress: (fraction: number) => void,
): RunningExport {
  let cancelled = false;
  let rejectCancel: (e: Error) => void = () => {};
  const cancel = new Promise<never>((_, reject) => {
    rejectCancel = reject;
  });
  const run = runExport(request, {
    loadFonts: () => import('./pdf-fonts').then((m) => m.loadPdfFonts()),
    progress: onProgress,
  });
  return {
    result: Promise.race([run, cancel]).then((r) => {
      if (cancelled) throw new ExportCancelled();
      return r;
    }),
    cancel: () => {
      cancelled = true;
      rejectCancel(new ExportCancelled());
    },
  };
}
