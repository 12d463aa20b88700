import { useCallback } from 'react';

import type { Plan } from '@/core/plan/model';
import { useAppStore } from '@/state/store';

/**
 * Applies a pure network edit (core/plan/edit.ts) to the plan as it is now (not as it was when
 * the component last rendered), in one change of plan.network.
 */
export function useNetworkEdit(): (edit: (plan: Plan) => Plan) => void {
  const setNetwork = useAppStore((s) => s.setNetwork);
  return useCallback(
    (edit) => {
      const before = useAppStore.getState().plan;
      const after = edit(before);
      if (after !== before && after.network !== before.network) setNetwork(after.network);
    },
    [setNetwork],
  );
}
