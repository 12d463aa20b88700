import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { NotFound } from '@/app/not-found';
import { HomePage } from '@/features/home/home-page';
import { ReferencePage } from '@/features/reference/reference-page';

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

  it('sets the tab title of the home, Port reference and not-found pages', async () => {
    document.title = 'stale';
    const { router } = renderRoutes([
      { path: '/', element: <HomePage /> },
      { path: '/reference', element: <ReferencePage /> },
      { path: '*', element: <NotFound /> },
    ]);
    expect(document.title).toBe('Activity Monitor Firewall Planner');
    await act(() => router.navigate('/reference'));
    expect(document.title).toBe('Port reference · Activity Monitor Firewall Planner');
    await act(() => router.navigate('/nowhere'));
    expect(document.title).toBe('Page not found · Activity Monitor Firewall Planner');
  });
});
