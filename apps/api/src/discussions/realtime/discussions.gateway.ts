/**
 * The `/discussions` socket.io namespace. Thin: authenticate at the handshake, then for each event
 * rate-limit, validate, ask the service, and acknowledge { ok: true, … } or { ok: false, code,
 * error }. Events are bound on each socket from one table rather than through @SubscribeMessage:
 * a chat message then costs one function call here, not an RxJS pipeline and a class-validator run.
 */
import { Inject, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { DISCUSSIONS_NAMESPACE, type Ack, type DiscussionClientEvents } from '@iuc/domain';
import { originRefusal } from '../../auth/origin-policy.js';
import { SessionsService } from '../../auth/sessions/sessions.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import {
  DiscussionsHub,
  type Connection,
  type DiscussionsNamespace,
  type DiscussionsSocket,
} from './discussions.hub.js';
import { DiscussionsService, type AccessLookup } from '../discussions.service.js';
import {
  channelPayload,
  editMessagePayload,
  messageRefPayload,
  sendMessagePayload,
  toggleReactionPayload,
  type PayloadParser,
} from './socket-payloads.js';
import { originAllowed, presentedCredential } from './socket-auth.js';
import { ackError, errorAck } from './socket-acks.js';

type Bucket = 'writes' | 'typing' | null;

/** One client event: its rate bucket (besides the per-event one), its payload, what it does. */
interface EventHandler<P> {
  bucket: Bucket;
  parse: PayloadParser<P>;
  handle: (connection: Connection, payload: P) => Promise<object>;
}

type PayloadOf<E extends keyof DiscussionClientEvents> = Parameters<DiscussionClientEvents[E]>[0];
type EventTable = { [E in keyof DiscussionClientEvents]: EventHandler<PayloadOf<E>> };

