import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { RouteObject } from 'react-router';

import { theme } from '@/app/theme';
import { createDefaultPlan } from '@/core/plan/model';
import { useAppStore } from '@/state/store';

/** Renders routes at a URL inside the app's theme, with a fresh store. */
export function renderRoutes(routes: RouteObject[], url = '/') {
  useAppStore.setState({ plan: createDefaultPlan(), storageError: null, planFileNotice: null });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const result = render(
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <RouterProvider router={router} />
    </ThemeProvider>,
  );
  return { ...result, router };
}

export function renderElement(element: ReactElement, url = '/') {
  return renderRoutes([{ path: '*', element }], url);
}
