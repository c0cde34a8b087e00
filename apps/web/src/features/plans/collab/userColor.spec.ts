import { describe, expect, it } from '@jest/globals';
import { contrastRatio, USER_COLORS, userColor } from './userColor';

describe('userColor', () => {
  it('gives every colour at least 4.5:1 against white text', () => {
    for (const color of USER_COLORS)
      expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('measures contrast like WCAG (black on white is 21:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('is stable per user and spreads users over the palette', () => {
    expect(userColor('d1c5d2b6-0c0a-4c2e-9d5c-2e4b1f3b6a10')).toBe(
      userColor('d1c5d2b6-0c0a-4c2e-9d5c-2e4b1f3b6a10'),
    );
    const ids = Array.from({ length: 40 }, (_, i) => `user-${i}`);
    expect(new Set(ids.map(userColor)).size).toBeGreaterThanOrEqual(6);
  });
});