@WebSocketGateway({ namespace: DISCUSSIONS_NAMESPACE })
export class DiscussionsGateway
  implements OnGatewayInit<DiscussionsNamespace>, OnGatewayConnection<DiscussionsSocket>
{
  private readonly logger = new Logger('Discussions');
  private readonly events: EventTable;

  constructor(
    private readonly discussions: DiscussionsService,
    private readonly hub: DiscussionsHub,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.events = this.eventTable();
  }

  afterInit(namespace: DiscussionsNamespace): void {
    // No anonymous socket: the handshake must carry a live session.
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        (refusal) => next(refusal ?? undefined),
        (err: Error) => {
          this.logger.error(`socket authentication failed: ${err.message}`);
          next(new Error('Authentication failed.'));
        },
      );
    });
    this.hub.attach(namespace);
  }

  handleConnection(socket: DiscussionsSocket): void {
    const connection = this.hub.register(socket);
    if (!connection) return;
    for (const [event, handler] of Object.entries(this.events) as [
      string,
      EventHandler<unknown>,
    ][]) {
      socket.on(event as keyof DiscussionClientEvents, (...args: unknown[]) => {
        // The acknowledgement callback comes last; a client that asked for none gets none.
        const ack =
          typeof args.at(-1) === 'function' ? (args.pop() as (answer: Ack<object>) => void) : null;
        const answer =
          args.length === 1
            ? this.run(connection, handler, args[0])
            : Promise.resolve(ackError('invalid', 'Send one payload object.'));
        void answer.then((a) => ack?.(a));
      });
    }
  }

  private eventTable(): EventTable {
    return {
      'channel:join': {
        bucket: null,
        parse: channelPayload,
        handle: async (connection, { channelId }) => {
          // Always a fresh policy decision before a room is joined.
          const access = await this.discussions.authorize(connection.actor, channelId);
          const online = await this.hub.join(connection, access);
          return { channel: await this.discussions.channelFor(connection.actor, access), online };
        },
      },
      'channel:leave': {
        bucket: null,
        parse: channelPayload,
        handle: async (connection, { channelId }) => {
          await this.hub.leave(connection, channelId);
          return {};
        },
      },
      'message:send': this.write(sendMessagePayload, async (c, payload) => ({
        message: await this.discussions.send(
          c.actor,
          await this.accessFor(c)(payload.channelId),
          payload,
          c.socket.id,
        ),
      })),
      'message:edit': this.write(editMessagePayload, async (c, { messageId, body }) => ({
        message: await this.discussions.edit(
          c.actor,
          messageId,
          body,
          this.accessFor(c),
          c.socket.id,
        ),
      })),
      'message:delete': this.write(messageRefPayload, async (c, { messageId }) => ({
        message: await this.discussions.remove(c.actor, messageId, this.accessFor(c), c.socket.id),
      })),
      'reaction:toggle': this.write(toggleReactionPayload, async (c, { messageId, emoji }) => ({
        reaction: await this.discussions.toggleReaction(
          c.actor,
          messageId,
          emoji,
          this.accessFor(c),
          c.socket.id,
        ),
      })),
      typing: {
        bucket: 'typing',
        parse: channelPayload,
        handle: async (connection, { channelId }) => {
          this.discussions.typing(
            connection.actor,
            await this.accessFor(connection)(channelId),
            connection.socket.id,
          );
          return {};
        },
      },
    };
  }

  /** A write event: the write rate bucket, and one connection's writes run in the order it sent them. */
  private write<P>(
    parse: PayloadParser<P>,
    handle: (connection: Connection, payload: P) => Promise<object>,
  ): EventHandler<P> {
    return {
      bucket: 'writes',
      parse,
      handle: (connection, payload) => connection.serial(() => handle(connection, payload)),
    };
  }

  /** Refusal reason, or null when the socket may connect (its person then registered with the hub). */
  private async authenticate(socket: DiscussionsSocket): Promise<Error | null> {
    const credential = presentedCredential(socket.handshake);
    if (!credential)
      return refusal(
        'unauthenticated',
        'Sign in first: send auth { token } or the session cookie.',
      );
    if (credential.via === 'cookie' && !socket.handshake.headers.origin) {
      return refusal(
        'forbidden',
        'The session cookie is only accepted from the platform’s own pages.',
      );
    }
    if (!originAllowed(socket.request, this.config))
      return refusal(
        'forbidden',
        originRefusal(socket.handshake.headers.origin ?? '', this.config),
      );
    const session = await this.sessions.resolve(credential.token, credential.via);
    if (!session) return refusal('unauthenticated', 'The session is missing, expired or ended.');
    // Closed while its session was looked up: socket.io emits no 'disconnect' for it, so a place
    // taken now would never be given back.
    if (socket.conn.readyState !== 'open')
      return refusal('unauthenticated', 'The connection closed while signing in.');
    const over = this.hub.admit(socket, session.actor);
    if (over)
      return refusal(
        'too_many_connections',
        over.cap === 'user'
          ? `You already have ${over.limit} open connections: close another tab or device first.`
          : `Too many open connections from your network (${over.limit}): try again later.`,
      );
    return null;
  }

  /** The connection's cached access to a channel, or the policy's answer (then cached). */
  private accessFor(connection: Connection): AccessLookup {
    return async (channelId) => {
      const cached = connection.grants.get(channelId);
      if (cached) return cached;
      const access = await this.discussions.authorize(connection.actor, channelId);
      if (!connection.closed) connection.grants.set(channelId, access);
      return access;
    };
  }

  /** Rate limits, validation and errors around one event; always answers an acknowledgement. */
  private async run<P>(
    connection: Connection,
    handler: EventHandler<P>,
    payload: unknown,
  ): Promise<Ack<object>> {
    if (connection.closed) return ackError('forbidden', 'The connection is closing.');
    if (!connection.events.take()) return ackError('rate_limited', 'Too many events: slow down.');
    const valid = handler.parse(payload);
    if (!valid.ok) return valid;
    if (handler.bucket && !connection[handler.bucket].take())
      return ackError('rate_limited', 'Too many messages: slow down.');
    try {
      return { ok: true, ...(await handler.handle(connection, valid.value)) };
    } catch (err) {
      return errorAck(err);
    }
  }
}

/** Sent to the client as connect_error with `data.code`. */
type RefusalCode = 'unauthenticated' | 'forbidden' | 'too_many_connections';

function refusal(code: RefusalCode, message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}
