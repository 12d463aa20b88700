import { createHashRouter, Navigate } from 'react-router';

import { HomePage } from '@/features/home/home-page';
import { PlannerPage } from '@/features/planner/planner-page';

import { Layout } from './layout';
import { NotFound } from './not-found';

export function createAppRouter() {
  return createHashRouter([
    {
      element: <Layout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'plan', element: <Navigate to="/plan/topology" replace /> },
        { path: 'plan/:stepId', element: <PlannerPage /> },
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
