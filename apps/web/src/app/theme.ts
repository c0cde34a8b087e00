/**
 * Visual theme: the EU flag's blue as primary, yellow only as an accent (never behind text), and
 * muted and error text dark enough for WCAG AA (Mantine's defaults are too light on white).
 */
import {
  Alert,
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

// Shade 7 is the EU flag blue (#003399); 9 is used for text on light badges.
const euBlue: MantineColorsTuple = [
  '#eaf0fb',
  '#d3def5',
  '#a6bdeb',
  '#7699e0',
  '#4d7ad6',
  '#2f63cf',
  '#1549bd',
  '#003399',
  '#002a80',
  '#001f5f',
];

const euYellow: MantineColorsTuple = [
  '#fffbe5',
  '#fff4c2',
  '#ffeb8f',
  '#ffe05c',
  '#ffd633',
  '#ffcc00',
  '#e6b800',
  '#b38f00',
  '#806600',
  '#4d3d00',
];

export const theme = createTheme({
  primaryColor: 'euBlue',
  primaryShade: { light: 7, dark: 4 },
  colors: { euBlue, euYellow },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  // Keyboard users always see where they are; mouse clicks do not leave rings behind.
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // A light orange alert's title (Mantine: #d9480f on #ffe8cc, 3.6:1) is darkened to reach
    // 4.5:1; the other colours' titles already do.
    Alert: Alert.extend({
      vars: (_theme, props) =>
        props.color === 'orange' && (props.variant ?? 'light') === 'light'
          ? { root: { '--alert-color': '#9c3408' } }
          : { root: {} },
    }),
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Field errors are small text: red-9 reaches 4.5:1 on white, Mantine's default red does not.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
