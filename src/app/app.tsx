import CssBaseline from '@mui/material/CssBaseline';
import GlobalStyles from '@mui/material/GlobalStyles';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';

import { watchOtherTabs } from '@/state/store';

import { AppErrorBoundary } from './error-boundary';
import { GlobalErrorSnackbar } from './global-error-snackbar';
import { createAppRouter } from './router';
import { theme } from './theme';

/** Print: only the content (header, stepper and buttons carry the class "no-print"). */
const printStyles = {
  '@media print': {
    '.no-print': { display: 'none !important' },
    body: { backgroundColor: '#fff' },
    main: { paddingTop: '0 !important' },
  },
  // Paper is white: in dark mode, print dark text on white rather than the screen's light text.
  '@media print and (prefers-color-scheme: dark)': {
    ':root': { colorScheme: 'light' },
    '*, *::before, *::after': {
      color: '#000 !important',
      backgroundColor: 'transparent !important',
      borderColor: '#bbb !important',
      boxShadow: 'none !important',
    },
  },
} as const;

export function App() {
  const [router] = useState(createAppRouter);
  // Another tab saved the plan: take it, or ask when this tab has changes of its own.
  useEffect(() => watchOtherTabs(), []);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <GlobalStyles styles={printStyles} />
      <AppErrorBoundary>
        <RouterProvider router={router} />
      </AppErrorBoundary>
      <GlobalErrorSnackbar />
    </ThemeProvider>
  );
}
