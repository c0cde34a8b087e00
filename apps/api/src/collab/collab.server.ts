/**
 * The Yjs sync server at `/collab/<documentName>`: the y-websocket protocol over `ws`, sharing the
 * API's HTTP port. It composes small parts: access (who may open what), the update log (durable
 * before relayed), connections (limits and modes), observers (projections) and compaction.
 */
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { COLLAB_ACCESS, type CollabAccess } from './collab-access.js';
import { CollabConnection, DEFAULT_LIMITS, type ConnectionLimits } from './collab-connection.js';
import { CollabDocument } from './collab-document.js';
import { docFromStored, type SkippedUpdate } from './document-content.js';
import { DOCUMENT_OBSERVERS, type DocumentObserver } from './document-observer.js';
import { COLLAB_FANOUT, type CollabFanout, type FanoutKind } from './fanout.js';
import {
  CLOSE_FORBIDDEN,
  CLOSE_NOT_FOUND,
  CLOSE_SERVER_ERROR,
  CLOSE_TRY_AGAIN,
} from './protocol.js';
import { PersonBudget } from './person-budget.js';
import { clientAddress } from '../common/client-address.js';
import { ConnectionCaps } from '../common/connection-caps.js';
import { SharedPerKey } from '../common/shared-per-key.js';
import { SnapshotBuilder } from './snapshot-builder.js';
import { rowsPerDocument } from './update-rows.js';
import { UpdateLogRepository } from './update-log.repository.js';
import { WriteBatcher } from '../common/write-batcher.js';
import { SerialQueue } from '../common/serial-queue.js';
import { isStale } from '../common/access-decision.js';

const PATH_PREFIX = '/collab/';
const DOC_NAME = /^[a-z]+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Compact when this many updates were applied since the last snapshot. */
const COMPACT_AFTER_UPDATES = 1000;
/**
 * ...but not again within this long of the previous one, unless this many more came: a document
 * written as fast as a client can send (an import, a long offline spell) got 1,000 updates every
 * tenth of a second, and each compaction re-reads the whole document. Much longer is no better:
 * every 5 s, each compaction read and deleted some 50,000 rows, and the appends of every other
 * document waited 109–171 ms behind it (bench:collab scenario 7); every second, about 10,000 rows.
 */
const COMPACT_AT_MOST_EVERY_MS = 1_000;
const COMPACT_AFTER_UPDATES_ANYWAY = 50_000;
/** Unload a document this long after its last connection left. */
const IDLE_UNLOAD_MS = 10_000;
/**
 * Observers (projections: search text, dashboards' action rows) hear of a document once it has
 * been quiet this long, or at the latest about this long (see below) after its first unobserved
 * change, and when it unloads. Derived data may lag a little; the document itself never does (it is
 * durable first). A document typed into continuously is projected about twice a minute, not after
 * every pause.
 */
const OBSERVE_QUIET_MS = 5_000;
const OBSERVE_MAX_WAIT_MS = 30_000;
/**
 * Up to this much is added to each quiet wait at random, and each document's longest wait is drawn
 * between ½ and 1½ × OBSERVE_MAX_WAIT_MS: documents opened and typed into together (after a
 * restart, in a workshop) would otherwise be projected together every time, in one burst that
 * delays everyone's updates (bench:collab scenario 2: 200 plans projected within the same second).
 */
const OBSERVE_JITTER_MS = 1_000;
/**
 * Group commit: while at least two updates are expected within this window, each append waits it
 * so that they share the INSERT (a commit costs a round trip and a WAL flush). Light load — below
 * about 330 updates/s on the whole server — writes at once.
 */
const APPEND_WINDOW_MS = 6;
/** An update-log write slower than this is logged. */
const SLOW_APPEND_MS = 100;
/** How often open connections' access is checked again. */
const RECHECK_INTERVAL_MS = 2_000;

