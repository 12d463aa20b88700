import { createTheme } from '@mui/material/styles';

/**
 * Light and dark schemes; MUI follows the operating system's preference. In the dark scheme,
 * text on coloured buttons is chosen for a 4.5:1 contrast (WCAG AA): white on the dark
 * scheme's red (a destructive "Replace") is only 3.7:1.
 */
export const theme = createTheme({
  colorSchemes: { light: true, dark: { palette: { contrastThreshold: 4.5 } } },
  cssVariables: { colorSchemeSelector: 'media' },
  typography: {
    fontFamily: 'Roboto, system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif',
  },
  shape: { borderRadius: 8 },
});
