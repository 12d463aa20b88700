/**
 * The optional Network step (plan.network): zones by paste, a firewall and its interfaces, the
 * hosts and the zone each lands in, the paths and "Copy Mermaid".
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { createDefaultPlan } from '@/core/plan/model';
import { focusField } from '@/features/planner/shell/focus-field';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { copyText } from '@/lib/clipboard';
import { downloadFile } from '@/lib/download-file';
import { objectUrl } from '@/lib/object-url';
import { useAppStore } from '@/state/store';

import { makeAgent, makeDevice } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

vi.mock('@/lib/clipboard', () => ({ copyText: vi.fn() }));
vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));
vi.mock('@/lib/object-url', () => ({
  objectUrl: vi.fn(() => 'blob:diagram'),
  revokeObjectUrl: vi.fn(),
}));
vi.setConfig({ testTimeout: 30_000 });

function renderNetwork() {
  return renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], '/plan/network');
}

const network = () => useAppStore.getState().plan.network;

/** Console 10.1.0.10, an agent known by name only, a Qumulo 10.2.0.5 and Exchange Online. */
function samplePlan(): void {
  act(() => {
    useAppStore.getState().setPlan({
      ...createDefaultPlan(),
      console: { name: 'Console', address: '10.1.0.10' },
      agents: [makeAgent(1, { address: 'agent01.corp.example.com' })],
      devices: [
        makeDevice('qumulo', 1, { name: 'Qumulo NYC', addresses: ['10.2.0.5'] }),
        makeDevice('exchange-online', 2, { name: 'Exchange' }),
      ],
      microsoftTenant: 'contoso',
    });
  });
}

async function addZone(user: ReturnType<typeof userEvent.setup>, name: string, cidrs: string) {
  await user.click(screen.getByRole('button', { name: 'Add zone' }));
  const n = network().zones.length;
  const field = screen.getByLabelText(`Zone ${n} name`);
  // The new zone's name takes the focus: type it straight away.
  expect(field).toHaveFocus();
  await user.clear(field);
  await user.keyboard(name);
  await user.click(screen.getByLabelText(`Zone ${n} CIDR blocks`));
  await user.paste(cidrs);
}

