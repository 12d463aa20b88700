import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { EXPORTERS } from '@/core/exporters/registry';
import { ExportButtons } from '@/features/planner/export/export-buttons';
import { copyTable, copyText } from '@/lib/clipboard';
import { downloadFile } from '@/lib/download-file';
import { loadPdfFonts } from '@/lib/pdf-fonts';
import { useAppStore } from '@/state/store';

import { fixturePlan } from '../../fixtures/resolution-fixture';
import { renderElement } from '../../support/render-app';
import { loadFontsFromDisk } from '../../unit/core/exporters/pdf-test-fonts';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));
vi.mock('@/lib/clipboard', () => ({
  copyText: vi.fn(() => Promise.resolve(true)),
  copyTable: vi.fn(() => Promise.resolve('text-and-html')),
}));
// jsdom cannot fetch the font assets: read them from disk.
vi.mock('@/lib/pdf-fonts', () => ({ loadPdfFonts: vi.fn(() => loadFontsFromDisk()) }));

describe('ExportButtons', () => {
  beforeEach(() => {
    vi.mocked(downloadFile).mockClear();
    vi.mocked(copyText).mockClear();
    vi.mocked(copyTable).mockClear();
    vi.mocked(loadPdfFonts).mockClear();
  });

  it('renders one button per registered exporter', () => {
    renderElement(<ExportButtons />);
    for (const exporter of EXPORTERS) {
      expect(screen.getByRole('button', { name: exporter.label })).toBeInTheDocument();
    }
  });

  it('downloads the import CSV: one header, then flows, the permalink in the first row', async () => {
    renderElement(<ExportButtons />);
    useAppStore.getState().setPlanName('Contoso HQ');
    await userEvent.click(screen.getByRole('button', { name: 'Download import CSV' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    const [name, content, mime] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('contoso-hq-firewall-import.csv');
    expect(mime).toMatch(/^text\/csv/);
    // A file made in parts comes as UTF-8 bytes (the BOM kept).
    expect(content).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(content as Uint8Array)).toMatch(
      /^\uFEFFRule,Source name,Source address,Source zone,/,
    );
  });

  it('downloads the summary CSV with the catalog version and the permalink', async () => {
    renderElement(<ExportButtons />);
    useAppStore.getState().setPlanName('Contoso HQ');
    await userEvent.click(screen.getByRole('button', { name: 'Download summary CSV' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    const [name, content, mime] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('contoso-hq-firewall-rules-summary.csv');
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

  it('offers no firewalld script for a plan without a Linux host, and says why', async () => {
    renderElement(<ExportButtons />);
    const button = screen.getByRole('button', { name: 'Download firewalld script' });
    expect(button).toBeDisabled();
    const reason = screen.getByText(/This plan has no Linux host/);
    expect(reason).toBeVisible();
    expect(reason).toHaveTextContent(
      '“Download firewalld script” is not available: This plan has no Linux host (no device whose agent runs on Linux): there is nothing for firewalld to open.',
    );
    expect(button).toHaveAccessibleDescription(reason.textContent ?? '');
    // The scripts that apply stay offered, without a reason.
    const powershell = screen.getByRole('button', { name: 'Download PowerShell script' });
    expect(powershell).toBeEnabled();
    expect(powershell).not.toHaveAttribute('aria-describedby');
    // Even a click that gets through (MUI blocks pointer events) downloads nothing.
    await userEvent.setup({ pointerEventsCheck: 0 }).click(button);
    expect(downloadFile).not.toHaveBeenCalled();
  });

  it('downloads the firewalld script once the plan has a Linux host', async () => {
    renderElement(<ExportButtons />);
    const button = screen.getByRole('button', { name: 'Download firewalld script' });
    act(() => {
      const plan = useAppStore.getState().plan;
      useAppStore.setState({
        plan: {
          ...plan,
          devices: [
            {
              id: 'dev-1',
              environment: 'linux',
              name: 'RHEL01',
              addresses: ['10.0.5.7'],
              tenant: '',
              agentId: '',
              options: {},
            },
          ],
        },
      });
    });
    expect(button).toBeEnabled();
    expect(screen.queryByText(/This plan has no Linux host/)).not.toBeInTheDocument();
    await userEvent.click(button);
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    const [name, content] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(String(name)).toMatch(/-firewalld\.sh$/);
    expect(String(content)).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(String(content)).toContain("PLAN_HOST_ADDRESSES=('10.0.5.7')");
  });

  it('copies the table as text and as HTML, and says so', async () => {
    renderElement(<ExportButtons />);
    act(() =>
      useAppStore.setState({ plan: fixturePlan({ ...fixtureNames(), fileServer: '=1+2' }) }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Copy table' }));
    expect(await screen.findByText(/Copied \d+ rule\(s\) as a table: paste/)).toBeInTheDocument();
    const { text, html } = vi.mocked(copyTable).mock.calls[0]?.[0] ?? { text: '', html: '' };
    // The header row first (after the draft stamp: this plan misses an address).
    expect(text).toMatch(/^(DRAFT — [^\n]*\n)?Rule\tFrom\tTo\tProtocol\tPort\(s\)\tPurpose\n/);
    expect(text).toContain("\t'=1+2 (");
    expect(html).toMatch(/^<table>\n<thead>\n/);
    expect(html).toContain('<th>Rule</th><th>From</th><th>To</th>');
    expect(html).toContain('<td>&#39;=1+2 (');
    expect(copyText).not.toHaveBeenCalled();
  });

  it('copies a plan with errors stamped as a draft, and says so', async () => {
    renderElement(<ExportButtons />);
    act(() => {
      const plan = fixturePlan(fixtureNames());
      plan.console = { ...plan.console, address: 'not an address!' };
      useAppStore.setState({ plan });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Copy table' }));
    const alert = await screen.findByText(/Copied \d+ rule\(s\) as a table/);
    expect(alert).toHaveTextContent(
      /It is stamped “DRAFT — \d+ plan errors?: fix (it|them) before filing”\./,
    );
    const { text, html } = vi.mocked(copyTable).mock.calls[0]?.[0] ?? { text: '', html: '' };
    expect(text).toMatch(/^DRAFT — \d+ plan errors?: fix (it|them) before filing\n/);
    expect(html).toMatch(/^<table>\n<thead>\n<tr><th>DRAFT — /);
  });

  it('says when only the text could be copied', async () => {
    vi.mocked(copyTable).mockResolvedValueOnce('text');
    renderElement(<ExportButtons />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy table' }));
    expect(
      await screen.findByText(
        /as a table \(as plain text: this browser did not take the formatted/,
      ),
    ).toBeInTheDocument();
  });

  it('says when the clipboard is refused', async () => {
    vi.mocked(copyTable).mockResolvedValueOnce('failed');
    renderElement(<ExportButtons />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy table' }));
    expect(await screen.findByText(/did not allow copying/)).toBeInTheDocument();
  });

  it('warns which fields the PDF cannot print, and only those', async () => {
    renderElement(<ExportButtons />);
    act(() => useAppStore.setState({ plan: fixturePlan({ ...fixtureNames(), agent1: 'Łódź' }) }));
    expect(screen.queryByText(/cannot show/)).not.toBeInTheDocument();
    act(() => useAppStore.setState({ plan: fixturePlan({ ...fixtureNames(), filer: '東京' }) }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Download PDF: these fields use characters the PDF font cannot show; they print as “?”: Device "東京" name.',
    );
    expect(alert).not.toHaveTextContent(/Łódź/);
  });

  it('loads the PDF font for text outside WinAnsi and embeds it', async () => {
    renderElement(<ExportButtons />);
    act(() =>
      useAppStore.setState({ plan: fixturePlan({ ...fixtureNames(), filer: 'Filer Łódź' }) }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(loadPdfFonts).toHaveBeenCalledTimes(1);
    const content = vi.mocked(downloadFile).mock.calls[0]?.[1] as Uint8Array;
    expect(new TextDecoder('latin1').decode(content)).toContain('/BaseFont /DejaVuSans');
  });

  it('renders the PDF on demand and downloads it', async () => {
    renderElement(<ExportButtons />);
    await userEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const [name, content, mime] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toMatch(/firewall-rules\.pdf$/);
    expect(mime).toBe('application/pdf');
    expect(new TextDecoder().decode((content as Uint8Array).slice(0, 5))).toBe('%PDF-');
    // A plan in Western European text does not need the PDF font.
    expect(loadPdfFonts).not.toHaveBeenCalled();
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
