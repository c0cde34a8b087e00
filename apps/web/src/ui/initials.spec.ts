import { describe, expect, it } from '@jest/globals';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first and last word, without the city in brackets', () => {
    expect(initials('Lucía Ortega (Málaga)')).toBe('LO');
    expect(initials('Wang Li (Jingyue)')).toBe('WL');
    expect(initials('Stakeholder (Málaga – Jingyue)')).toBe('S');
    expect(initials('  ')).toBe('?');
  });
});
