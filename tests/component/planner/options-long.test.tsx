/**
 * The Options step of a plan with many devices (issue 18): the first sections paint at once and
 * the rest follow, every one in the end; a "Go to field" request for a device further down
 * renders them all first and focuses that field.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { OPTIONS_FIRST } from '@/features/planner/options/options-step';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { makePlan } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

vi.setConfig({ testTimeout: 60_000 });

const DEVICES = 150;
const deviceHeadings = () => screen.queryAllByRole('heading', { level: 4 }).length;

function renderOptions() {
  const view = renderRoutes(
    [{ path: '/plan/:stepId', element: <PlannerPage /> }],
    '/plan/topology',
  );
  act(() => {
    useAppStore.setState({
      plan: makePlan({ agents: 2, devices: DEVICES, environments: ['nutanix'] }),
    });
  });
  return view;
}

describe('Options step of many devices', () => {
  it('paints the first sections at once, then every device', async () => {
    const { router } = renderOptions();
    await act(() => router.navigate('/plan/options'));
    await screen.findByRole('heading', { level: 2, name: 'Options' });
    expect(deviceHeadings()).toBe(OPTIONS_FIRST);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(
      `Listing the options of ${DEVICES - OPTIONS_FIRST} more devices`,
    );
    await waitFor(() => expect(deviceHeadings()).toBe(DEVICES), { timeout: 30_000 });
    expect(screen.queryByText(/Listing the options of/)).toBeNull();
  });

  it('renders every section at once for "Go to field" and focuses the field far down', async () => {
    const { router } = renderOptions();
    const field = `devices.${DEVICES - 3}.options.nutanixPort`;
    await act(() => router.navigate('/plan/options', { state: { focusField: field } }));
    await screen.findByRole('heading', { level: 2, name: 'Options' });
    expect(deviceHeadings()).toBe(DEVICES);
    const control = document.querySelector(`[data-field="${field}"] input`);
    expect(control).not.toBeNull();
    expect(control).toHaveFocus();
  });
});
