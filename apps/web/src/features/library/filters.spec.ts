import { describe, expect, it } from '@jest/globals';
import {
  activeFilterCount,
  apiQuery,
  filtersFromParams,
  paramsFromFilters,
  withFilter,
} from './filters';

const CITY = '0b6a4f4e-3c1d-4a55-9c1e-5b7f2d2a9e10';

describe('library filters in the address', () => {
  it('reads every known filter', () => {
    const params = new URLSearchParams(
      `kind=good_practice&theme=circular-economy&sdg=11&region=europe&country=it&city=${CITY}&language=it&year=2024&featured=true&status=submitted&q=procurement&sort=relevance`,
    );
    expect(filtersFromParams(params)).toEqual({
      kind: 'good_practice',
      theme: 'circular-economy',
      sdg: 11,
      region: 'europe',
      country: 'IT',
      city: CITY,
      language: 'it',
      year: 2024,
      featured: true,
      status: 'submitted',
      q: 'procurement',
      sort: 'relevance',
    });
  });

  it('drops what it does not know instead of failing', () => {
    const params = new URLSearchParams(
      'kind=poem&theme=x&sdg=18&region=mars&country=ITA&city=42&language=xx&year=20x4&featured=1&sort=random&q=%20%20',
    );
    expect(filtersFromParams(params)).toEqual({});
  });

  it('writes the filters back in a stable order, empty ones left out', () => {
    const params = paramsFromFilters({
      sort: 'newest',
      year: 2023,
      q: 'bike lanes',
      kind: 'toolkit',
      featured: false,
    });
    expect(params.toString()).toBe('q=bike+lanes&kind=toolkit&year=2023&sort=newest');
  });

  it('round-trips', () => {
    const filters = { kind: 'report', sdg: 7, city: CITY, featured: true } as const;
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it('changes and clears one filter without touching the others', () => {
    const start = { kind: 'report', sdg: 7 } as const;
    expect(withFilter(start, 'sdg', 3)).toEqual({ kind: 'report', sdg: 3 });
    expect(withFilter(start, 'kind', '')).toEqual({ sdg: 7 });
    expect(start).toEqual({ kind: 'report', sdg: 7 });
  });

  it('counts the narrowing filters, not the text or the sort', () => {
    expect(activeFilterCount({ q: 'x', sort: 'newest' })).toBe(0);
    expect(activeFilterCount({ kind: 'report', year: 2020, featured: true })).toBe(3);
  });

  it('asks the API for relevance when there is a text and no chosen sort', () => {
    expect(apiQuery({ q: 'water' })).toEqual({ q: 'water', sort: 'relevance' });
    expect(apiQuery({})).toEqual({ sort: 'newest' });
    expect(apiQuery({ q: 'water', sort: 'newest' }, 'abc')).toEqual({
      q: 'water',
      sort: 'newest',
      cursor: 'abc',
    });
  });
});
