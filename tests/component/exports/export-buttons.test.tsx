import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { EXPORTERS } from '@/core/exporters/registry';
import { ExportButtons } from '@/features/planner/export-buttons';
import { copyText } from '@/lib/clipboard';
import { downloadFile } from '@/lib/download-file';
import { useAppStore } from '@/state/store';

import { fixturePlan } from '../../fixtures/resolution-fixture';
import { renderElement } from '../../support/render-app';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));
vi.mock('@/lib/clipboard', () => ({ copyText: vi.fn(() => Promise.resolve(true)) }));

describe('ExportButtons', () => {
  beforeEach(() => {
    vi.mocked(downloadFile).mockClear();
    vi.mocked(copyText).mockClear();
  });

  it('renders one button per registered exporter', () => {
    renderElement(<ExportButtons />);
    for (const exporter of EXPORTERS) {
      expect(screen.getByRole('button', { name: exporter.label })).toBeInTheDocument();
    }
  });

  it('downloads the CSV with the catalog version and the permalink', async () => {
    renderElement(<ExportButtons />);
    useAppStore.getState().setPlanName('Contoso HQ');
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    const [name, content, mime] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('contoso-hq-firewall-rules.csv');
    expect(mime).toMatch(/^text\/csv/);
    expect(String(content)).toContain(getCatalog().version);
    expect(String(content)).toMatch(/Permalink,http:\/\/localhost[^,]*#\/open\//);
  });

  it('downloads the PowerShell script', async () => {
    renderElement(<ExportButtons />);
    await userEvent.click(screen.getByRole('button', { name: 'Download PowerShell script' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    expect(String(vi.mocked(downloadFile).mock.calls[0]?.[1])).toContain('New-NetFirewallRule');
  });

  it('copies the table and says so', async () => {
    renderElement(<ExportButtons />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy table' }));
    expect(await screen.findByText(/Copied \d+ rule\(s\) as a table/)).toBeInTheDocument();
    expect(String(vi.mocked(copyText).mock.calls[0]?.[0])).toContain('Environment\tSource\t');
  });

  it('says when the clipboard is refused', async () => {
    vi.mocked(copyText).mockResolvedValueOnce(false);
    renderElement(<ExportButtons />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy table' }));
    expect(await screen.findByText(/did not allow copying/)).toBeInTheDocument();
  });

  it('warns which fields the PDF cannot print', async () => {
    renderElement(<ExportButtons />);
    expect(screen.queryByText(/will show “\?” in the PDF/)).not.toBeInTheDocument();
    act(() => useAppStore.setState({ plan: fixturePlan({ ...fixtureNames(), filer: '東京' }) }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Device "東京" name/);
  });

  it('renders the PDF on demand and downloads it', async () => {
    renderElement(<ExportButtons />);
    await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const [name, content, mime] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toMatch(/firewall-rules\.pdf$/);
    expect(mime).toBe('application/pdf');
    expect(new TextDecoder().decode((content as Uint8Array).slice(0, 5))).toBe('%PDF-');
  });

  it('shows an error when an export fails', async () => {
    const pdf = EXPORTERS.find((e) => e.id === 'pdf');
    if (!pdf) throw new Error('no pdf exporter');
    const spy = vi.spyOn(pdf, 'render').mockRejectedValueOnce(new Error('chunk load failed'));
    renderElement(<ExportButtons />);
    await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    expect(await screen.findByText(/“Download PDF” failed: chunk load failed/)).toBeInTheDocument();
    spy.mockRestore();
  });
});

function fixtureNames() {
  return {
    planName: 'Contoso HQ',
    console: 'AM Console',
    agent1: 'Agent NYC',
    agent2: 'Agent LON',
    filer: 'Filer NYC',
    fileServer: 'FS01',
    isilon: 'Isilon Lab',
    tenant: 'Contoso M365',
    siem: 'Splunk',
  };
}
