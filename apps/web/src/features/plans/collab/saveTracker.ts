/**
 * Whether this browser's changes to a plan are safely on the server: connecting, connected,
 * saving, saved, offline, or closed by the server for good.
 *
 * y-websocket has no acknowledgements, but our sync server handles each connection's frames one
 * after another and writes an update to its log before it reads the next frame. So after local
 * changes we send a sync step 1 as a probe: its answer (a step 2) proves that every update sent
 * before it is durable. "Saving" is therefore "local changes not yet confirmed by such an answer",
 * not a guess from a timer. Changes made offline stay unconfirmed (and kept in IndexedDB) until the
 * connection is back and a probe after the first sync confirms them.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

export type SyncState = 'connecting' | 'connected' | 'saving' | 'saved' | 'offline' | 'closed';

export interface SyncSnapshot {
  state: SyncState;
  /** Local changes the server has not confirmed (kept in this browser meanwhile). */
  unsaved: boolean;
  /** The server's close code when it ended the connection for good (4401, 4403, 4404…). */
  closeCode: number | null;
  /**
   * While reconnecting: the code of the server's last close when it asked to be tried again
   * (4500–4599: restarting, busy, a failed write), so the page can say why.
   */
  retryCode: number | null;
}

/** The parts of y-websocket's WebsocketProvider the tracker listens to. */
export interface TrackedProvider {
  ws: WebSocket | null;
  on(event: 'status', handler: (event: { status: string }) => void): void;
  on(event: 'closed', handler: (event: { code: number }) => void): void;
  on(event: 'connection-close', handler: (event: { code: number } | null) => void): void;
  off(event: 'status', handler: (event: { status: string }) => void): void;
  off(event: 'closed', handler: (event: { code: number }) => void): void;
  off(event: 'connection-close', handler: (event: { code: number } | null) => void): void;
}

/** Close codes with which the server asks the client to come back (y-websocket then reconnects). */
const isRetryCode = (code: number) => code >= 4500 && code < 4600;

// y-websocket's message type and y-protocols' sync step numbers (single bytes as varuints).
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
/** The provider's own step 1 on connecting: its answer confirms nothing of ours. */
const INITIAL = -1;

export class SaveTracker {
  /** Count of local changes, and the count the server has confirmed. */
  private localSeq = 0;
  private confirmedSeq = 0;
  /** For each step 1 awaiting its answer on the current socket: the local count it confirms. */
  private awaiting: number[] = [];
  private socket: WebSocket | null = null;
  private connected = false;
  private everConnected = false;
  private networkUp = typeof navigator === 'undefined' ? true : navigator.onLine;
  private closeCode: number | null = null;
  private retryCode: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private snapshot: SyncSnapshot = {
    state: 'connecting',
    unsaved: false,
    closeCode: null,
    retryCode: null,
  };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: TrackedProvider,
    /** Changes that came from the server or the local cache are not ours to save. */
    private readonly isRemote: (origin: unknown) => boolean,
    private readonly probeDelayMs = 400,
  ) {
    doc.on('update', this.onUpdate);
    provider.on('status', this.onStatus);
    provider.on('closed', this.onClosed);
    provider.on('connection-close', this.onConnectionClose);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SyncSnapshot => this.snapshot;

  /** The browser went on- or offline (the socket itself may take long to notice). */
  setNetwork(up: boolean): void {
    this.networkUp = up;
    if (up) this.closeCode = null;
    this.publish();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.detach();
    this.doc.off('update', this.onUpdate);
    this.provider.off('status', this.onStatus);
    this.provider.off('closed', this.onClosed);
    this.provider.off('connection-close', this.onConnectionClose);
    this.listeners.clear();
  }

  private onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (this.isRemote(origin)) return;
    this.localSeq++;
    this.scheduleProbe();
    this.publish();
  };

  private onStatus = ({ status }: { status: string }): void => {
    if (status === 'connecting') {
      // A new socket: listen to its answers.
      this.detach();
      this.socket = this.provider.ws;
      this.socket?.addEventListener('message', this.onMessage);
    } else if (status === 'connected') {
      this.connected = true;
      this.everConnected = true;
      this.closeCode = null;
      this.retryCode = null;
      this.awaiting = [INITIAL];
    } else if (status === 'disconnected') {
      this.connected = false;
      this.awaiting = [];
    }
    this.publish();
  };

  private onClosed = ({ code }: { code: number }): void => {
    this.closeCode = code;
    this.publish();
  };

  private onConnectionClose = (event: { code: number } | null): void => {
    this.retryCode = event && isRetryCode(event.code) ? event.code : null;
    this.publish();
  };

  private onMessage = (event: MessageEvent): void => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const bytes = new Uint8Array(event.data);
    if (bytes[0] !== MESSAGE_SYNC || bytes[1] !== SYNC_STEP_2) return;
    const confirms = this.awaiting.shift();
    if (confirms !== undefined && confirms > this.confirmedSeq) this.confirmedSeq = confirms;
    // After the first sync, changes made while offline still need their confirmation.
    if (!this.awaiting.length && this.localSeq > this.confirmedSeq) this.scheduleProbe();
    this.publish();
  };

  /** Debounced: one probe once typing pauses, not one per keystroke. */
  private scheduleProbe(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.probe();
    }, this.probeDelayMs);
  }

  private probe(): void {
    const socket = this.socket;
    if (!this.connected || !socket || socket.readyState !== socket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    socket.send(encoding.toUint8Array(encoder));
    this.awaiting.push(this.localSeq);
  }

  private detach(): void {
    this.socket?.removeEventListener('message', this.onMessage);
    this.socket = null;
  }

  private publish(): void {
    const unsaved = this.localSeq > this.confirmedSeq;
    const state: SyncState =
      this.closeCode !== null
        ? 'closed'
        : !this.connected
          ? this.everConnected || !this.networkUp
            ? 'offline'
            : 'connecting'
          : unsaved
            ? 'saving'
            : this.localSeq > 0
              ? 'saved'
              : 'connected';
    const prev = this.snapshot;
    const retryCode = state === 'offline' ? this.retryCode : null;
    if (
      prev.state === state &&
      prev.unsaved === unsaved &&
      prev.closeCode === this.closeCode &&
      prev.retryCode === retryCode
    )
      return;
    this.snapshot = { state, unsaved, closeCode: this.closeCode, retryCode };
    for (const listener of this.listeners) listener();
  }
}
