/**
 * The y-websocket wire protocol: a varUint message type, then the payload. Sync messages carry a
 * y-protocols sync message; awareness messages carry an awareness update.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

/**
 * Close codes our server uses (4000–4999 are application codes). y-websocket clients stop
 * reconnecting for good after 4400–4499, so those are kept for what reconnecting cannot mend;
 * a refusal that may pass (a restart, a failed write, too many connections for now) is 45xx,
 * and the client reconnects and resyncs.
 */
export const CLOSE_PROTOCOL_ERROR = 4400;
export const CLOSE_NOT_AUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_NOT_FOUND = 4404;
export const CLOSE_TOO_LARGE = 4413;
/** Something failed on our side (a write, a read): try again. */
export const CLOSE_SERVER_ERROR = 4500;
/** The server is going down for a restart, or cannot take this connection now: try again. */
export const CLOSE_TRY_AGAIN = 4503;

export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode = CLOSE_PROTOCOL_ERROR,
  ) {
    super(message);
  }
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  /** `relay`: the frame itself when it is an update message with nothing after the update. */
  | { kind: 'update'; update: Uint8Array; relay?: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'auth' };

/** Parses one frame completely, or throws ProtocolError: nothing is applied from a bad frame. */
export function parseClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let message: ClientMessage;
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === SYNC_STEP1)
          message = { kind: 'sync-step1', stateVector: decoding.readVarUint8Array(decoder) };
        else if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
          const update = decoding.readVarUint8Array(decoder);
          const whole = syncType === SYNC_UPDATE && decoder.pos === frame.byteLength;
          message = { kind: 'update', update, relay: whole ? frame : undefined };
        } else throw new ProtocolError(`unknown sync message ${syncType}`);
        break;
      }
      case MESSAGE_AWARENESS:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MESSAGE_QUERY_AWARENESS:
        message = { kind: 'query-awareness' };
        break;
      case MESSAGE_AUTH:
        message = { kind: 'auth' };
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
    return message;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('undecodable frame');
  }
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null when the client removes its state. */
  state: Record<string, unknown> | null;
}

/**
 * Longest presence state (JSON characters) a client may announce. A name, a colour and a cursor
 * take a few hundred; every state is kept in memory and sent to everyone on the document.
 */
export const MAX_AWARENESS_STATE_CHARS = 16 * 1024;

/** Decodes an awareness update fully (the library would apply a half-read one). */
export function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 64) throw new ProtocolError('too many awareness entries');
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > MAX_AWARENESS_STATE_CHARS)
        throw new ProtocolError('awareness state too large', CLOSE_TOO_LARGE);
      const state = JSON.parse(json) as unknown;
      if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
        throw new ProtocolError('awareness state must be an object');
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    return entries;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('undecodable awareness update');
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SYNC_STEP1, Y.encodeStateVector(doc));
}

/** Sync step 2 carrying `update` (what the client lacks). */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_UPDATE, update);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessStates(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}
