/**
 * One client's websocket on one document: parses every frame fully before acting on it, enforces
 * the connection's mode (readers never write), its identity in awareness and size limits. A client
 * sending faster than its person's budget, or than its updates are made durable, is slowed (its
 * socket is not read meanwhile, see PacedInbox), never dropped. What is really hostile (an
 * undecodable frame, an oversized message, a client that does not read) closes this connection only.
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CollabDocument, DocumentPeer } from './collab-document.js';
import type { CollabGrant } from './collab-access.js';
import {
  CLOSE_FORBIDDEN,
  CLOSE_SERVER_ERROR,
  CLOSE_TOO_LARGE,
  CLOSE_TRY_AGAIN,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeAwarenessEntries,
  encodeUpdate,
  parseAwarenessUpdate,
  parseClientMessage,
  ProtocolError,
} from './protocol.js';
import { PacedInbox } from './paced-inbox.js';
import type { PersonBudget } from './person-budget.js';
import { checkUpdate } from './update-check.js';

export interface ConnectionLimits {
  maxMessageBytes: number;
  /** A reader that keeps sending updates is misbehaving: close after this many refusals. */
  maxRefusedUpdates: number;
  /** A client that does not read: close when this much is queued for it. */
  maxBufferedBytes: number;
  /**
   * Updates of one connection accepted but not yet durable and relayed: above this, its socket
   * is not read until half of them are through (the database sets the pace of a fast writer).
   */
  maxUpdatesInFlight: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  maxMessageBytes: 1024 * 1024,
  maxRefusedUpdates: 50,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxUpdatesInFlight: 1000,
};

