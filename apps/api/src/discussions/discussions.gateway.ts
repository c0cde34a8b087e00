/**
 * The `/discussions` socket.io namespace. Thin: authenticate at the handshake, then for each event
 * rate-limit, validate, ask the service, and acknowledge { ok: true, … } or { ok: false, code,
 * error }. Plain return values are acknowledgements (never `{ event, data }`, which would emit).
 */
import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  DISCUSSIONS_NAMESPACE,
  type Ack,
  type EmptyAck,
  type JoinAck,
  type MessageAck,
  type ReactionAck,
} from '@iuc/domain';
import { SessionsService } from '../auth/sessions.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DiscussionsHub, type Connection, type DiscussionsNamespace, type DiscussionsSocket } from './discussions.hub.js';
import { DiscussionsService, type AccessLookup } from './discussions.service.js';
import { ChannelPayload, EditMessageDto, MessageRefDto, SendMessageDto, ToggleReactionDto } from './dto/socket-payloads.dto.js';
import { originAllowed, presentedCredential } from './socket-auth.js';
import { ackError, errorAck, validatePayload } from './socket-validation.js';

type Bucket = 'writes' | 'typing' | null;

@WebSocketGateway({ namespace: DISCUSSIONS_NAMESPACE })
export class DiscussionsGateway implements OnGatewayInit<DiscussionsNamespace>, OnGatewayConnection<DiscussionsSocket> {
  private readonly logger = new Logger('Discussions');

  constructor(
    private readonly discussions: DiscussionsService,
    private readonly hub: DiscussionsHub,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    this.hub.register(socket);
  }

  @SubscribeMessage('channel:join')
  join(@ConnectedSocket() socket: DiscussionsSocket, @MessageBody() payload: unknown): Promise<JoinAck> {
    return this.run(socket, null, ChannelPayload, payload, async (connection, { channelId }) => {
      // Always a fresh policy decision before a room is joined.
      const access = await this.discussions.authorize(connection.actor, channelId);
      const online = await this.hub.join(connection, access);
      return { channel: await this.discussions.channelFor(connection.actor, access), online };
    });
  }

  @SubscribeMessage('channel:leave')
  leave(@ConnectedSocket() socket: DiscussionsSocket, @MessageBody() payload: unknown): Promise<EmptyAck> {
    return this.run(socket, null, ChannelPayload, payload, async (connection, { channelId }) => {
      await this.hub.leave(connection, channelId);
      return {};
    });
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() socket: DiscussionsSocket, @MessageBody() payload: unknown): Promise<MessageAck> {
    return this.run(socket, 'writes', SendMessageDto, payload, (connection, dto) =>
      // One connection's messages are saved in the order it sent them.
      connection.serial(async () => {
        const access = await this.accessFor(connection)(dto.channelId);
        const message = await this.discussions.send(connection.actor, access, dto, socket.id);
        return { message };
      }),
    );
  }

  @SubscribeMessage('message:edit')
  edit(@ConnectedSocket() socket: DiscussionsSocket, @MessageBody() payload: unknown): Promise<MessageAck> {
    return this.run(socket, 'writes', EditMessageDto, payload, (connection, dto) =>
      connection.serial(async () => ({
        message: await this.discussions.edit(connection.actor, dto.messageId, dto.body, this.accessFor(connection), socket.id),
      })),
    );
  }

  @SubscribeMessage('message:delete')
  remove(@ConnectedSocket() socket: DiscussionsSocket, @MessageBody() payload: unknown): Promise<MessageAck> {
    return this.run(socket, 'writes', MessageRefDto, payload, (connection, dto) =>
      connection.serial(async () => ({
        message: await this.discussions.remove(connection.actor, dto.messageId, this.accessFor(connection), socket.id),
      })),
    );
  }

  @SubscribeMessage('reaction:toggle')
  react(@ConnectedSocket() socket: DiscussionsSocket, @MessageBody() payload: unknown): Promise<ReactionAck> {
    return this.run(socket, 'writes', ToggleReactionDto, payload, (connection, dto) =>
      connection.serial(async () => ({
        reaction: await this.discussions.toggleReaction(connection.actor, dto.messageId, dto.emoji, this.accessFor(connection), socket.id),
      })),
    );
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: DiscussionsSocket, @MessageBody() payload: unknown): Promise<EmptyAck> {
    return this.run(socket, 'typing', ChannelPayload, payload, async (connection, { channelId }) => {
      this.discussions.typing(connection.actor, await this.accessFor(connection)(channelId), socket.id);
      return {};
    });
  }

  /** Refusal reason, or null when the socket may connect (its person then registered with the hub). */
  private async authenticate(socket: DiscussionsSocket): Promise<Error | null> {
    const credential = presentedCredential(socket.handshake);
    if (!credential) return refusal('unauthenticated', 'Sign in first: send auth { token } or the session cookie.');
    if (credential.via === 'cookie' && !this.config.allowedOrigins.includes(socket.handshake.headers.origin ?? '')) {
      return refusal('forbidden', 'The session cookie is only accepted from the platform’s own pages.');
    }
    if (!originAllowed(socket.handshake.headers.origin, this.config.allowedOrigins)) return refusal('forbidden', 'Origin not allowed.');
    const session = await this.sessions.resolve(credential.token, credential.via);
    if (!session) return refusal('unauthenticated', 'The session is missing, expired or ended.');
    this.hub.authenticated(socket, session.actor);
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
  private async run<D extends object, R extends object>(
    socket: DiscussionsSocket,
    bucket: Bucket,
    type: new () => D,
    payload: unknown,
    handle: (connection: Connection, dto: D) => Promise<R>,
  ): Promise<Ack<R>> {
    const connection = this.hub.connection(socket.id);
    if (!connection || connection.closed) return ackError('forbidden', 'The connection is closing.');
    if (!connection.events.take()) return ackError('rate_limited', 'Too many events: slow down.');
    const valid = validatePayload(type, payload);
    if (!valid.ok) return valid;
    if (bucket && !connection[bucket].take()) return ackError('rate_limited', 'Too many messages: slow down.');
    try {
      return { ok: true, ...(await handle(connection, valid.value)) };
    } catch (err) {
      return errorAck(err);
    }
  }
}

function refusal(code: 'unauthenticated' | 'forbidden', message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}
