import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ReviewStep } from '@/features/planner/review/review-step';
import { downloadFile } from '@/lib/download-file';
import { useAppStore } from '@/state/store';

import { hubAndSpokePlan } from '../../fixtures/network-diagram-plans';
import { makeDevice, planWith } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));

function renderStep() {
  return renderRoutes([{ path: '/plan/:stepId', element: <ReviewStep /> }], '/plan/review');
}

/** A Windows agent server, a Linux host running its own agent, a Qumulo appliance. */
function mixed() {
  return planWith({
    name: 'Contoso HQ',
    devices: [
      makeDevice('linux', 7, { name: 'RHEL01', addresses: ['10.2.0.7'], agentId: '' }),
      makeDevice('qumulo', 8, { name: 'Qumulo 1', addresses: ['10.2.0.8'] }),
    ],
  });
}

describe('By host: per-host downloads', () => {
  beforeEach(() => vi.mocked(downloadFile).mockClear());

  it("offers a server its script and its sheet, and an appliance none; the script holds that host's rules", async () => {
    const user = userEvent.setup({ delay: null });
    renderStep();
    act(() => useAppStore.getState().setPlan(mixed()));
    await user.click(screen.getByRole('button', { name: 'By host' }));

    const agent = screen.getByRole('group', { name: /^Agent server 1/ });
    const linux = screen.getByRole('group', { name: /^RHEL01/ });
    const qumulo = screen.getByRole('group', { name: /^Qumulo 1/ });
    expect(
      within(linux).getByRole('button', { name: 'firewalld script of this host' }),
    ).toBeVisible();
    expect(within(linux).queryByRole('button', { name: /PowerShell/ })).not.toBeInTheDocument();
    expect(within(qumulo).queryByRole('button', { name: /of this host/ })).not.toBeInTheDocument();

    await user.click(within(agent).getByRole('button', { name: 'PowerShell script of this host' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    const [name, script] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('contoso-hq-firewall-rules-agent-server-1.ps1');
    expect(String(script)).toContain('Agent server 1');
    expect(String(script)).not.toContain("'RHEL01'");

    await user.click(within(linux).getByRole('button', { name: 'CSV of this host' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(2));
    const [csvName, csv] = vi.mocked(downloadFile).mock.calls[1] ?? [];
    expect(csvName).toBe('contoso-hq-firewall-import-rhel01.csv');
    const rows = new TextDecoder()
      .decode(csv as Uint8Array)
      .trim()
      .split('\r\n')
      .slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain('10.2.0.7');
  });
});

describe('By firewall: per-firewall sheet', () => {
  beforeEach(() => vi.mocked(downloadFile).mockClear());

  it("downloads a firewall's sheet: its rules with their zones and interfaces", async () => {
    const user = userEvent.setup({ delay: null });
    renderStep();
    act(() => useAppStore.getState().setPlan(hubAndSpokePlan()));
    await user.click(screen.getByRole('button', { name: 'By firewall' }));
    const core = screen.getByRole('group', { name: /^Core/ });
    await user.click(within(core).getByRole('button', { name: 'CSV of this firewall' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
    const [name, csv, mime] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('hub-and-spoke-firewall-core.csv');
    expect(mime).toBe('text/csv;charset=utf-8');
    const records = String(csv)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(records[0]).toMatch(
      /^Firewall,Firewall kind,Firewall rule,Ingress interface,Source zone,/,
    );
    const rules = records.filter((r) => r.startsWith('Core,PAN-OS,AM-'));
    // Management to each of the three spokes, through e0 and out by the spoke's interface.
    expect(rules).toHaveLength(3);
    for (const [i, spoke] of ['Agents A', 'Agents B', 'Agents C'].entries()) {
      expect(
        rules.some(
          (r) =>
            r.includes(`e0 (Management),Management,`) &&
            r.includes(`e${i + 1} (${spoke}),${spoke},`),
        ),
      ).toBe(true);
    }
  });

  it('says which download failed for which firewall, and why', async () => {
    vi.mocked(downloadFile).mockImplementationOnce(() => {
      throw new Error('the disk is full');
    });
    const user = userEvent.setup({ delay: null });
    renderStep();
    act(() => useAppStore.getState().setPlan(hubAndSpokePlan()));
    await user.click(screen.getByRole('button', { name: 'By firewall' }));
    const core = screen.getByRole('group', { name: /^Core/ });
    await user.click(within(core).getByRole('button', { name: 'CSV of this firewall' }));
    expect(await within(core).findByRole('alert')).toHaveTextContent(
      '“CSV of this firewall” for Core failed: the disk is full.',
    );
    // The buttons are usable again.
    expect(within(core).getByRole('button', { name: 'CSV of this firewall' })).toBeEnabled();
  });
});
