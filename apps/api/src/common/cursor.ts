import { isUuid } from './ids.js';

/**
 * Positions in a channel's history: (created_at in microseconds since the epoch, id), handed to
 * clients as opaque base64url cursors. created_at keeps microseconds so that positions are exact.
 */
export interface Position {
  /** Microseconds since the epoch, as a decimal string (beyond Number's exact range). */
  micros: string;
  id: string;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/**
 * 9999-12-31T23:59:59.999999Z: later times (and any before 1970) are no position of ours, and
 * PostgreSQL's bigint and timestamptz would refuse them with an error (a 500).
 */
const MAX_MICROS = 253_402_300_799_999_999n;

/** Before every message: where a channel never read starts. */
export const START: Position = { micros: '0', id: NIL_UUID };

export function encodeCursor(p: Position): string {
  return Buffer.from(`${p.micros}.${p.id}`).toString('base64url');
}

/** The position in a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): Position | null {
  if (cursor.length > 80 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{1,18})\.([0-9a-f-]{36})$/.exec(text);
  if (!match || !isUuid(match[2]) || BigInt(match[1]) > MAX_MICROS) return null;
  return { micros: match[1], id: match[2] };
}

/** A creation time for new messages: microseconds, strictly increasing within this process. */
export class MicroClock {
  private last = 0n;

  next(): bigint {
    const now = BigInt(Date.now()) * 1000n;
    this.last = now > this.last ? now : this.last + 1n;
    return this.last;
  }
}

export function microsToIso(micros: bigint | string): string {
  return new Date(Number(BigInt(micros) / 1000n)).toISOString();
}
