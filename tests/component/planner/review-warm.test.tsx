/**
 * The review's data is computed while the user is on an earlier step (issue 18): the step
 * change then finds it ready instead of deriving it on the click. Observed through the permalink
 * encoder, the most expensive of them for a large plan.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import * as codec from '@/core/permalink/codec';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { useAppStore } from '@/state/store';

import { makePlan } from '../../support/plan-builders';
import { renderRoutes } from '../../support/render-app';

vi.mock('@/core/permalink/codec', async (importOriginal) => {
  const actual = await importOriginal<typeof codec>();
  return { ...actual, encodePlan: vi.fn(actual.encodePlan) };
});

vi.setConfig({ testTimeout: 30_000 });

describe('review data computed ahead', () => {
  it('encodes the permalink while idle on an earlier step, and not again on opening the review', async () => {
    const encode = vi.mocked(codec.encodePlan);
    renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], '/plan/network');
    const plan = makePlan({ agents: 3, devices: 12, integrations: true });
    useAppStore.setState({ plan });
    encode.mockClear();
    await screen.findByRole('heading', { level: 2, name: 'Network' });
    await waitFor(() => expect(encode).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(encode.mock.calls[0]?.[0]).toBe(plan);

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Review & export' })).toBeVisible();
    expect(await screen.findByRole('heading', { name: 'Share' })).toBeVisible();
    expect(encode).toHaveBeenCalledTimes(1);
  });

  it('starts again after an edit: the new plan is encoded, once', async () => {
    const encode = vi.mocked(codec.encodePlan);
    renderRoutes([{ path: '/plan/:stepId', element: <PlannerPage /> }], '/plan/network');
    const plan = makePlan({ agents: 2, devices: 4, integrations: false });
    useAppStore.setState({ plan });
    await screen.findByRole('heading', { level: 2, name: 'Network' });
    await waitFor(() => expect(encode).toHaveBeenCalledWith(plan, expect.anything()), {
      timeout: 10_000,
    });
    encode.mockClear();
    const edited = { ...plan, name: 'Edited plan' };
    useAppStore.setState({ plan: edited });
    await waitFor(() => expect(encode).toHaveBeenCalledWith(edited, expect.anything()), {
      timeout: 10_000,
    });
    expect(encode).toHaveBeenCalledTimes(1);
  });
});
