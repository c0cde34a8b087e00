/**
 * socket.io on the API's HTTP server, for the gateways (`app.useWebSocketAdapter`). Browsers'
 * Origin is checked against the allow-list before the handshake, frames are capped a little above
 * the message body limit and in nesting depth, and with REDIS_URL the Redis adapter lets several API instances share
 * rooms. Upgrades for other paths (the collab server's `/collab/…`) are left to their owners.
 */
import { Logger, type INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server, ServerOptions } from 'socket.io';
import { originRefusal } from '../../auth/origin-policy.js';
import type { AppConfig } from '../../config/config.js';
import { loadDiscussionsLimits, maxFrameBytes } from '../discussions.config.js';
import { originAllowed } from './socket-auth.js';
import { depthLimitedParser } from './socket-parser.js';

const SOCKET_IO_PATH = '/socket.io';
/** Paths whose upgrades another part of the server answers. */
const OTHER_UPGRADE_PATHS = ['/collab/'];

export class DiscussionsIoAdapter extends IoAdapter {
  private readonly log = new Logger('SocketIo');
  private redisClients: Redis[] = [];

  constructor(
    app: INestApplication,
    private readonly config: AppConfig,
    private readonly maxBodyBytes = loadDiscussionsLimits().maxBodyBytes,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = this.config.allowedOrigins;
    const server: Server = super.createIOServer(port, {
      ...options,
      path: SOCKET_IO_PATH,
      serveClient: false,
      cors: { origin: allowed, credentials: true },
      allowRequest: (
        req: IncomingMessage,
        callback: (err: string | null | undefined, success: boolean) => void,
      ) => {
        const ok = originAllowed(req, this.config);
        if (!ok)
          this.log.warn(
            `socket.io handshake refused: ${originRefusal(req.headers.origin ?? '', this.config)}`,
          );
        callback(ok ? null : 'origin not allowed', ok);
      },
      maxHttpBufferSize: maxFrameBytes(this.maxBodyBytes),
      parser: depthLimitedParser(this.config.jsonMaxDepth),
      // engine.io must not destroy upgrades it does not own: the collab server answers /collab/….
      destroyUpgrade: false,
      pingInterval: 20_000,
      pingTimeout: 20_000,
      // A transport that joins no namespace is dropped after this.
      connectTimeout: 10_000,
    } as ServerOptions);
    // Nothing is served on the main namespace: no socket may sit there unauthenticated.
    server
      .of('/')
      .use((_socket, next) => next(new Error('Connect to a namespace, e.g. /discussions.')));
    this.closeStrayUpgrades(server);
    if (this.config.redisUrl) {
      const pub = new Redis(this.config.redisUrl, {
        lazyConnect: false,
        maxRetriesPerRequest: null,
      });
      const sub = pub.duplicate();
      for (const client of [pub, sub])
        client.on('error', (err: Error) => this.log.error(`Redis: ${err.message}`));
      this.redisClients = [pub, sub];
      server.adapter(createAdapter(pub, sub, { requestsTimeout: 2_000 }));
      this.log.log('socket.io rooms are shared through Redis');
    }
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    const clients = this.redisClients.splice(0);
    await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
  }

  /**
   * With destroyUpgrade off, nobody would close an upgrade to an unknown path: do what engine.io
   * does (close it after a second if nothing answered), except for our own and others' paths.
   */
  private closeStrayUpgrades(server: Server): void {
    const http = (server as unknown as { httpServer?: HttpServer }).httpServer;
    http?.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
      const url = req.url ?? '/';
      if (
        url.startsWith(`${SOCKET_IO_PATH}/`) ||
        OTHER_UPGRADE_PATHS.some((p) => url.startsWith(p))
      )
        return;
      setTimeout(() => {
        if (socket.writable && (socket as Duplex & { bytesWritten?: number }).bytesWritten === 0)
          socket.end();
      }, 1_000).unref();
    });
  }
}
