import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import type { ReactNode } from 'react';

/**
 * Light and dark color schemes chosen by the system setting (`prefers-color-scheme`), through CSS variables and
 * a media query, so there is no flash and nothing is stored. MUI's palettes (with a darker light-scheme blue and
 * a lighter dark-scheme error red) meet WCAG AA contrast for text and controls in both schemes, hovered or not;
 * focus is made clearly visible on every interactive element.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'media' },
  colorSchemes: {
    // MUI's default blue falls to 4.4:1 on its own hover tint; one shade darker keeps text buttons AA when hovered.
    light: { palette: { primary: { main: '#1565c0' } } },
    // MUI's dark error red with white text is below 4.5:1; a lighter red with dark text passes, also as text. Filled
    // alerts (the toasts) take the dark shade of their colour: MUI's green and blue ones with white text fall
    // under 4.5:1 too, so they are lighter and take dark text.
    dark: {
      palette: {
        error: { main: '#f28b82', light: '#f6aea9', dark: '#e57373', contrastText: 'rgba(0, 0, 0, 0.87)' },
        success: { main: '#66bb6a', light: '#81c784', dark: '#66bb6a', contrastText: 'rgba(0, 0, 0, 0.87)' },
        info: { main: '#29b6f6', light: '#4fc3f7', dark: '#29b6f6', contrastText: 'rgba(0, 0, 0, 0.87)' },
      },
    },
  },
  components: {
    MuiDialogActions: {
      // Buttons line up with the content's edge (24 px) instead of standing 16 px beyond it.
      styleOverrides: { root: ({ theme }) => ({ padding: theme.spacing(1, 3, 2) }) },
    },
    MuiButtonBase: {
      styleOverrides: {
        root: {
          '&.Mui-focusVisible': { outline: '2px solid currentColor', outlineOffset: 2 },
        },
      },
    },
    // The focus outline marks focus; the pulsing ripple MUI adds inside it only washes the label out.
    MuiIconButton: { defaultProps: { disableFocusRipple: true } },
    MuiButton: {
      defaultProps: { disableFocusRipple: true },
      styleOverrides: {
        root: ({ theme }) => ({
          textTransform: 'none',
          '&.MuiButton-contained.Mui-focusVisible': { outlineColor: theme.vars.palette.primary.main },
        }),
      },
    },
    MuiLink: {
      defaultProps: { underline: 'always' },
      styleOverrides: {
        root: { '&:focus-visible': { outline: '2px solid currentColor', outlineOffset: 2, borderRadius: 2 } },
      },
    },
  },
});

export function AppTheme({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider theme={theme} defaultMode="system" storageManager={null}>
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}
