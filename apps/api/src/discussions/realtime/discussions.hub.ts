/**
 * The live side of discussions on this instance: open connections and what each may do, rooms and
 * presence, emitting to channels and people, and the re-check that takes access away from open
 * connections (a member removed, a session ended) within a couple of seconds, or at once when asked.
 */
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { DiscussionClientEvents, DiscussionServerEvents, UserRefDto } from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import {
  budgetRefillMs,
  DISCUSSIONS_LIMITS,
  type DiscussionsLimits,
} from '../discussions.config.js';
import { DiscussionsPolicy, type ChannelAccess } from '../discussions.policy.js';
import { TokenBucket } from '../../common/token-bucket.js';
import { clientAddress } from '../../common/client-address.js';
import { ConnectionCaps } from '../../common/connection-caps.js';
import { SharedPerKey, type Lease } from '../../common/shared-per-key.js';
import { isStale, type AccessDecision } from '../../common/access-decision.js';

export interface SocketData {
  /** Who the connection belongs to (plain data: other instances read it through the adapter). */
  user: UserRefDto;
}

interface InterServerEvents {
  'discussions:recheck': (userIds: string[]) => void;
}

export type DiscussionsNamespace = Namespace<
  DiscussionClientEvents,
  DiscussionServerEvents,
  InterServerEvents,
  SocketData
>;
export type DiscussionsSocket = Socket<
  DiscussionClientEvents,
  DiscussionServerEvents,
  InterServerEvents,
  SocketData
>;
type ServerEvent = keyof DiscussionServerEvents;

