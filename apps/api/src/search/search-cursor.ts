import { createHash } from 'node:crypto';
import { SEARCH_MAX_OFFSET } from '@iuc/domain';
import type { SearchMode } from './search-provider.js';

/**
 * Search pages are ranked, not ordered by a key, so a cursor is an offset and the first page's
 * mode (see SearchMode), bound to the query and filters it was made for: a cursor of another
 * search is refused, not silently misapplied.
 */
export function searchFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 10);
}

const MODES: Record<SearchMode, string> = { all: 'a', some: 's', any: 'n' };

export interface SearchCursor {
  offset: number;
  mode: SearchMode;
}

export function encodeSearchCursor(cursor: SearchCursor, fingerprint: string): string | null {
  if (cursor.offset > SEARCH_MAX_OFFSET) return null;
  return `${cursor.offset}.${MODES[cursor.mode]}.${fingerprint}`;
}

/** The position in a cursor of this search, or null when the cursor is not one. */
export function decodeSearchCursor(cursor: string, fingerprint: string): SearchCursor | null {
  const match = /^(\d{1,4})\.([asn])\.([A-Za-z0-9_-]{10})$/.exec(cursor);
  if (!match || match[3] !== fingerprint) return null;
  const offset = Number(match[1]);
  const mode = (Object.keys(MODES) as SearchMode[]).find((m) => MODES[m] === match[2])!;
  return offset <= SEARCH_MAX_OFFSET ? { offset, mode } : null;
}
