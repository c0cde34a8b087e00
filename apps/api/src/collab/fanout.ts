/**
 * Cross-instance fan-out of live documents. With several API instances, each holds its own copy of
 * an open document; what one instance made durable (or an awareness change) is published so the
 * others apply it and relay it to their own connections. Without Redis there is nothing to do.
 */
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export type FanoutKind = 'update' | 'awareness';
export type FanoutHandler = (kind: FanoutKind, payload: Uint8Array) => void;

export interface CollabFanout {
  /** Starts receiving a document's messages from other instances. */
  join(docName: string, handler: FanoutHandler): Promise<void>;
  leave(docName: string): Promise<void>;
  publish(docName: string, kind: FanoutKind, payload: Uint8Array): void;
  close(): Promise<void>;
}

export class LocalFanout implements CollabFanout {
  async join(): Promise<void> {}
  async leave(): Promise<void> {}
  publish(): void {}
  async close(): Promise<void> {}
}

const KIND_CODE: Record<FanoutKind, number> = { update: 0, awareness: 1 };
const KINDS: FanoutKind[] = ['update', 'awareness'];
const channel = (docName: string) => `iuc:collab:${docName}`;

/** Frames on the wire: [kind byte][8-byte instance id][payload]. */
export class RedisFanout implements CollabFanout {
  private readonly logger = new Logger('CollabFanout');
  private readonly instance = randomBytes(8);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, FanoutHandler>();

  constructor(url: string) {
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    this.sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
    for (const client of [this.pub, this.sub])
      client.on('error', (err: Error) => this.logger.error(`redis: ${err.message}`));
    this.sub.on('messageBuffer', (channelName: Buffer, message: Buffer) => {
      const handler = this.handlers.get(channelName.toString().slice('iuc:collab:'.length));
      if (!handler || message.length < 9 || message.subarray(1, 9).equals(this.instance)) return;
      const kind = KINDS[message[0]];
      if (kind) handler(kind, new Uint8Array(message.subarray(9)));
    });
  }

  async join(docName: string, handler: FanoutHandler): Promise<void> {
    this.handlers.set(docName, handler);
    await this.sub.subscribe(channel(docName));
  }

  async leave(docName: string): Promise<void> {
    this.handlers.delete(docName);
    await this.sub.unsubscribe(channel(docName));
  }

  publish(docName: string, kind: FanoutKind, payload: Uint8Array): void {
    const frame = Buffer.concat([Buffer.from([KIND_CODE[kind]]), this.instance, payload]);
    this.pub
      .publish(channel(docName), frame)
      .catch((err: Error) => this.logger.error(`publish failed: ${err.message}`));
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}

export const COLLAB_FANOUT = Symbol('COLLAB_FANOUT');