export const channelRoom = (channelId: string) => `channel:${channelId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** One person's rate limits, shared by all their connections (opening more buys nothing). */
export interface RateBudget {
  readonly events: TokenBucket;
  readonly writes: TokenBucket;
  readonly typing: TokenBucket;
}

/** Why a socket may not connect: which cap it would exceed. */
export interface ConnectionRefusal {
  cap: 'user' | 'address';
  limit: number;
}

/** One open socket: its person, the channels it may use (checked), its person's rate limits. */
export class Connection {
  /** Channel access decided by the policy; re-checked every few seconds. */
  readonly grants = new Map<string, ChannelAccess>();
  /**
   * When the session was last found live: at which access epoch, and until when it runs. Null
   * until the first sweep after connecting.
   */
  session: AccessDecision | null = null;
  closed = false;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    readonly socket: DiscussionsSocket,
    readonly actor: Actor,
    private readonly budget: RateBudget,
  ) {}

  get events(): TokenBucket {
    return this.budget.events;
  }

  get writes(): TokenBucket {
    return this.budget.writes;
  }

  get typing(): TokenBucket {
    return this.budget.typing;
  }

  get user(): UserRefDto {
    return { id: this.actor.userId, name: this.actor.name };
  }

  /** Whether anything this connection was allowed was decided before `epoch`, or its session ran out. */
  isStale(epoch: number, now: number): boolean {
    if (!this.session || isStale(this.session, epoch, now)) return true;
    // A channel's access has no expiry of its own (the session's covers it).
    for (const access of this.grants.values()) if (access.epoch < epoch) return true;
    return false;
  }

  /** Runs the connection's writes one after another, so its messages keep their order. */
  serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

@Injectable()
export class DiscussionsHub implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Discussions');
  private namespace: DiscussionsNamespace | null = null;
  private readonly connections = new Map<string, Connection>();
  private readonly pending = new WeakMap<
    DiscussionsSocket,
    { actor: Actor; budget: Lease<RateBudget> }
  >();
  /** Caps and budgets are per instance (see ConnectionCaps and SharedPerKey). */
  private readonly caps: ConnectionCaps;
  private readonly budgets: SharedPerKey<RateBudget>;
  private timer: NodeJS.Timeout | null = null;
  private rechecking: Promise<void> | null = null;

  constructor(
    private readonly policy: DiscussionsPolicy,
    @Inject(DISCUSSIONS_LIMITS) private readonly limits: DiscussionsLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.caps = new ConnectionCaps({
      perUser: limits.maxConnectionsPerUser,
      perAddress: limits.maxConnectionsPerAddress,
    });
    this.budgets = new SharedPerKey(
      () => ({
        events: new TokenBucket(limits.eventsPerSecond, limits.eventBurst),
        writes: new TokenBucket(limits.writesPerSecond, limits.writeBurst),
        typing: new TokenBucket(limits.typingPerSecond, limits.typingBurst),
      }),
      budgetRefillMs(limits),
    );
  }

  attach(namespace: DiscussionsNamespace): void {
    this.namespace = namespace;
    // Another instance asks everyone to re-check some people now (membership removed there).
    if (this.config.redisUrl)
      namespace.on(
        'discussions:recheck',
        (userIds: string[]) => void this.recheckUsers(userIds, false),
      );
    this.timer = setInterval(() => void this.recheck(), this.limits.recheckIntervalMs);
    this.timer.unref();
  }

  /** While the database is still open: no re-check may start after this. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.rechecking;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /**
   * Handshake middleware found this socket's person: admits it within the caps (per person, per
   * client address), or says which cap it would exceed. Its place is held until the transport
   * closes, even if the socket never finishes connecting.
   */
  admit(socket: DiscussionsSocket, actor: Actor): ConnectionRefusal | null {
    const admission = this.caps.admit(actor.userId, clientAddress(socket.request));
    if (!admission.ok) return { cap: admission.cap, limit: admission.limit };
    const budget = this.budgets.acquire(actor.userId);
    const release = () => {
      admission.release();
      budget.release();
    };
    socket.conn.once('close', release);
    socket.once('disconnect', release);
    this.pending.set(socket, { actor, budget });
    socket.data.user = { id: actor.userId, name: actor.name };
    return null;
  }

  register(socket: DiscussionsSocket): Connection | null {
    const admitted = this.pending.get(socket);
    if (!admitted) {
      socket.disconnect(true);
      return null;
    }
    const { actor, budget } = admitted;
    const connection = new Connection(socket, actor, budget.value);
    this.connections.set(socket.id, connection);
    void socket.join(userRoom(actor.userId));
    socket.on('disconnecting', () => {
      connection.closed = true;
      const channels = [...socket.rooms]
        .filter((r) => r.startsWith('channel:'))
        .map((r) => r.slice('channel:'.length));
      // After the socket has left its rooms: tell the others if that was the person's last connection.
      setImmediate(() => void this.announceAbsence(connection.user, channels));
    });
    socket.on('disconnect', () => this.connections.delete(socket.id));
    return connection;
  }

  connection(socketId: string): Connection | undefined {
    return this.connections.get(socketId);
  }

  /** Joins the channel's room (access already granted); answers who is online there. */
  async join(connection: Connection, access: ChannelAccess): Promise<UserRefDto[]> {
    const channelId = access.channel.id;
    const room = channelRoom(channelId);
    connection.grants.set(channelId, access);
    const present = await this.usersIn(room);
    const wasThere = present.some((u) => u.id === connection.actor.userId);
    // Access may have been revoked while we looked (re-check in between): do not join then.
    if (!connection.grants.has(channelId) || connection.closed) return [];
    await connection.socket.join(room);
    if (!wasThere)
      connection.socket
        .to(room)
        .emit('presence', { channelId, user: connection.user, online: true });
    return uniqueUsers([...present, connection.user]);
  }

  async leave(connection: Connection, channelId: string): Promise<void> {
    const room = channelRoom(channelId);
    if (!connection.socket.rooms.has(room)) return;
    await connection.socket.leave(room);
    await this.announceAbsence(connection.user, [channelId]);
  }

  emitToChannel<E extends ServerEvent>(
    channelId: string,
    event: E,
    payload: Parameters<DiscussionServerEvents[E]>[0],
    exceptSocketId?: string,
  ): void {
    if (!this.namespace) return;
    const target = exceptSocketId
      ? this.namespace.to(channelRoom(channelId)).except(exceptSocketId)
      : this.namespace.to(channelRoom(channelId));
    (target.emit as (e: string, p: unknown) => boolean)(event, payload);
  }

  emitToUser<E extends ServerEvent>(
    userId: string,
    event: E,
    payload: Parameters<DiscussionServerEvents[E]>[0],
  ): void {
    if (!this.namespace) return;
    (this.namespace.to(userRoom(userId)).emit as (e: string, p: unknown) => boolean)(
      event,
      payload,
    );
  }

  /**
   * Re-checks these people's open connections now, here and (with Redis) on the other instances:
   * for when a membership is removed or an account disabled.
   */
  async recheckUsers(userIds: readonly string[], broadcast = true): Promise<void> {
    if (broadcast && this.config.redisUrl && this.namespace)
      this.namespace.serverSideEmit('discussions:recheck', [...userIds]);
    const wanted = new Set(userIds);
    await this.recheckConnections(
      [...this.connections.values()].filter((c) => wanted.has(c.actor.userId)),
    );
  }

  /**
   * The periodic re-check (one run at a time): decides again for the connections whose session or
   * channel access was decided before the current access epoch, or whose session ran out. While
   * nothing that grants access changes, that is one small read.
   */
  recheck(): Promise<void> {
    if (this.rechecking) return this.rechecking;
    this.rechecking = this.policy
      .currentEpoch()
      .then((epoch) => {
        const now = Date.now();
        return this.recheckConnections(
          [...this.connections.values()].filter((c) => c.isStale(epoch, now)),
        );
      })
      .catch((err: Error) => this.logger.error(`access re-check failed: ${err.message}`))
      .finally(() => (this.rechecking = null));
    return this.rechecking;
  }

  private async recheckConnections(open: Connection[]): Promise<void> {
    if (!open.length) return;
    const live = await this.policy.liveSessions([
      ...new Set(open.map((c) => c.actor.sessionTokenHash)),
    ]);
    const remaining: Connection[] = [];
    for (const connection of open) {
      const expiresAt = live.expiries.get(connection.actor.sessionTokenHash);
      if (expiresAt === undefined) {
        connection.socket.disconnect(true);
        continue;
      }
      connection.session = { epoch: live.epoch, expiresAt };
      remaining.push(connection);
    }
    const items = remaining.flatMap((connection) =>
      [...connection.grants.keys()].map((channelId) => ({ connection, channelId })),
    );
    if (!items.length) return;
    const verdicts = await this.policy.many(
      items.map((i) => ({ userId: i.connection.actor.userId, channelId: i.channelId })),
    );
    await Promise.all(
      items.map(async ({ connection, channelId }, i) => {
        const access = verdicts[i];
        if (access?.rights.read) {
          connection.grants.set(channelId, access);
          return;
        }
        connection.grants.delete(channelId);
        if (connection.socket.rooms.has(channelRoom(channelId))) {
          await connection.socket.leave(channelRoom(channelId));
          connection.socket.emit('channel:revoked', { channelId });
          await this.announceAbsence(connection.user, [channelId]);
        }
      }),
    );
  }

  /** Who is in a room, on every instance; only this instance's when another does not answer in time. */
  private async usersIn(room: string): Promise<UserRefDto[]> {
    if (!this.namespace) return [];
    let sockets: { data: Partial<SocketData> }[];
    try {
      sockets = await this.namespace.in(room).fetchSockets();
    } catch (err) {
      this.logger.warn(`presence across instances unavailable: ${(err as Error).message}`);
      sockets = await this.namespace.local.in(room).fetchSockets();
    }
    return uniqueUsers(sockets.map((s) => s.data.user).filter((u): u is UserRefDto => !!u));
  }

  private async announceAbsence(user: UserRefDto, channelIds: readonly string[]): Promise<void> {
    try {
      for (const channelId of channelIds) {
        const present = await this.usersIn(channelRoom(channelId));
        if (!present.some((u) => u.id === user.id))
          this.emitToChannel(channelId, 'presence', { channelId, user, online: false });
      }
    } catch (err) {
      this.logger.warn(`presence update failed: ${(err as Error).message}`);
    }
  }
}

function uniqueUsers(users: readonly UserRefDto[]): UserRefDto[] {
  const byId = new Map(users.map((u) => [u.id, u]));
  return [...byId.values()];
}