/** Client ids one connection may show presence for (a tab has one; reconnects add a few). */
const MAX_AWARENESS_CLIENTS = 8;
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
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
  private closed = false;
  private readonly inbox: PacedInbox;
  /** This connection's updates submitted and not yet durable and relayed. */
  private updatesInFlight = 0;
  private readonly sent = (err?: Error) => {
    if (err) this.close(CLOSE_SERVER_ERROR, 'send failed');
  };
  private readonly updateDone = () => {
    this.updatesInFlight--;
    this.inbox.unblock();
  };
  private readonly updateFailed = () => {
    this.updatesInFlight--;
    // A failed write: the client resends what it has on reconnect.
    this.close(CLOSE_SERVER_ERROR, 'could not save');
  };

  constructor(
    private readonly ws: WebSocket,
    /** The socket under `ws`: framed messages are written to it directly. */
    private readonly socket: Pick<Duplex, 'write'>,
    readonly grant: CollabGrant,
    readonly document: CollabDocument,
    private readonly limits: ConnectionLimits,
    /** Shared by every connection of the same person. */
    private readonly budget: PersonBudget,
    private readonly onClose: (connection: CollabConnection) => void,
  ) {
    this.inbox = new PacedInbox(ws, {
      admit: (frame) => this.budget.take(frame.byteLength),
      saturated: () => this.updatesInFlight >= this.limits.maxUpdatesInFlight,
      handle: (frame) => this.receive(frame),
    });
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
    if (states.length)
      this.send(
        encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.document.awareness, states)),
      );
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
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) return this.dropNonReader();
    this.ws.send(frame, BINARY, this.sent);
  }

  /**
   * Writes a frame built once for every peer. ws writes each of its frames whole and at once (no
   * compression is negotiated), so frames written here never interleave with its own. A write
   * error also closes the socket, which ws reports as the connection's close.
   */
  sendFramed(wire: Buffer): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) return this.dropNonReader();
    this.socket.write(wire);
  }

  /**
   * Megabytes wait for a client that does not read them. Closed, but as a transient refusal: a
   * browser on a very slow network reconnects and catches up from its state vector, which costs
   * less than what it missed.
   */
  private dropNonReader(): void {
    this.close(CLOSE_TRY_AGAIN, 'client is not reading');
  }

  /** Takes the frames in arrival order, at the pace the budget and the database allow. */
  deliver(frame: Uint8Array): void {
    this.heardFrom = true;
    if (frame.byteLength > this.limits.maxMessageBytes)
      return this.close(CLOSE_TOO_LARGE, 'message too large');
    this.inbox.push(frame);
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
  private receive(frame: Uint8Array): Promise<void> | undefined {
    if (this.closed) return;
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
          this.send(
            encodeAwareness(
              awarenessProtocol.encodeAwarenessUpdate(this.document.awareness, states),
            ),
          );
          return;
        }
        case 'auth':
          return;
      }
    } catch (err) {
      if (err instanceof ProtocolError) this.close(err.closeCode, err.message);
      else this.close(CLOSE_SERVER_ERROR, 'internal error');
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
      this.close(CLOSE_SERVER_ERROR, 'could not answer');
    }
  }

  private receiveUpdate(update: Uint8Array, relay: Uint8Array | undefined): void {
    const { empty } = checkUpdate(update);
    if (empty) return;
    if (!this.grant.canEdit) {
      // Refused: never applied, stored or relayed.
      if (++this.refusedUpdates > this.limits.maxRefusedUpdates)
        this.close(CLOSE_FORBIDDEN, 'read-only');
      return;
    }
    // Not awaited: the document's queue keeps the order, and this client's next frames may then join
    // the same batched INSERT. Counted until relayed: the inbox stops reading above the limit.
    const relayed = this.document.submit(update, this, relay);
    this.updatesInFlight++;
    relayed.then(this.updateDone, this.updateFailed);
  }

  /**
   * Presence. Stock clients re-send every awareness change they hear, so entries for other
   * connections' clients are echoes: dropped. A client id first seen here becomes this
   * connection's; its state may not claim another user, and the server stamps who it is.
   */
  private receiveAwareness(update: Uint8Array): void {
    const known = this.document.awareness.meta;
    const own = parseAwarenessUpdate(update).filter(
      (e) => this.awarenessClients.has(e.clientId) || !known.has(e.clientId),
    );
    if (!own.length) return;
    for (const entry of own) {
      const user = entry.state?.user as { id?: unknown } | undefined;
      if (
        user &&
        typeof user === 'object' &&
        user.id !== undefined &&
        user.id !== this.grant.userId
      ) {
        throw new ProtocolError('awareness claims another user', CLOSE_FORBIDDEN);
      }
      this.awarenessClients.add(entry.clientId);
    }
    if (this.awarenessClients.size > MAX_AWARENESS_CLIENTS)
      throw new ProtocolError('too many awareness clients', CLOSE_FORBIDDEN);
    const stamped = own.map((e) => ({
      ...e,
      state: e.state && { ...e.state, user: this.stampUser(e.state.user) },
    }));
    awarenessProtocol.applyAwarenessUpdate(
      this.document.awareness,
      encodeAwarenessEntries(stamped),
      this,
    );
  }

  /**
   * The presence's user as the server vouches for it: who the connection belongs to, and a colour
   * only when it is one (`#rrggbb`: other pages put it into styles).
   */
  private stampUser(claimed: unknown): Record<string, unknown> {
    const user = (typeof claimed === 'object' && claimed) || {};
    const color = (user as { color?: unknown }).color;
    return {
      ...user,
      id: this.grant.userId,
      name: this.grant.name,
      canEdit: this.grant.canEdit,
      color: typeof color === 'string' && HEX_COLOUR.test(color) ? color : undefined,
    };
  }

  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    this.closed = true;
    this.inbox.close();
    this.document.peers.delete(this.id);
    const mine = [...this.awarenessClients].filter((c) =>
      this.document.awareness.getStates().has(c),
    );
    if (mine.length) awarenessProtocol.removeAwarenessStates(this.document.awareness, mine, this);
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
    this.onClose(this);
  }
}
