import { describe, expect, it } from '@jest/globals';
import { flagEmojiSupported, hasColour } from './flag-support';

const pixel = (r: number, g: number, b: number, a = 255) => [r, g, b, a];

describe('flag emoji support', () => {
  it('sees a drawn flag by its colour', () => {
    expect(hasColour([...pixel(0, 0, 0, 0), ...pixel(0, 35, 149), ...pixel(255, 255, 255)])).toBe(
      true,
    );
  });

  it('takes black or grey letters, empty boxes and blank pixels for no flag', () => {
    expect(hasColour([...pixel(0, 0, 0), ...pixel(128, 128, 128, 120), ...pixel(30, 30, 40)])).toBe(
      false,
    );
    expect(hasColour([...pixel(255, 0, 0, 0)])).toBe(false);
    expect(hasColour([])).toBe(false);
  });

  it('leaves the flag out where it cannot look (no canvas in jsdom)', () => {
    expect(flagEmojiSupported()).toBe(false);
  });
});
