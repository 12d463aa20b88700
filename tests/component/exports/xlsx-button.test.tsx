/**
 * "Download XLSX" on the review: the workbook is made on demand, saved under the plan's name, and
 * a failure says so beside the buttons.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import readXlsxFile from 'read-excel-file/node';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { IMPORT_CSV_COLUMNS } from '@/core/exporters/import-csv-exporter';
import type * as XlsxWriter from '@/core/exporters/xlsx-writer';
import { ExportButtons } from '@/features/planner/export/export-buttons';
import { downloadFile } from '@/lib/download-file';
import { useAppStore } from '@/state/store';

import { fixturePlan, HOSTILE_NAMES } from '../../fixtures/resolution-fixture';
import { renderElement } from '../../support/render-app';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));

const writer = vi.hoisted(() => ({ fail: false }));
vi.mock('@/core/exporters/xlsx-writer', async (importOriginal) => {
  const actual = await importOriginal<typeof XlsxWriter>();
  const writeXlsx: typeof actual.writeXlsx = (...args) => {
    if (writer.fail) throw new Error('the workbook could not be written');
    return actual.writeXlsx(...args);
  };
  return { ...actual, writeXlsx };
});

describe('Download XLSX', () => {
  beforeEach(() => {
    vi.mocked(downloadFile).mockClear();
    writer.fail = false;
  });

  it('downloads a workbook named after the plan, whose Rules sheet reads back', async () => {
    renderElement(<ExportButtons />);
    act(() => useAppStore.setState({ plan: fixturePlan(HOSTILE_NAMES) }));
    await userEvent.click(screen.getByRole('button', { name: 'Download XLSX' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const [name, content, mime] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('hyperlink-http-x-pipe-quote-firewall-rules.xlsx');
    expect(mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(content).toBeInstanceOf(Uint8Array);
    const sheets = await readXlsxFile(Buffer.from(content as Uint8Array), { trim: false });
    expect(sheets.map((s) => s.sheet)).toEqual(['Rules', 'About', 'Hosts']);
    expect(sheets[0]?.data[0]).toEqual([...IMPORT_CSV_COLUMNS]);
    expect(sheets[1]?.data[0]?.slice(0, 2)).toEqual([
      'Plan',
      '\'=HYPERLINK("http://x")|pipe\'quote',
    ]);
    // The button is ready again, and no error is shown.
    expect(screen.getByRole('button', { name: 'Download XLSX' })).toBeEnabled();
    expect(screen.queryByText(/failed/)).not.toBeInTheDocument();
  });

  it('says so when the workbook cannot be made, and keeps the plan', async () => {
    writer.fail = true;
    renderElement(<ExportButtons />);
    act(() => useAppStore.setState({ plan: fixturePlan() }));
    await userEvent.click(screen.getByRole('button', { name: 'Download XLSX' }));
    expect(
      await screen.findByText(
        '“Download XLSX” failed: the workbook could not be written. Try again, or use another format.',
      ),
    ).toBeInTheDocument();
    expect(downloadFile).not.toHaveBeenCalled();
    expect(useAppStore.getState().plan.name).toBe('Contoso HQ');
    expect(screen.getByRole('button', { name: 'Download XLSX' })).toBeEnabled();
  });
});
