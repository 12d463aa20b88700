import { createTheme } from '@mui/material/styles';

/** Light and dark schemes; MUI follows the operating system's preference. */
export const theme = createTheme({
  colorSchemes: { light: true, dark: true },
  cssVariables: { colorSchemeSelector: 'media' },
  typography: {
    fontFamily: 'Roboto, system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif',
  },
  shape: { borderRadius: 8 },
});
