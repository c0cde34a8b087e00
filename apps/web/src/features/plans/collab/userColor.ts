/**
 * A person's colour for carets and avatars, chosen from their user id so it is the same on every
 * screen. Every colour carries white text at 4.5:1 or more (WCAG AA), and names are always written
 * beside it: the colour only helps to tell people apart.
 */
export const USER_COLORS = [
  '#b3261e',
  '#1e6b34',
  '#1a4fa0',
  '#6b2fa3',
  '#8a4a00',
  '#00695c',
  '#a3195b',
  '#455a64',
  '#4338ca',
  '#7a5200',
] as const;

/** A small, stable string hash (FNV-1a). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function userColor(userId: string): string {
  return USER_COLORS[hash(userId) % USER_COLORS.length];
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
