import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { HomePage } from '@/features/home/home-page';

import { renderRoutes } from '../../support/render-app';

describe('HomePage', () => {
  it('starts a new plan at the topology step', async () => {
    const { router } = renderRoutes([
      { path: '/', element: <HomePage /> },
      { path: '/plan/:stepId', element: <p>planner</p> },
    ]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/firewall openings/i);
    await userEvent.click(screen.getByRole('link', { name: 'Start a new plan' }));
    expect(router.state.location.pathname).toBe('/plan/topology');
  });
});
