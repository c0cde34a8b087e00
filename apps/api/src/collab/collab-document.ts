/**
 * One live document: its content (only durable updates), awareness, and the connections on it.
 * Incoming updates go through a durable pipeline: written to the log first, then added to the
 * content and relayed, in arrival order. So anything a collaborator has seen survives a crash.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { AcceptedClocks } from './accepted-clocks.js';
import { DocumentContent, type SkippedUpdate } from './document-content.js';
import { encodeAwareness, encodeUpdate } from './protocol.js';
import type { StoredDocument } from './update-log.repository.js';
import { binaryFrame } from './ws-frame.js';

/** What a document needs from a connection. */
export interface DocumentPeer {
  readonly id: number;
  send(frame: Uint8Array): void;
  /** Sends a message already framed for the wire (see ws-frame.ts). */
  sendFramed(wire: Buffer): void;
}

export interface DocumentHooks {
  /** Makes an update durable. */
  persist(docName: string, update: Uint8Array): Promise<unknown>;
  /** Called after updates were applied (for projections and compaction scheduling). */
  changed(document: CollabDocument): void;
  /** A durable update or an awareness change made here, for other instances. */
  publish(kind: 'update' | 'awareness', payload: Uint8Array): void;
  /** A stored update that does not apply (it is skipped; see SkippedUpdate). */
  skipped?: SkippedUpdate;
}

/** Transaction origin of changes that came from another instance (already durable there). */
export const REMOTE = Symbol('remote');

export class CollabDocument {
  readonly content: DocumentContent;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Map<number, DocumentPeer>();
  /** Updates applied since the last compaction. */
  updatesSinceCompaction = 0;
  /** When the last compaction started (performance.now()); -Infinity before any. */
  compactedAt = -Infinity;
  private chain: Promise<void> = Promise.resolve();
  private destroyed = false;
  /** Read from the content on the first update submitted (readers never pay for it). */
  private accepted: AcceptedClocks | null = null;

  constructor(
    readonly name: string,
    private readonly hooks: DocumentHooks,
    stored: StoredDocument,
  ) {
    this.content = new DocumentContent(stored, hooks.skipped);
    this.updatesSinceCompaction = stored.updates.length;
    // Presence needs a Y.Doc only for its client id: not the content's, which is built lazily.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed];
        if (!changed.length) return;
        const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
        this.broadcast(encodeAwareness(update));
        if (origin !== REMOTE) this.hooks.publish('awareness', update);
      },
    );
  }

  /**
   * Persists, then adds to the content and relays to everyone but the sender. Resolves once
   * relayed. Updates are chained so that they are relayed in the order they arrived. `frame` is
   * the update message as received, when it can be relayed as is. Clocks the document already has
   * are cut off first (see AcceptedClocks); throws ProtocolError when that cannot be done.
   */
  submit(
    received: Uint8Array,
    from: DocumentPeer | null,
    receivedFrame?: Uint8Array,
  ): Promise<void> {
    this.accepted ??= this.content.acceptedClocks();
    const update = this.accepted.admit(received);
    const frame = update === received ? receivedFrame : undefined;
    const durable = this.hooks.persist(this.name, update);
    const step = this.chain
      .then(() => durable)
      .then(() => {
        if (this.destroyed) return;
        this.content.add(update);
        this.updatesSinceCompaction++;
        this.broadcast(frame ?? encodeUpdate(update), from ?? undefined);
        this.hooks.publish('update', update);
        this.hooks.changed(this);
      });
    // A failed write must not block the updates behind it; the sender learns through its promise.
    this.chain = step.catch(() => undefined);
    return step;
  }

  /** An update another instance made durable: apply and relay, nothing to store. */
  applyRemote(update: Uint8Array): void {
    if (this.destroyed) return;
    this.accepted?.note(update);
    this.content.add(update);
    this.broadcast(encodeUpdate(update));
    this.hooks.changed(this);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (!this.destroyed) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** Waits until every submitted update is applied. */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Sends a message to every connection but `except`, framed once for all of them. */
  broadcast(frame: Uint8Array, except?: DocumentPeer): void {
    if (this.peers.size === 0 || (this.peers.size === 1 && except && this.peers.has(except.id)))
      return;
    const wire = binaryFrame(frame);
    for (const peer of this.peers.values()) if (peer !== except) peer.sendFramed(wire);
  }

  destroy(): void {
    this.destroyed = true;
    this.awareness.destroy();
    this.awareness.doc.destroy();
    this.content.destroy();
  }
}
