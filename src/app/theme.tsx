import CssBaseline from '@mui/material/CssBaseline';
import { createTheme, ThemeProvider } from '@mui/material/styles';
import type { ReactNode } from 'react';

// Windows High Contrast and other forced-colour modes replace every colour with a few system ones and drop
// backgrounds and shadows: what tells states apart there must be a border, an outline, an icon or a word.
const FORCED_COLORS = '@media (forced-colors: active)';

/**
 * Light and dark color schemes chosen by the system setting (`prefers-color-scheme`), through CSS variables and
 * a media query, so there is no flash and nothing is stored. MUI's palettes (with a darker light-scheme blue and
 * a lighter dark-scheme error red) meet WCAG AA contrast for text and controls in both schemes, hovered or not;
 * focus is made clearly visible on every interactive element. With reduced motion asked for, nothing moves or
 * fades; in forced colours, boxes keep their edges and the selected filter its highlight.
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
  // MUI's own transitions (dialogs, menus, ripples) follow prefers-reduced-motion; the CSS ones are below.
  motion: { reducedMotion: 'system' },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        // Hover and focus colour changes, spinners and skeleton pulses too: the change happens, without motion.
        '@media (prefers-reduced-motion: reduce)': {
          '*, *::before, *::after': {
            transitionDuration: '0s !important',
            transitionDelay: '0s !important',
            animationDuration: '0s !important',
            animationIterationCount: '1 !important',
            scrollBehavior: 'auto !important',
          },
        },
      },
    },
    MuiPaper: {
      // Dialogs, menus and the app bar lose their shadow and background: an edge keeps them apart from the page.
      styleOverrides: { root: { [FORCED_COLORS]: { '&.MuiPaper-elevation': { border: '1px solid CanvasText' } } } },
    },
    MuiAlert: { styleOverrides: { root: { [FORCED_COLORS]: { border: '1px solid CanvasText' } } } },
    MuiChip: {
      styleOverrides: {
        root: {
          [FORCED_COLORS]: {
            // A filled chip (an expired token's status) keeps an edge like the outlined ones.
            '&.MuiChip-filled': { border: '1px solid CanvasText' },
            // The pressed filter is highlighted in the system's selection colours, besides its check mark.
            '&[aria-pressed="true"]': {
              forcedColorAdjust: 'none',
              backgroundColor: 'Highlight',
              color: 'HighlightText',
              borderColor: 'Highlight',
              '& .MuiChip-icon, & .MuiChip-label': { color: 'HighlightText' },
            },
          },
        },
      },
    },
    MuiDialogActions: {
      // Buttons line up with the content's edge (24 px) instead of standing 16 px beyond it. On a narrow screen
      // (or at 400 % zoom) they wrap onto a second line rather than squeezing their labels onto two.
      styleOverrides: {
        root: ({ theme }) => ({
          padding: theme.spacing(1, 3, 2),
          flexWrap: 'wrap',
          gap: theme.spacing(1),
          '& > :not(style) ~ :not(style)': { marginLeft: 0 },
          '& .MuiButton-root': { whiteSpace: 'nowrap' },
        }),
      },
    },
    MuiDialog: {
      // MUI keeps 32 px around a dialog; at 320 px wide that leaves it 256 px. Phones get 16 px, except for
      // dialogs that fill the screen there.
      styleOverrides: {
        paper: ({ theme }) => ({
          [theme.breakpoints.down('sm')]: {
            '&:not(.MuiDialog-paperFullScreen)': {
              margin: theme.spacing(2),
              maxWidth: `calc(100% - ${theme.spacing(4)})`,
              '&.MuiDialog-paperFullWidth': { width: `calc(100% - ${theme.spacing(4)})` },
              '&.MuiDialog-paperScrollPaper': { maxHeight: `calc(100% - ${theme.spacing(4)})` },
            },
          },
        }),
      },
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
          [FORCED_COLORS]: {
            // A contained button's fill is gone: its border says it is a button. Disabled ones turn GrayText.
            '&.MuiButton-contained': { border: '1px solid ButtonBorder' },
            '&.Mui-disabled': { color: 'GrayText', borderColor: 'GrayText' },
          },
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
