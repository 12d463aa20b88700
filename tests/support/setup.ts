import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// The store's edit actions, as the planner's page provides them (src/state/plan-edits.ts).
import '@/state/plan-edits';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
