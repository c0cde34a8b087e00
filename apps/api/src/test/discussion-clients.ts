/**
 * socket.io clients of the `/discussions` namespace for tests: connect with a token or a cookie,
 * emit with an acknowledgement, wait for or collect server events.
 */
import { io, type Socket } from 'socket.io-client';
import {
  DISCUSSIONS_NAMESPACE,
  type DiscussionClientEvents,
  type DiscussionServerEvents,
} from '@iuc/domain';

export type DiscussionsClient = Socket<DiscussionServerEvents, DiscussionClientEvents>;

export interface ConnectOptions {
  token?: string;
  cookie?: string;
  origin?: string;
  /** More handshake headers, e.g. X-Forwarded-For (the test client is a trusted local peer). */
  headers?: Record<string, string>;
}

const open: DiscussionsClient[] = [];

function socketFor(baseUrl: string, options: ConnectOptions): DiscussionsClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket: DiscussionsClient = io(`${baseUrl}${DISCUSSIONS_NAMESPACE}`, {
    transports: ['websocket'],
    auth: options.token ? { token: options.token } : {},
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
  });
  open.push(socket);
  return socket;
}

/** Resolves once connected; rejects with the server's reason when the connection is refused. */
export function connectDiscussions(
  baseUrl: string,
  options: ConnectOptions,
): Promise<DiscussionsClient> {
  const socket = socketFor(baseUrl, options);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** The refusal a connection attempt gets (message), or 'connected'. */
export async function connectOutcome(baseUrl: string, options: ConnectOptions): Promise<string> {
  try {
    const socket = await connectDiscussions(baseUrl, options);
    socket.close();
    return 'connected';
  } catch (err) {
    return (err as Error).message;
  }
}

/** The code (connect_error `data.code`) and message of a refused connection; null when it connects. */
export async function connectRefusal(
  baseUrl: string,
  options: ConnectOptions,
): Promise<{ code?: string; message: string } | null> {
  try {
    (await connectDiscussions(baseUrl, options)).close();
    return null;
  } catch (err) {
    return {
      code: (err as { data?: { code?: string } }).data?.code,
      message: (err as Error).message,
    };
  }
}

/** Emits an event with an acknowledgement and answers it (any payload: tests send hostile ones). */
export function ask<T = Record<string, unknown>>(
  socket: DiscussionsClient,
  event: string,
  ...args: unknown[]
): Promise<T> {
  return (
    socket.timeout(5_000) as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<T> }
  ).emitWithAck(event, ...args);
}

/** Every payload of `event` from now on. */
export function collect<E extends keyof DiscussionServerEvents>(
  socket: DiscussionsClient,
  event: E,
): Parameters<DiscussionServerEvents[E]>[0][] {
  const seen: Parameters<DiscussionServerEvents[E]>[0][] = [];
  (socket.on as (e: string, l: (p: unknown) => void) => void)(event, (payload) =>
    seen.push(payload as Parameters<DiscussionServerEvents[E]>[0]),
  );
  return seen;
}

/** The next payload of `event` that satisfies `match`. */
export function next<E extends keyof DiscussionServerEvents>(
  socket: DiscussionsClient,
  event: E,
  match: (payload: Parameters<DiscussionServerEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Parameters<DiscussionServerEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const listener = (payload: unknown) => {
      const typed = payload as Parameters<DiscussionServerEvents[E]>[0];
      if (!match(typed)) return;
      clearTimeout(timer);
      (socket.off as (e: string, l: (p: unknown) => void) => void)(event, listener);
      resolve(typed);
    };
    const timer = setTimeout(() => {
      (socket.off as (e: string, l: (p: unknown) => void) => void)(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    (socket.on as (e: string, l: (p: unknown) => void) => void)(event, listener);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Closes every client opened through this module. */
export function closeAllDiscussionClients(): void {
  for (const socket of open.splice(0)) socket.close();
}
