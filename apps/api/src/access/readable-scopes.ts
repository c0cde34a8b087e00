import type { PairingSide } from '@iuc/domain';

/**
 * Where a person may read, for list and search queries: everywhere (programme staff), or the
 * programme-wide objects, the pairings they belong to and, within those, their own side.
 * What a kind shows in a scope (a draft, a published resource) is still the kind's own rule.
 */
export interface ReadableScopes {
  everywhere: boolean;
  pairingIds: string[];
  /** The sides the person works for: their pairing, side and city. */
  sides: { pairingId: string; side: PairingSide; authorityId: string }[];
}

/** Columns of a query's table that place its rows (the same columns a locator answers). */
export interface ScopeColumns {
  pairing: string;
  side: string;
  authority: string;
}

/**
 * WHERE fragments for a list or search query, with their parameters numbered from `$first`:
 * `inPairing` keeps rows of a pairing the person belongs to (or of none: programme-wide),
 * `onOwnSide` rows of their own side or city. A kind combines them with its visibility, e.g.
 * `visibility = 'programme' OR (visibility = 'pairing' AND inPairing) OR (visibility = 'side' AND onOwnSide)`.
 */
export function readableScopeSql(
  scopes: ReadableScopes,
  columns: ScopeColumns,
  first: number,
): { inPairing: string; onOwnSide: string; params: unknown[] } {
  if (scopes.everywhere) return { inPairing: 'true', onOwnSide: 'true', params: [] };
  const [pairings, sidePairings, sides, cities] = [0, 1, 2, 3].map((n) => `$${first + n}`);
  const { pairing, side, authority } = columns;
  return {
    inPairing: `(${pairing} IS NULL OR ${pairing} = ANY(${pairings}::uuid[]))`,
    onOwnSide: `(${side} IS NOT NULL AND (${pairing}, ${side}) IN (SELECT * FROM unnest(${sidePairings}::uuid[], ${sides}::text[]))
       OR ${authority} IS NOT NULL AND (${pairing}, ${authority}) IN (SELECT * FROM unnest(${sidePairings}::uuid[], ${cities}::uuid[])))`,
    params: [
      scopes.pairingIds,
      scopes.sides.map((s) => s.pairingId),
      scopes.sides.map((s) => s.side),
      scopes.sides.map((s) => s.authorityId),
    ],
  };
}