describe('Network step', () => {
  it('says it is optional and that without zones only host firewall rules are written', () => {
    renderNetwork();
    expect(screen.getByRole('heading', { level: 2, name: 'Network' })).toBeVisible();
    expect(screen.getByText(/^Optional\./)).toHaveTextContent(
      /Without zones, the planner only writes the rules of the hosts’ own firewalls/,
    );
    expect(network().zones).toEqual([]);
    // Nothing to draw yet.
    expect(screen.getByRole('button', { name: 'Copy Mermaid' })).toBeDisabled();
  });

  it('adds three zones by pasting their blocks; a bad line is reported and nothing applied', async () => {
    const user = userEvent.setup({ delay: null });
    renderNetwork();
    samplePlan();
    await addZone(user, 'Servers', '10.1.0.0/16, 10.3.0.0/16');
    await addZone(user, 'NAS', '10.2.0.0/16\n2001:db8:2::/48');
    await addZone(user, 'DMZ', '192.0.2.0/24\n198.51.100.0/33');
    expect(network().zones.map((z) => [z.id, z.name, z.cidrs])).toEqual([
      ['zone-1', 'Servers', ['10.1.0.0/16', '10.3.0.0/16']],
      ['zone-2', 'NAS', ['10.2.0.0/16', '2001:db8:2::/48']],
      // Not applied: line 2 is no CIDR block.
      ['zone-3', 'DMZ', []],
    ]);
    const dmz = screen.getByLabelText('Zone 3 CIDR blocks');
    expect(dmz).toHaveAttribute('aria-invalid', 'true');
    expect(dmz).toHaveAccessibleDescription(
      /Not applied yet.*Line 2: "198\.51\.100\.0\/33" is not a valid CIDR block/,
    );
    // Nothing typed is lost: the text stays after leaving the step and coming back.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText('Zone 3 CIDR blocks')).toHaveValue(
      '192.0.2.0/24\n198.51.100.0/33',
    );
    await user.click(screen.getByRole('button', { name: 'Keep the good block only' }));
    expect(network().zones[2]?.cidrs).toEqual(['192.0.2.0/24']);
    expect(screen.getByLabelText('Zone 3 CIDR blocks')).not.toHaveAttribute('aria-invalid', 'true');
    // Each zone lists the plan's hosts that land in it.
    const zones = screen.getByRole('list', { name: 'Zones' });
    const servers = within(zones).getByRole('listitem', { name: 'Zone 1: Servers' });
    expect(within(servers).getByRole('list', { name: '1 host lands here' })).toHaveTextContent(
      'Console (10.1.0.10)',
    );
    const nas = within(zones).getByRole('listitem', { name: 'Zone 2: NAS' });
    expect(nas).toHaveTextContent('Qumulo NYC (10.2.0.5)');
  });

  it('adds one firewall with three interfaces facing the zones and the Internet', async () => {
    const user = userEvent.setup({ delay: null });
    renderNetwork();
    samplePlan();
    await addZone(user, 'Servers', '10.1.0.0/16');
    await addZone(user, 'NAS', '10.2.0.0/16');
    // The agent is known by name only: its zone is chosen by hand.
    await user.selectOptions(
      screen.getByLabelText('Zone of Agent server 1 (agent01.corp.example.com)'),
      'Servers',
    );
    // No firewall yet: the flows between the zones have no path.
    expect(screen.getByRole('list', { name: 'Paths between zones' })).toHaveTextContent(
      /NAS → Servers \(\d+ flows?\): no path: no firewall joins these zones\./,
    );
    await user.click(screen.getByRole('button', { name: 'Add firewall' }));
    expect(screen.getByLabelText('Firewall 1 name')).toHaveFocus();
    await user.clear(screen.getByLabelText('Firewall 1 name'));
    await user.keyboard('Core');
    await user.selectOptions(screen.getByLabelText('Firewall 1 kind'), 'PAN-OS');
    await user.click(screen.getByRole('button', { name: 'Add interface to firewall 1' }));
    expect(screen.getByLabelText('Firewall 1 interface 3 name')).toHaveFocus();
    for (const [m, zone] of [
      [1, 'Servers'],
      [2, 'NAS'],
      [3, /^Internet/],
    ] as const) {
      await user.click(screen.getByRole('combobox', { name: `Firewall 1 interface ${m} zones` }));
      await user.click(screen.getByRole('option', { name: zone }));
      await user.keyboard('{Escape}');
    }
    expect(network().firewalls).toEqual([
      {
        id: 'fw-1',
        name: 'Core',
        kind: 'panos',
        interfaces: [
          { id: 'if-1', name: 'Interface 1', zones: ['zone-1'] },
          { id: 'if-2', name: 'Interface 2', zones: ['zone-2'] },
          { id: 'if-3', name: 'Interface 3', zones: ['internet'] },
        ],
      },
    ]);
    expect(
      screen.getByRole('combobox', { name: 'Firewall 1 interface 3 zones' }),
    ).toHaveTextContent('Internet');
    // The paths in words: the flows cross Core between the zones.
    const paths = screen.getByRole('list', { name: 'Paths between zones' });
    expect(paths).toHaveTextContent(
      /NAS → Servers \(\d+ flows?\): through Core \(Interface 2 → Interface 1\)\./,
    );
  });

  it('flags a host in no zone, and places it by hand', async () => {
    const user = userEvent.setup({ delay: null });
    renderNetwork();
    samplePlan();
    await addZone(user, 'Servers', '10.1.0.0/16');
    const hosts = screen.getByRole('list', { name: 'Hosts and their zones' });
    const agent = within(hosts)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('agent01.corp.example.com'));
    expect(agent).toHaveTextContent('In no zone: known by name only');
    const qumulo = within(hosts)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('10.2.0.5'));
    expect(qumulo).toHaveTextContent('In no zone: no zone’s CIDR block holds it');
    expect(screen.getByText(/^2 hosts are in no zone/)).toBeVisible();
    await user.selectOptions(
      screen.getByLabelText('Zone of Agent server 1 (agent01.corp.example.com)'),
      'Servers',
    );
    expect(network().assignments).toEqual([
      { address: 'agent01.corp.example.com', zoneId: 'zone-1' },
    ]);
    expect(agent).toHaveTextContent('Servers (chosen by hand)');
    expect(screen.getByText(/^1 host is in no zone/)).toBeVisible();
    // "Go to field" for the choice: its select carries the assignment's plan path.
    expect(focusField('network.assignments.0')).toBe(true);
    expect(
      screen.getByLabelText('Zone of Agent server 1 (agent01.corp.example.com)'),
    ).toHaveFocus();
  });

  it('asks before removing a zone in use, naming what uses it', async () => {
    const user = userEvent.setup({ delay: null });
    renderNetwork();
    samplePlan();
    await addZone(user, 'Servers', '10.1.0.0/16');
    await addZone(user, 'Spare', '10.9.0.0/16');
    await user.selectOptions(
      screen.getByLabelText('Zone of Agent server 1 (agent01.corp.example.com)'),
      'Servers',
    );
    // Not in use: removed at once.
    await user.click(screen.getByRole('button', { name: 'Remove zone 2 (Spare)' }));
    expect(network().zones.map((z) => z.name)).toEqual(['Servers']);
    await user.click(screen.getByRole('button', { name: 'Remove zone 1 (Servers)' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove zone 1 ("Servers")?' });
    expect(dialog).toHaveTextContent('One host is placed in it by hand.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(network().zones).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Remove zone 1 (Servers)' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    expect(network().zones).toEqual([]);
    expect(network().assignments).toEqual([]);
  });

  it('"Go to field" reaches a zone\'s blocks and a firewall\'s interface', async () => {
    const user = userEvent.setup({ delay: null });
    renderNetwork();
    samplePlan();
    await addZone(user, 'Servers', '10.1.0.0/16');
    await addZone(user, 'NAS', '10.2.0.0/16');
    await user.click(screen.getByRole('button', { name: 'Add firewall' }));
    expect(focusField('network.zones.1.cidrs.0')).toBe(true);
    expect(screen.getByLabelText('Zone 2 CIDR blocks')).toHaveFocus();
    expect(focusField('network.firewalls.0.interfaces.1')).toBe(true);
    expect(screen.getByLabelText('Firewall 1 interface 2 name')).toHaveFocus();
  });

  it('copies the diagram as Mermaid text', async () => {
    vi.mocked(copyText).mockResolvedValue(true);
    const user = userEvent.setup({ delay: null });
    renderNetwork();
    samplePlan();
    await addZone(user, 'Servers', '10.1.0.0/16');
    await user.click(screen.getByRole('button', { name: 'Copy Mermaid' }));
    expect(vi.mocked(copyText).mock.calls.at(-1)?.[0]).toMatch(/^flowchart LR\n {2}z0\["Servers/);
    expect(await screen.findByRole('status')).toHaveTextContent(/Copied the diagram as Mermaid/);
  });

  it('draws the diagram as an image and downloads it as SVG', async () => {
    const user = userEvent.setup({ delay: null });
    renderNetwork();
    samplePlan();
    expect(screen.queryByRole('region', { name: 'Network diagram' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download diagram (SVG)' })).toBeDisabled();
    await addZone(user, 'Servers <&> "1"', '10.1.0.0/16');
    const image = await within(screen.getByRole('region', { name: 'Network diagram' })).findByRole(
      'img',
    );
    expect(image).toHaveAttribute('src', 'blob:diagram');
    // Servers and the Internet zone (Exchange Online's flows go there).
    expect(image).toHaveAttribute(
      'alt',
      expect.stringMatching(/^Network diagram: 2 zones, 0 firewalls/),
    );
    const [svg, mime] = vi.mocked(objectUrl).mock.calls.at(-1) ?? [];
    expect(mime).toBe('image/svg+xml');
    expect(svg).toContain('<title>Zone: Servers &lt;&amp;&gt; &quot;1&quot;</title>');
    await user.click(screen.getByRole('button', { name: 'Download diagram (SVG)' }));
    await waitFor(() => expect(downloadFile).toHaveBeenCalled());
    expect(vi.mocked(downloadFile).mock.calls.at(-1)).toEqual([
      'activity-monitor-deployment-network-diagram.svg',
      svg,
      'image/svg+xml',
    ]);
  });
});
