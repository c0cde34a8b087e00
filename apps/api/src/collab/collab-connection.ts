/**
 * One client's websocket on one document: parses every frame fully before acting on it, enforces
 * the connection's mode (readers never write), its identity in awareness, size and rate limits.
 * Any violation closes this connection only.
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CollabDocument, DocumentPeer } from './collab-document.js';
import type { CollabGrant } from './collab-access.js';
import {
  CLOSE_FORBIDDEN,
  CLOSE_PROTOCOL_ERROR,
  CLOSE_RATE_LIMITED,
  CLOSE_TOO_LARGE,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeAwarenessEntries,
  encodeUpdate,
  parseAwarenessUpdate,
  parseClientMessage,
  ProtocolError,
} from './protocol.js';
import { TokenBucket } from '../common/token-bucket.js';
import { checkUpdate } from './update-check.js';

export interface ConnectionLimits {
  maxMessageBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  /** A reader that keeps sending updates is misbehaving: close after this many refusals. */
  maxRefusedUpdates: number;
  /** A client that does not read: close when this much is queued for it. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 400,
  bytesPerSecond: 4 * 1024 * 1024,
  maxRefusedUpdates: 50,
  maxBufferedBytes: 16 * 1024 * 1024,
};

/** Client ids one connection may show presence for (a tab has one; reconnects add a few). */
const MAX_AWARENESS_CLIENTS = 8;
/** Shared by every send (ws does not keep it). */
const BINARY = { binary: true } as const;

let nextPeerId = 1;

export class CollabConnection implements DocumentPeer {
  readonly id = nextPeerId++;
  /** Awareness client ids this connection introduced (and alone may update). */
  readonly awarenessClients = new Set<number>();
  refusedUpdates = 0;
  /** Whether anything came from the client since the last liveness check (see checkAlive). */
  private heardFrom = true;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private closed = false;
  /** Set while a frame's handling is asynchronous: later frames wait for it, in order. */
  private backlog: Promise<void> | null = null;
  private readonly sent = (err?: Error) => {
    if (err) this.close(1011, 'send failed');
  };

