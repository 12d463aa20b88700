import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { serializePlanFile } from '@/core/exporters/plan-file';
import { createDefaultPlan } from '@/core/plan/model';
import { useAppStore } from '@/state/store';
import { usePlanFileOpener } from '@/state/use-plan-file-opener';

import { fixturePlan } from '../../fixtures/resolution-fixture';

beforeEach(() => useAppStore.setState({ plan: createDefaultPlan(), planFileNotice: null }));

describe('usePlanFileOpener', () => {
  it('waits for a catalog loaded on demand, then opens the plan', async () => {
    const onOpened = vi.fn();
    const { result } = renderHook(() =>
      usePlanFileOpener({ catalogVersion: () => Promise.resolve('other'), onOpened }),
    );
    act(() =>
      result.current.onText(
        serializePlanFile(fixturePlan(), {
          catalogVersion: 'x',
          docsRevision: 'netwrix/docs@a8b312c3',
        }),
      ),
    );
    await waitFor(() => expect(onOpened).toHaveBeenCalledTimes(1));
    expect(useAppStore.getState().plan).toEqual(fixturePlan());
    expect(onOpened.mock.calls[0]?.[0]).toMatchObject({
      warnings: [expect.stringMatching(/saved with catalog "x"; this planner uses catalog other/)],
    });
  });

  it('says so when the catalog cannot be loaded, and keeps the plan', async () => {
    const onOpened = vi.fn();
    const { result } = renderHook(() =>
      usePlanFileOpener({
        catalogVersion: () => Promise.reject(new Error('Failed to fetch a module')),
        onOpened,
      }),
    );
    act(() =>
      result.current.onText(
        serializePlanFile(fixturePlan(), {
          catalogVersion: 'x',
          docsRevision: 'netwrix/docs@a8b312c3',
        }),
      ),
    );
    await waitFor(() =>
      expect(result.current.errors).toEqual([
        "The planner's catalog could not be loaded (Failed to fetch a module); reload the page and try again.",
      ]),
    );
    expect(onOpened).not.toHaveBeenCalled();
    expect(useAppStore.getState().plan).toEqual(createDefaultPlan());
  });
});
