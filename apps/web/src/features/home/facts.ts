import type { PairingSummaryDto } from '@iuc/domain';

/** Counts over the whole directory: pairings, distinct cities, countries and partner regions. */
export function programmeFacts(pairings: PairingSummaryDto[]) {
  const authorities = pairings.flatMap((p) => [...p.eu, ...p.partner]);
  return {
    pairings: pairings.length,
    cities: new Set(authorities.map((a) => a.id)).size,
    countries: new Set(authorities.map((a) => a.countryIso)).size,
    regions: new Set(pairings.map((p) => p.region)).size,
  };
}
