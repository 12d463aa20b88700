import { createHashRouter, Navigate } from 'react-router';

import { HomePage } from '@/features/home/home-page';

import { RouteErrorFallback } from './error-boundary';
import { Layout } from './layout';
import { NotFound } from './not-found';

async function loadPlanner() {
  const { PlannerPage } = await import('@/features/planner/shell/planner-page');
  return { Component: PlannerPage };
}

async function loadOpenLink() {
  const { OpenLinkPage } = await import('@/features/open-link/open-link-page');
  return { Component: OpenLinkPage };
}

export function createAppRouter() {
  return createHashRouter([
    {
      element: <Layout />,
      errorElement: <RouteErrorFallback />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'plan', element: <Navigate to="/plan/topology" replace /> },
        // The planner, the link opener and the reference load on demand (catalog, resolver and
        // exporters stay out of the home page's first load; see npm run budget).
        { path: 'plan/:stepId', lazy: loadPlanner },
        // Permalinks: #/open/<payload>; #/open alone shows the "no plan in this link" alert.
        { path: 'open', lazy: loadOpenLink },
        { path: 'open/:payload', lazy: loadOpenLink },
        {
          path: 'reference',
          lazy: async () => {
            const { ReferencePage } = await import('@/features/reference/reference-page');
            return { Component: ReferencePage };
          },
        },
        { path: '*', element: <NotFound /> },
      ],
    },
  ]);
}
