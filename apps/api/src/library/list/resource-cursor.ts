import { decodeCursor, encodeCursor, type Position } from '../../common/cursor.js';

/**
 * A place in the library list: the item's relevance rank (1 for a title match of `q`, else 0)
 * and its position (creation time, id). Opaque to clients: `<rank>.<position cursor>`.
 */
export interface ListPosition {
  rank: number;
  position: Position;
}

export function encodeListCursor(p: ListPosition): string {
  return `${p.rank}.${encodeCursor(p.position)}`;
}

/** The place in a cursor, or null when it is not one of the list's. */
export function decodeListCursor(cursor: string): ListPosition | null {
  const match = /^([01])\.(.+)$/.exec(cursor);
  const position = match && decodeCursor(match[2]);
  return position ? { rank: Number(match[1]), position } : null;
}
