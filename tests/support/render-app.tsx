import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { createMemoryRouter, RouterProvider } from 'react-router';

import { theme } from '@/app/theme';

import { resetStore } from './reset-store';

/** Renders routes at a URL inside the app's theme, with a fresh store (resetStore). */
export function renderRoutes(routes: RouteObject[], url = '/') {
  resetStore();
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
