import { describe, expect, it } from '@jest/globals';
import {
  activeFilterCount,
  filtersFromParams,
  paramsFromFilters,
  searchPath,
  yearOf,
  yearRange,
} from './params';

const UUID = '0b6f1f64-8a55-4d8e-9f5b-1a2b3c4d5e6f';

describe('search filters in the address', () => {
  it('reads known values and drops unknown ones', () => {
    const params = new URLSearchParams(
      `q=%20agua%20&kind=message&theme=nope&sdg=18&language=ES&pairingId=${UUID}&country=es&from=2026-01-01&to=bad`,
    );
    expect(filtersFromParams(params)).toEqual({
      q: 'agua',
      kind: 'message',
      language: 'es',
      pairingId: UUID,
      country: 'ES',
      from: '2026-01-01',
    });
  });

  it('writes them back in a stable order, nothing empty', () => {
    expect(
      paramsFromFilters({ sdg: 11, q: '交通', kind: 'plan-section', from: '' }).toString(),
    ).toBe('q=%E4%BA%A4%E9%80%9A&kind=plan-section&sdg=11');
    expect(searchPath({ q: 'a&b' })).toBe('/search?q=a%26b');
  });

  it('counts the filters besides the text and the kind', () => {
    expect(activeFilterCount({ q: 'x', kind: 'file', sdg: 3, from: '2025-01-01' })).toBe(2);
  });

  it('a year is the range of its days, and a range of one whole year is that year', () => {
    expect(yearRange('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(yearOf(yearRange('2025'))).toBe('2025');
    expect(yearOf({ from: '2025-01-01', to: '2025-06-30' })).toBeNull();
  });
});
