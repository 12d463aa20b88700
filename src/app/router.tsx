import { createHashRouter, Navigate } from 'react-router';

import { HomePage } from '@/features/home/home-page';
import { OpenLinkPage } from '@/features/open-link/open-link-page';
import { PlannerPage } from '@/features/planner/planner-page';

import { RouteErrorFallback } from './error-boundary';
import { Layout } from './layout';
import { NotFound } from './not-found';

export function createAppRouter() {
  return createHashRouter([
    {
      element: <Layout />,
      errorElement: <RouteErrorFallback />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'plan', element: <Navigate to="/plan/topology" replace /> },
        { path: 'plan/:stepId', element: <PlannerPage /> },
        // Permalinks: #/open/<payload>; #/open alone shows the "no plan in this link" alert.
        { path: 'open', element: <OpenLinkPage /> },
        { path: 'open/:payload', element: <OpenLinkPage /> },
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
