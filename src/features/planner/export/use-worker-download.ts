import { useState } from 'react';

import type { ExportRequest } from '@/core/exporters/run-export';
import { downloadFile } from '@/lib/download-file';
import { startExport } from '@/lib/export-runner';
import { appUrl } from '@/lib/location';
import { useAppStore } from '@/state/store';

/**
 * A download of the plan's export for one host or one firewall, made in a Web Worker like the
 * plan's exports (src/lib/export-runner.ts): which one runs (`busy`, an exporter id) and, when one
 * failed, the message to show.
 */
export function useWorkerDownload() {
  const plan = useAppStore((s) => s.plan);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  /** `what` names it in a failure: "“PAN-OS set commands” for Core". */
  const download = async (
    exporterId: string,
    target: Pick<ExportRequest, 'host' | 'firewall'>,
    what: string,
  ): Promise<void> => {
    setError(null);
    setBusy(exporterId);
    try {
      const result = await startExport({
        exporterId,
        plan,
        appUrl: appUrl(),
        generatedAt: new Date().toISOString(),
        ...target,
      }).result;
      downloadFile(result.fileName, result.output, result.mimeType);
    } catch (e) {
      setError(`${what} failed: ${e instanceof Error ? e.message : String(e)}.`);
    } finally {
      setBusy(null);
    }
  };
  return { error, busy, download };
}
