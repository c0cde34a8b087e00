import { createHash } from 'node:crypto';
import { SEARCH_MAX_OFFSET } from '@iuc/domain';

/**
 * Search pages are ranked, not ordered by a key, so a cursor is an offset, bound to the query and
 * filters it was made for (a cursor of another search is refused, not silently misapplied).
 */
export function searchFingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 10);
}

export function encodeSearchCursor(offset: number, fingerprint: string): string | null {
  if (offset > SEARCH_MAX_OFFSET) return null;
  return `${offset}.${fingerprint}`;
}

/** The offset in a cursor of this search, or null when the cursor is not one. */
export function decodeSearchCursor(cursor: string, fingerprint: string): number | null {
  const match = /^(\d{1,4})\.([A-Za-z0-9_-]{10})$/.exec(cursor);
  if (!match || match[2] !== fingerprint) return null;
  const offset = Number(match[1]);
  return offset <= SEARCH_MAX_OFFSET ? offset : null;
}
