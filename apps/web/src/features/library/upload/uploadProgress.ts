/** Pure pieces of the upload list: the upload id in tus's address, and what to announce when. */

/**
 * The upload id the API wants in `uploadIds`: the last path segment of the upload's address
 * (`Location: /api/uploads/<id>`, made absolute by tus-js-client). Null when there is none.
 */
export function uploadIdFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url, 'http://localhost').pathname;
  } catch {
    return null;
  }
  const segments = path.split('/').filter(Boolean);
  const id = segments.at(-1);
  if (!id || segments.at(-2) !== 'uploads') return null;
  return decodeURIComponent(id);
}

/** Percent done, 0–100 (whole numbers; 100 only when every byte is sent). */
export function percentOf(sent: number, total: number): number {
  if (total <= 0) return sent >= total ? 100 : 0;
  if (sent >= total) return 100;
  return Math.min(99, Math.floor((sent / total) * 100));
}

export const ANNOUNCED_STEPS = [25, 50, 75, 100] as const;

/**
 * The step (25, 50, 75 or 100 %) passed when progress moves from `before` to `after`, for the live
 * region: screen readers hear four messages per file, not one per chunk. The highest step passed
 * wins when a jump passes several; null when none was passed.
 */
export function announcedStep(before: number, after: number): number | null {
  let passed: number | null = null;
  for (const step of ANNOUNCED_STEPS) if (before < step && after >= step) passed = step;
  return passed;
}

/** Bytes in words: "40 MB", "512 kB" (decimal units, the reader's digits). */
export function sizeLabel(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}
