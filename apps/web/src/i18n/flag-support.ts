import { flagEmoji } from './format';

let supported: boolean | null = null;

/**
 * Whether this device draws flag emoji as flags. Windows draws 🇪🇸 as the letters "ES", and a system
 * without a colour emoji font as two empty boxes; there the flag is left out (it is decoration,
 * the country name is the information). Found out once, by drawing a flag on a small canvas: a
 * flag has colour, letters and boxes drawn in black do not.
 */
export function flagEmojiSupported(): boolean {
  if (supported === null) supported = drawsFlagInColour();
  return supported;
}

function drawsFlagInColour(): boolean {
  // jsdom (unit tests) has no canvas and says so on the console: do not ask it.
  if (typeof navigator === 'undefined' || navigator.userAgent.includes('jsdom')) return false;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 24;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return false;
    context.fillStyle = '#000';
    context.textBaseline = 'top';
    context.font = '20px sans-serif';
    context.fillText(flagEmoji('fr'), 0, 0);
    return hasColour(context.getImageData(0, 0, 24, 24).data);
  } catch {
    return false;
  }
}

/** Whether any visible pixel (RGBA bytes) is clearly coloured rather than grey. */
export function hasColour(pixels: ArrayLike<number>): boolean {
  for (let i = 0; i + 3 < pixels.length; i += 4) {
    const r = pixels[i];
    const g = pixels[i + 1];
    const b = pixels[i + 2];
    if (pixels[i + 3] > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 64) return true;
  }
  return false;
}
