import { createDefaultPlan } from '@/core/plan/model';
import { restartTabSession, useAppStore } from '@/state/store';

/**
 * The one way tests reset the app's store: as a fresh page load on an empty storage. The default
 * plan, no storage error, saving allowed, no conflict, and a new tab session whose baseline is
 * "nothing stored". renderRoutes and renderElement call it; tests of the store without a render
 * call it themselves.
 */
export function resetStore(): void {
  const plan = createDefaultPlan();
  useAppStore.setState({
    plan,
    storageError: null,
    storageBlocked: false,
    deviceView: null,
    lastAgentId: null,
  });
  window.localStorage.clear();
  restartTabSession({ raw: null, rev: 0 }, plan);
}
