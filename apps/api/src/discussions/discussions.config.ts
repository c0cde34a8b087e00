/**
 * Limits of the discussions module, read from the environment at boot (defaults suit people
 * chatting; the benchmark raises the message rate). A bad value stops the process with one line.
 */
import { refillMs } from '../common/token-bucket.js';
import { DISCUSSION_DEFAULTS } from '@iuc/domain';
import { int, type Env } from '../config/config.js';

export interface DiscussionsLimits {
  /** Largest message body in UTF-8 bytes (DISCUSSIONS_MAX_BODY_BYTES, default 8192). */
  maxBodyBytes: number;
  /**
   * Per person (shared by all their connections to this instance): messages, edits, deletions and
   * reactions a second, and the burst allowed.
   */
  writesPerSecond: number;
  writeBurst: number;
  /** Per person: every event a second (validation failures included), and the burst. */
  eventsPerSecond: number;
  eventBurst: number;
  /** Per person: typing signals a second, and the burst. */
  typingPerSecond: number;
  typingBurst: number;
  /** Open connections one person, and one client address, may hold on this instance. */
  maxConnectionsPerUser: number;
  maxConnectionsPerAddress: number;
  /** How often open connections' access is checked again (membership removed, session ended). */
  recheckIntervalMs: number;
}

export const DISCUSSIONS_LIMITS = Symbol('DISCUSSIONS_LIMITS');

export function loadDiscussionsLimits(env: Env = process.env): DiscussionsLimits {
  const writesPerSecond = int(env, 'DISCUSSIONS_MESSAGES_PER_SECOND', 5, 1, 100_000);
  const eventsPerSecond = int(
    env,
    'DISCUSSIONS_EVENTS_PER_SECOND',
    Math.max(30, writesPerSecond * 3),
    1,
    1_000_000,
  );
  return {
    maxBodyBytes: int(
      env,
      'DISCUSSIONS_MAX_BODY_BYTES',
      DISCUSSION_DEFAULTS.maxBodyBytes,
      256,
      1024 * 1024,
    ),
    writesPerSecond,
    writeBurst: int(env, 'DISCUSSIONS_MESSAGE_BURST', writesPerSecond * 2, 1, 1_000_000),
    eventsPerSecond,
    eventBurst: int(env, 'DISCUSSIONS_EVENT_BURST', eventsPerSecond * 2, 1, 1_000_000),
    typingPerSecond: 1,
    typingBurst: 3,
    maxConnectionsPerUser: int(env, 'DISCUSSIONS_MAX_CONNECTIONS_PER_USER', 20, 1, 100_000),
    maxConnectionsPerAddress: int(
      env,
      'DISCUSSIONS_MAX_CONNECTIONS_PER_ADDRESS',
      200,
      1,
      1_000_000,
    ),
    recheckIntervalMs: int(env, 'DISCUSSIONS_RECHECK_MS', 2_000, 100, 60_000),
  };
}

/** How long a person's budget must outlive their last connection: until every bucket is full again. */
export function budgetRefillMs(limits: DiscussionsLimits): number {
  return refillMs(
    { rate: limits.writesPerSecond, burst: limits.writeBurst },
    { rate: limits.eventsPerSecond, burst: limits.eventBurst },
    { rate: limits.typingPerSecond, burst: limits.typingBurst },
  );
}

/**
 * engine.io's frame ceiling: above the body limit (a body may need up to 6 bytes per character
 * once JSON-escaped) so that oversized bodies get an error acknowledgement; larger frames close the
 * connection.
 */
export function maxFrameBytes(maxBodyBytes: number): number {
  return maxBodyBytes * 6 + 16 * 1024;
}