@Injectable()
export class CollabServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Collab');
  private readonly wss: WebSocketServer;
  private readonly documents = new Map<string, Promise<CollabDocument>>();
  private readonly connections = new Set<CollabConnection>();
  private readonly batcher: WriteBatcher<{ docName: string; update: Uint8Array }, void>;
  private readonly limits: ConnectionLimits;
  /** Connections per person and per address, and each person's budget shared by their connections. */
  private readonly caps: ConnectionCaps;
  private readonly budgets: SharedPerKey<PersonBudget>;
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /**
   * Per document with unobserved changes: when the latest came, when it is projected at the
   * latest, and the timer.
   */
  private readonly unobserved = new Map<
    string,
    { last: number; latest: number; timer?: NodeJS.Timeout }
  >();
  /**
   * Documents whose projections are due, projected one at a time. Documents typed into together
   * fall due together (after a workshop's pause, or a restart); projected at once, their writes
   * competed for the database with the update log's commits, and collaborators' updates waited
   * behind them (bench:collab scenario 2, A/B: p99 22.0 → 15.5 ms, max 48.6 → 28.2 ms).
   */
  private readonly dueObservers = new SerialQueue<CollabDocument>((document) =>
    this.notifyObservers(document),
  );
  private readonly compacting = new Map<string, Promise<void>>();
  private readonly snapshots = new SnapshotBuilder();
  private recheckTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private readonly pingIntervalMs: number;
  private stopping = false;
  private rechecking = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly updateLog: UpdateLogRepository,
    @Inject(COLLAB_ACCESS) private readonly access: CollabAccess,
    @Inject(DOCUMENT_OBSERVERS) private readonly observers: DocumentObserver[],
    @Inject(COLLAB_FANOUT) private readonly fanout: CollabFanout,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = { ...DEFAULT_LIMITS, maxMessageBytes: config.collabMaxMessageBytes };
    this.caps = new ConnectionCaps({
      perUser: config.collabMaxConnectionsPerPerson,
      perAddress: config.collabMaxConnectionsPerAddress,
    });
    const budget = {
      messagesPerSecond: config.collabMessagesPerSecond,
      messageBurst: config.collabMessageBurst,
      bytesPerSecond: config.collabBytesPerSecond,
      byteBurst: Math.max(config.collabBytesPerSecond, config.collabMaxMessageBytes * 2),
    };
    // Kept until it would be full again: reconnecting does not refill a spent budget.
    this.budgets = new SharedPerKey(() => new PersonBudget(budget), PersonBudget.refillMs(budget));
    this.pingIntervalMs = config.collabPingIntervalMs;
    // ws's own ceiling is above ours so that we close oversized frames with our own code.
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.limits.maxMessageBytes * 4,
      perMessageDeflate: false,
    });
    // One INSERT for what every document received meanwhile (a commit is paid per batch); a flooding
    // document does not push the others' updates to later writes.
    this.batcher = new WriteBatcher(
      (items) => this.append(items),
      500,
      { windowMs: APPEND_WINDOW_MS },
      (item) => item.docName,
    );
  }

  private async append(items: { docName: string; update: Uint8Array }[]): Promise<void[]> {
    const started = performance.now();
    const rows = rowsPerDocument(items);
    await this.updateLog.appendBatch(rows.docNames, rows.updates);
    // Everything behind this write waited as long to be relayed: worth knowing about.
    const ms = performance.now() - started;
    if (ms > SLOW_APPEND_MS)
      this.logger.warn(`appending ${items.length} update(s) took ${ms.toFixed(0)} ms`);
    return [];
  }

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (req.url?.startsWith(PATH_PREFIX)) this.handleUpgrade(req, socket, head);
    });
    this.recheckTimer = setInterval(() => void this.recheckAccess(), RECHECK_INTERVAL_MS);
    this.recheckTimer.unref();
    this.pingTimer = setInterval(() => {
      for (const connection of this.connections) connection.checkAlive();
    }, this.pingIntervalMs);
    this.pingTimer.unref();
  }

  /** Before the HTTP server closes (it would wait for our sockets) and while the database is up. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    for (const c of [...this.connections]) c.close(CLOSE_TRY_AGAIN, 'server restarting');
    // Clients reconnect at once; do not wait for their closing handshakes.
    for (const ws of this.wss.clients) ws.terminate();
    await this.batcher.drain();
    await this.dueObservers.idle();
    for (const t of [
      ...this.unloadTimers.values(),
      ...[...this.unobserved.values()].map((u) => u.timer),
    ])
      clearTimeout(t);
    for (const name of [...this.documents.keys()]) await this.unload(name, { compact: false });
    await this.updateLog.releaseAppender();
    await Promise.allSettled(this.compacting.values());
    await this.snapshots.close();
    await this.fanout.close();
    this.wss.close();
  }

  /** Number of open connections (for health and tests). */
  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * A change made by the server itself (e.g. restoring a version): durable, then relayed to every
   * open connection, exactly like a client's update.
   */
  async applyUpdate(docName: string, update: Uint8Array): Promise<void> {
    const document = await this.open(docName);
    try {
      await document.submit(update, null);
    } finally {
      if (document.peers.size === 0) this.scheduleUnload(docName);
    }
  }

  /** Reads a document's current content: the live one if open, else as stored. */
  async read<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T> {
    const live = this.documents.get(docName);
    if (live) return read(await (await live).content.ready());
    const doc = await docFromStored(
      await this.updateLog.load(docName),
      this.reportSkipped(docName),
    );
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  private handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.stopping) {
      socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const docName = decodeURIComponent(url.pathname.slice(PATH_PREFIX.length));
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, socket, req, docName));
  }

  private async accept(
    ws: WebSocket,
    socket: Duplex,
    req: IncomingMessage,
    docName: string,
  ): Promise<void> {
    // Frames that arrive while we authorise and load wait here, in order.
    const early: Uint8Array[] = [];
    const buffer = (data: Buffer) => early.push(new Uint8Array(data));
    ws.on('message', buffer);
    ws.on('error', () => ws.terminate());
    try {
      if (!DOC_NAME.test(docName)) return ws.close(CLOSE_NOT_FOUND, 'unknown document');
      const verdict = await this.access.authorise(req, docName);
      if (!verdict.ok) return ws.close(verdict.closeCode, verdict.reason);
      if (ws.readyState !== ws.OPEN) return;
      const address = clientAddress(req);
      const admitted = this.caps.admit(verdict.grant.userId, address);
      if (!admitted.ok) {
        const reason = `too many connections for this ${admitted.cap === 'user' ? 'person' : 'address'} (${admitted.limit})`;
        this.logger.warn(
          `refused a connection of user ${verdict.grant.userId} from ${address}: ${reason}`,
        );
        return ws.close(CLOSE_TRY_AGAIN, reason);
      }
      const budget = this.budgets.acquire(verdict.grant.userId);
      const release = () => {
        admitted.release();
        budget.release();
      };
      // Both releases are idempotent: given back at the close, whether or not a connection exists by then.
      ws.once('close', release);
      let document: CollabDocument;
      try {
        document = await this.open(docName);
      } catch (err) {
        release();
        throw err;
      }
      if (ws.readyState !== ws.OPEN) {
        // Gone while the document loaded: nobody holds it open.
        if (document.peers.size === 0) this.scheduleUnload(docName);
        return;
      }
      const connection = new CollabConnection(
        ws,
        socket,
        verdict.grant,
        document,
        this.limits,
        budget.value,
        (c) => {
          release();
          this.closed(c);
        },
      );
      this.connections.add(connection);
      ws.off('message', buffer);
      ws.on('message', (data: Buffer) => connection.deliver(new Uint8Array(data)));
      ws.on('close', () => connection.close());
      ws.on('pong', () => connection.heard());
      connection.start();
      for (const frame of early) connection.deliver(frame);
    } catch (err) {
      this.logger.error(`could not open ${docName}: ${(err as Error).message}`);
      ws.close(CLOSE_SERVER_ERROR, 'could not open document');
    }
  }

  private open(docName: string): Promise<CollabDocument> {
    const timer = this.unloadTimers.get(docName);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(docName);
    }
    let document = this.documents.get(docName);
    if (!document) {
      document = this.load(docName);
      this.documents.set(docName, document);
      document.catch(() => this.documents.delete(docName));
    }
    return document;
  }

  private async load(docName: string): Promise<CollabDocument> {
    // Listen to other instances before reading, so nothing made durable meanwhile is missed
    // (an update seen twice is harmless to Yjs).
    const early: [FanoutKind, Uint8Array][] = [];
    let ready: CollabDocument | null = null;
    await this.fanout.join(docName, (kind, payload) => {
      if (!ready) early.push([kind, payload]);
      else if (kind === 'update') ready.applyRemote(payload);
      else ready.applyRemoteAwareness(payload);
    });
    const stored = await this.updateLog.load(docName).catch(async (err: unknown) => {
      await this.fanout.leave(docName);
      throw err;
    });
    // Not decoded here: the first sync answers come from the stored bytes.
    const document = new CollabDocument(
      docName,
      {
        persist: (name, update) => this.batcher.write({ docName: name, update }),
        changed: (d) => this.changed(d),
        publish: (kind, payload) => this.fanout.publish(docName, kind, payload),
        skipped: this.reportSkipped(docName),
      },
      stored,
    );
    ready = document;
    for (const [kind, payload] of early) {
      if (kind === 'update') document.applyRemote(payload);
      else document.applyRemoteAwareness(payload);
    }
    if (stored.updates.length >= COMPACT_AFTER_UPDATES) {
      // After the first open has built the Y.Doc: the two builds would only slow each other down.
      document.content.ready().then(
        () => this.scheduleCompaction(document),
        () => undefined,
      );
    }
    return document;
  }

  private changed(document: CollabDocument): void {
    if (this.compactionDue(document)) this.scheduleCompaction(document);
    const now = performance.now();
    const pending = this.unobserved.get(document.name);
    if (pending) {
      pending.last = now; // the timer running sees it: no timer per update
      return;
    }
    if (!this.observers.some((o) => o.observes(document.name))) return;
    const maxWait = OBSERVE_MAX_WAIT_MS * (0.5 + Math.random());
    this.unobserved.set(document.name, { last: now, latest: now + maxWait });
    this.scheduleObservers(document, OBSERVE_QUIET_MS);
  }

  private scheduleObservers(document: CollabDocument, delayMs: number): void {
    const pending = this.unobserved.get(document.name);
    if (!pending) return;
    pending.timer = setTimeout(
      () => {
        const now = performance.now();
        const due = Math.min(pending.last + OBSERVE_QUIET_MS, pending.latest);
        if (due > now) return this.scheduleObservers(document, due - now);
        this.unobserved.delete(document.name);
        this.dueObservers.add(document);
      },
      delayMs + Math.random() * OBSERVE_JITTER_MS,
    );
    pending.timer.unref();
  }

  private async notifyObservers(document: CollabDocument): Promise<void> {
    for (const observer of this.observers) {
      if (!observer.observes(document.name)) continue;
      try {
        await observer.documentChanged(document.name, await document.content.ready());
      } catch (err) {
        this.logger.error(`observer failed on ${document.name}: ${(err as Error).message}`);
      }
    }
  }

  private compactionDue(document: CollabDocument): boolean {
    const updates = document.updatesSinceCompaction;
    if (updates < COMPACT_AFTER_UPDATES) return false;
    return (
      updates >= COMPACT_AFTER_UPDATES_ANYWAY ||
      performance.now() - document.compactedAt >= COMPACT_AT_MOST_EVERY_MS
    );
  }

  private scheduleCompaction(document: CollabDocument): void {
    if (this.compacting.has(document.name)) return;
    document.updatesSinceCompaction = 0;
    document.compactedAt = performance.now();
    const run = this.compact(document.name)
      .catch((err: Error) =>
        this.logger.error(`compaction of ${document.name} failed: ${err.message}`),
      )
      .finally(() => this.compacting.delete(document.name));
    this.compacting.set(document.name, run);
  }

  /**
   * A stored update that does not apply is skipped, so that the document stays readable, and
   * logged: `repair-collab` (cli.ts) drops it for good.
   */
  private reportSkipped(docName: string): SkippedUpdate {
    return (at, err) =>
      this.logger.error(
        `${docName}: ${at} does not apply and was skipped (${(err as Error).message}); run repair-collab ${docName}`,
      );
  }

  /**
   * Merges the snapshot and the log as stored (not the live doc, which another instance's updates
   * may not have reached yet) into a new snapshot, and drops the merged rows. Not when a row does
   * not apply: rows are only dropped by an operator's repair-collab, which says which.
   */
  async compact(docName: string): Promise<void> {
    const stored = await this.updateLog.load(docName);
    if (!stored.updates.length) return;
    const { state, unapplied } = await this.snapshots.build(stored);
    if (unapplied.length)
      throw new Error(`${unapplied.join(', ')} do(es) not apply: run repair-collab ${docName}`);
    await this.updateLog.compact(docName, state, stored.lastSeq);
  }

  private closed(connection: CollabConnection): void {
    this.connections.delete(connection);
    if (connection.document.peers.size === 0) this.scheduleUnload(connection.document.name);
  }

  private scheduleUnload(name: string): void {
    if (this.unloadTimers.has(name)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(name);
      void this.unload(name, { compact: true });
    }, IDLE_UNLOAD_MS);
    timer.unref();
    this.unloadTimers.set(name, timer);
  }

  private async unload(docName: string, options: { compact: boolean }): Promise<void> {
    const pending = this.documents.get(docName);
    if (!pending) return;
    const document = await pending.catch(() => null);
    if (!document || document.peers.size > 0) return;
    await document.settled();
    const unobserved = this.unobserved.get(docName);
    // Due but not yet projected (waiting or queued): projected now, before the content goes.
    if (unobserved || this.dueObservers.remove(document)) {
      clearTimeout(unobserved?.timer);
      this.unobserved.delete(docName);
      await this.notifyObservers(document);
    }
    if (document.peers.size > 0) return;
    this.documents.delete(docName);
    document.destroy();
    // A connection may already have opened the document again (a new load, subscribed anew).
    if (!this.documents.has(docName)) await this.fanout.leave(docName).catch(() => undefined);
    if (options.compact)
      await (this.compacting.get(docName) ?? this.compact(docName)).catch(() => undefined);
  }

  /**
   * Re-checks a document's connections now, e.g. right after a plan was submitted (frozen), rather
   * than at the next periodic sweep.
   */
  async refreshAccess(docName: string): Promise<void> {
    await this.applyVerdicts([...this.connections].filter((c) => c.grant.docName === docName));
  }

  /**
   * The periodic sweep (catches revocations made anywhere, on any instance): asks again for the
   * connections whose grant predates the current access epoch or whose session has expired. While
   * nothing that could take access away has changed, that is one small read.
   */
  private async recheckAccess(): Promise<void> {
    if (this.rechecking || this.connections.size === 0) return;
    this.rechecking = true;
    try {
      const epoch = await this.access.currentEpoch();
      const now = Date.now();
      const stale = [...this.connections].filter((c) => isStale(c.grant.decidedAt, epoch, now));
      await this.applyVerdicts(stale);
    } catch (err) {
      this.logger.error(`access recheck failed: ${(err as Error).message}`);
    } finally {
      this.rechecking = false;
    }
  }

  /** Closes connections whose access is gone; downgrades editors who became readers. */
  private async applyVerdicts(connections: CollabConnection[]): Promise<void> {
    if (!connections.length) return;
    const verdicts = await this.access.recheck(connections.map((c) => c.grant));
    connections.forEach((connection, i) => {
      const verdict = verdicts[i];
      if (verdict === null) return connection.close(CLOSE_FORBIDDEN, 'access revoked');
      connection.grant.canEdit = verdict.canEdit;
      connection.grant.decidedAt = verdict.decidedAt;
    });
  }
}
