/**
 * The one socket.io connection of a signed-in page (namespace /discussions, authenticated by the
 * session cookie), shared through context by the discussions pages and the notification bell.
 *
 * Server events reach components through `useSocketEvent`. Our own acknowledged writes are fed to
 * the same listeners (`echo`), because the server does not send a connection its own events: one
 * code path then updates every list, whether the change came from us, another device or someone else.
 */
import {
  DISCUSSIONS_NAMESPACE,
  type Ack,
  type DiscussionClientEvents,
  type ApiErrorCode,
  type DiscussionServerEvents,
} from '@iuc/domain';
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { io, type Socket } from 'socket.io-client';
import { useSession } from '../session/session';

type ClientSocket = Socket<DiscussionServerEvents, DiscussionClientEvents>;
type ServerEvent = keyof DiscussionServerEvents;
type Payload<E extends ServerEvent> = Parameters<DiscussionServerEvents[E]>[0];
type Listener = (payload: never) => void;

/** What a client event is sent with, and what its acknowledgement answers. */
type ClientPayload<E extends keyof DiscussionClientEvents> = Parameters<
  DiscussionClientEvents[E]
>[0];
type ClientAck<E extends keyof DiscussionClientEvents> = Parameters<
  Parameters<DiscussionClientEvents[E]>[1]
>[0];

/** An error acknowledgement, or one made here when the server could not be asked. */
export interface SendError {
  ok: false;
  code: ApiErrorCode | 'offline' | 'timeout';
  error: string;
}
export type SendResult<A> = Exclude<A, { ok: false }> | SendError;

const ACK_TIMEOUT_MS = 10_000;
const SERVER_EVENTS: ServerEvent[] = [
  'message:new',
  'message:updated',
  'message:deleted',
  'message:reaction',
  'typing',
  'presence',
  'notification',
  'notifications:read',
  'channel:read',
  'channel:updated',
  'channel:revoked',
];

export interface DiscussionsConnection {
  send<E extends keyof DiscussionClientEvents>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<SendResult<ClientAck<E>>>;
  /** Hands an event to this page's listeners as if the server had sent it. */
  echo<E extends ServerEvent>(event: E, payload: Payload<E>): void;
  on<E extends ServerEvent>(event: E, listener: (payload: Payload<E>) => void): () => void;
}

class Connection implements DiscussionsConnection {
  private readonly listeners = new Map<ServerEvent, Set<Listener>>();

  constructor(readonly socket: ClientSocket) {
    for (const event of SERVER_EVENTS) {
      (socket.on as (e: string, l: (p: unknown) => void) => void)(event, (payload) =>
        this.echo(event, payload as never),
      );
    }
  }

  async send<E extends keyof DiscussionClientEvents>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<SendResult<ClientAck<E>>> {
    // Refuse rather than let socket.io buffer a write that might then be sent twice.
    if (!this.socket.connected) return { ok: false, code: 'offline', error: 'offline' };
    try {
      const timed = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
        emitWithAck(e: string, p: unknown): Promise<Ack>;
      };
      return (await timed.emitWithAck(event, payload)) as SendResult<ClientAck<E>>;
    } catch {
      return { ok: false, code: 'timeout', error: 'timeout' };
    }
  }

  echo<E extends ServerEvent>(event: E, payload: Payload<E>): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (p: Payload<E>) => void)(payload);
  }

  on<E extends ServerEvent>(event: E, listener: (payload: Payload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    this.listeners.set(event, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }
}

export interface SocketState {
  /** Null while signed out. */
  connection: DiscussionsConnection | null;
  connected: boolean;
  /** Counts (re)connections: effects that must redo something after a reconnect depend on it. */
  generation: number;
}

const CLOSED: SocketState = { connection: null, connected: false, generation: 0 };

/** Owns the socket and publishes its state to React (useSyncExternalStore). */
class SocketStore {
  private state: SocketState = CLOSED;
  private readonly subscribers = new Set<() => void>();

  subscribe = (notify: () => void) => {
    this.subscribers.add(notify);
    return () => this.subscribers.delete(notify);
  };

  snapshot = () => this.state;

  /** Connects; answers the function that disconnects. */
  open(): () => void {
    const socket: ClientSocket = io(DISCUSSIONS_NAMESPACE, {
      withCredentials: true,
      transports: ['websocket'],
    });
    const connection = new Connection(socket);
    const update = () =>
      this.set({
        connection,
        connected: socket.connected,
        generation: this.state.generation + (socket.connected ? 1 : 0),
      });
    socket.on('connect', update);
    socket.on('disconnect', update);
    // The browser knows at once when the network goes; socket.io would wait for a missed ping.
    const offline = () => socket.disconnect();
    const online = () => socket.connect();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.set({ connection, connected: false, generation: 0 });
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      socket.off('connect', update);
      socket.off('disconnect', update);
      socket.disconnect();
      this.set(CLOSED);
    };
  }

  private set(state: SocketState): void {
    this.state = state;
    for (const notify of this.subscribers) notify();
  }
}

const Context = createContext<SocketState>(CLOSED);

/** Opens the connection while someone is signed in; a new person gets a new connection. */
export function DiscussionsSocketProvider({
  userId,
  children,
}: {
  userId: string | null;
  children: ReactNode;
}) {
  const [store] = useState(() => new SocketStore());
  useEffect(() => (userId ? store.open() : undefined), [store, userId]);
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  return <Context.Provider value={state}>{children}</Context.Provider>;
}

/** The page's connection and whether it is up. */
export function useDiscussionsSocket(): SocketState {
  return useContext(Context);
}

/** Calls `handler` for every such event (from the server or echoed); the latest handler is used. */
export function useSocketEvent<E extends ServerEvent>(
  event: E,
  handler: (payload: Payload<E>) => void,
): void {
  const { connection } = useDiscussionsSocket();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => connection?.on(event, (payload) => latest.current(payload)), [connection, event]);
}

/** The connection of whoever is signed in (none while signed out). */
export function SessionSocketProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return (
    <DiscussionsSocketProvider userId={user?.id ?? null}>{children}</DiscussionsSocketProvider>
  );
}