  constructor(
    private readonly ws: WebSocket,
    /** The socket under `ws`: framed messages are written to it directly. */
    private readonly socket: Pick<Duplex, 'write'>,
    readonly grant: CollabGrant,
    readonly document: CollabDocument,
    private readonly limits: ConnectionLimits,
    private readonly onClose: (connection: CollabConnection) => void,
  ) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, Math.max(limits.bytesPerSecond, limits.maxMessageBytes * 2));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Joins the document: greet with everyone's presence and our state vector. The state vector
   * needs the Y.Doc: when it is not built yet, it follows once it is, after the frames already
   * received (a cold open's sync step 1 is answered from stored bytes first).
   */
  start(): void {
    this.document.peers.set(this.id, this);
    const states = [...this.document.awareness.getStates().keys()];
    if (states.length) this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.document.awareness, states)));
    const greet = () =>
      this.document.content.ready().then(
        (doc) => this.send(encodeSyncStep1(doc)),
        () => undefined, // unloaded meanwhile: this connection is closed too
      );
    if (this.document.content.built) void greet();
    else setImmediate(greet);
  }

  send(frame: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE_RATE_LIMITED, 'client is not reading');
      return;
    }
    this.ws.send(frame, BINARY, this.sent);
  }

  /**
   * Writes a frame built once for every peer. ws writes each of its frames whole and at once (no
   * compression is negotiated), so frames written here never interleave with its own. A write
   * error also closes the socket, which ws reports as the connection's close.
   */
  sendFramed(wire: Buffer): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE_RATE_LIMITED, 'client is not reading');
      return;
    }
    this.socket.write(wire);
  }

  /**
   * Takes the frames in arrival order. Most are handled synchronously (no promise per frame); one
   * that must wait (a sync answer) holds back the frames after it until it is done.
   */
  deliver(frame: Uint8Array): void {
    const pending = this.backlog ? this.backlog.then(() => this.receive(frame)) : this.receive(frame);
    if (!pending) return;
    const done: Promise<void> = pending.then(() => {
      if (this.backlog === done) this.backlog = null;
    });
    this.backlog = done;
  }

  /** The client answered a ping. */
  heard(): void {
    this.heardFrom = true;
  }

  /**
   * Liveness, checked periodically: a client heard from since the last check is pinged (browsers
   * answer pings by themselves); one that has not answered is gone without closing (a laptop shut,
   * a network dropped) and its connection is dropped, so that it does not hold the document open.
   */
  checkAlive(): void {
    if (this.closed) return;
    if (!this.heardFrom) {
      this.close(1001, 'no answer to ping');
      this.ws.terminate();
      return;
    }
    this.heardFrom = false;
    if (this.ws.readyState === this.ws.OPEN) this.ws.ping();
  }

  /** Handles one frame; returns a promise when the handling goes on asynchronously. */
  receive(frame: Uint8Array): Promise<void> | undefined {
    if (this.closed) return;
    this.heardFrom = true;
    if (frame.byteLength > this.limits.maxMessageBytes) {
      this.close(CLOSE_TOO_LARGE, 'message too large');
      return;
    }
    if (!this.messages.take() || !this.bytes.take(frame.byteLength)) {
      this.close(CLOSE_RATE_LIMITED, 'too many messages');
      return;
    }
    try {
      const message = parseClientMessage(frame);
      switch (message.kind) {
        case 'sync-step1':
          return this.answer(message.stateVector);
        case 'update':
          this.receiveUpdate(message.update, message.relay);
          return;
        case 'awareness':
          this.receiveAwareness(message.update);
          return;
        case 'query-awareness': {
          const states = [...this.document.awareness.getStates().keys()];
          this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.document.awareness, states)));
          return;
        }
        case 'auth':
          return;
      }
    } catch (err) {
      if (err instanceof ProtocolError) this.close(err.closeCode, err.message);
      else this.close(1011, 'internal error');
    }
  }

  /**
   * Answered once everything received so far is durable: a client may use the answer as proof
   * that its earlier updates are saved.
   */
  private async answer(stateVector: Uint8Array): Promise<void> {
    try {
      await this.document.settled();
      const { updates, step2 } = await this.document.content.answer(stateVector);
      for (const update of updates) this.send(encodeUpdate(update));
      this.send(encodeSyncStep2(step2));
    } catch {
      // The document was unloaded meanwhile, or could not be read: the client reconnects.
      this.close(1011, 'could not answer');
    }
  }

  private receiveUpdate(update: Uint8Array, relay: Uint8Array | undefined): void {
    const { empty } = checkUpdate(update);
    if (empty) return;
    if (!this.grant.canEdit) {
      // Refused: never applied, stored or relayed.
      if (++this.refusedUpdates > this.limits.maxRefusedUpdates) this.close(CLOSE_FORBIDDEN, 'read-only');
      return;
    }
    // Not awaited: the document's queue keeps the order, and this client's next frames may then join
    // the same batched INSERT. A failed write closes the connection; the client resends on reconnect.
    this.document.submit(update, this, relay).catch(() => this.close(1011, 'could not save'));
  }

  /**
   * Presence. Stock clients re-send every awareness change they hear, so entries for other
   * connections' clients are echoes: dropped. A client id first seen here becomes this
   * connection's; its state may not claim another user, and the server stamps who it is.
   */
  private receiveAwareness(update: Uint8Array): void {
    const known = this.document.awareness.meta;
    const own = parseAwarenessUpdate(update).filter((e) => this.awarenessClients.has(e.clientId) || !known.has(e.clientId));
    if (!own.length) return;
    for (const entry of own) {
      const user = entry.state?.user as { id?: unknown } | undefined;
      if (user && typeof user === 'object' && user.id !== undefined && user.id !== this.grant.userId) {
        throw new ProtocolError('awareness claims another user', CLOSE_FORBIDDEN);
      }
      this.awarenessClients.add(entry.clientId);
    }
    if (this.awarenessClients.size > MAX_AWARENESS_CLIENTS) throw new ProtocolError('too many awareness clients', CLOSE_FORBIDDEN);
    const stamped = own.map((e) => ({
      ...e,
      state: e.state && {
        ...e.state,
        user: { ...((typeof e.state.user === 'object' && e.state.user) || {}), id: this.grant.userId, name: this.grant.name, canEdit: this.grant.canEdit },
      },
    }));
    awarenessProtocol.applyAwarenessUpdate(this.document.awareness, encodeAwarenessEntries(stamped), this);
  }

  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.document.peers.delete(this.id);
    const mine = [...this.awarenessClients].filter((c) => this.document.awareness.getStates().has(c));
    if (mine.length) awarenessProtocol.removeAwarenessStates(this.document.awareness, mine, this);
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
    this.onClose(this);
  }
}

export { CLOSE_PROTOCOL_ERROR };
