import type { Theme } from '@mui/material/styles';
import { createTheme } from '@mui/material/styles';

/**
 * The keyboard focus ring (WCAG 2.2, 2.4.13 Focus Appearance): a solid 2 px outline, 2 px off
 * the control, so it is drawn on the surface around it. Light: primary.dark (#1565c0) is 5.7:1
 * on white; dark: primary.main (#90caf9) is 10:1 on the dark background, and both stay above
 * 3:1 on papers, dialogs and alerts. In the header (a primary-coloured bar) the ring takes the
 * bar's text colour, which contrasts with the bar by construction.
 */
function focusRing(theme: Theme) {
  const palette = (theme.vars ?? theme).palette;
  return {
    outline: `2px solid ${palette.primary.dark}`,
    outlineOffset: 2,
    ...theme.applyStyles('dark', { outlineColor: palette.primary.main }),
  };
}

/**
 * Light and dark schemes; MUI follows the operating system's preference. In the dark scheme,
 * text on coloured buttons is chosen for a 4.5:1 contrast (WCAG AA): white on the dark
 * scheme's red (a destructive "Replace") is only 3.7:1.
 *
 * index.html paints the header and a skeleton before the scripts run (src/app/app-shell.css);
 * it copies the header's colours and height from here: change both together.
 */
export const theme = createTheme({
  colorSchemes: { light: true, dark: { palette: { contrastThreshold: 4.5 } } },
  cssVariables: { colorSchemeSelector: 'media' },
  typography: {
    fontFamily: 'Roboto, system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif',
  },
  shape: { borderRadius: 8 },
  components: {
    // Buttons, icon buttons, step headers, tabs, menu items, checkboxes and radios.
    MuiButtonBase: {
      styleOverrides: { root: ({ theme }) => ({ '&.Mui-focusVisible': focusRing(theme) }) },
    },
    // A hovered text or outlined button gets a tinted background: in the light scheme the
    // label takes primary.dark (#1565c0, 5.5:1 on the tint) instead of primary.main (4.4:1).
    MuiButton: {
      styleOverrides: {
        root: ({ theme }) => ({
          '&.MuiButton-colorPrimary:is(.MuiButton-text, .MuiButton-outlined):hover':
            theme.applyStyles('light', { color: (theme.vars ?? theme).palette.primary.dark }),
        }),
      },
    },
    // A switch's focusable part sits inside a clipping root: the ring goes around the root.
    MuiSwitch: {
      styleOverrides: {
        root: ({ theme }) => ({
          '&:has(.Mui-focusVisible)': { ...focusRing(theme), borderRadius: 19 },
        }),
      },
    },
    // Tabs sit in a clipping scroller: the ring goes inside the tab.
    MuiTab: { styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: -2 } } } },
    MuiAppBar: {
      styleOverrides: {
        root: {
          '& a:focus-visible, & .MuiButtonBase-root.Mui-focusVisible': {
            outlineColor: 'currentColor',
          },
        },
      },
    },
    // Every MUI input injects the same two autofill keyframes as a global <style> of its own:
    // a table of 500 devices made 1,300 of them, each insertion making the browser recompute
    // the page's styles (seconds to open the Devices step). The keyframes are declared once
    // here (CssBaseline), and the inputs keep the autofill detection that uses them.
    MuiInputBase: {
      defaultProps: { disableInjectingGlobalStyles: true },
      styleOverrides: {
        input: {
          animationName: 'mui-auto-fill-cancel',
          animationDuration: '10ms',
          '&:-webkit-autofill': { animationDuration: '5000s', animationName: 'mui-auto-fill' },
        },
      },
    },
    MuiCssBaseline: {
      styleOverrides: (theme) => ({
        'a:focus-visible': focusRing(theme as Theme),
        // As InputBase declares them (non-empty for Emotion's production builds).
        '@keyframes mui-auto-fill': { from: { animationName: 'mui-auto-fill' } },
        '@keyframes mui-auto-fill-cancel': { from: { animationName: 'mui-auto-fill-cancel' } },
      }),
    },
  },
});
