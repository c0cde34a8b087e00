import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EventBus } from './event-bus.js';
import { EventOutboxRepository } from './event-outbox.repository.js';

/** Events claimed per transaction. */
const BATCH = 100;
/** How often the outbox is swept for events a crash (between commit and delivery) or a failure left behind. */
const SWEEP_MS = 10_000;

/**
 * Delivers the outbox's events to their subscribers: right after the producer's commit
 * (`deliverSoon`), at start-up, and every SWEEP_MS. An event is deleted in the transaction that
 * claimed it, after its subscribers succeeded: at least once, never lost; subscribers dedupe.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EventOutboxRepository,
    private readonly bus: EventBus,
  ) {}

  /** What a crash (or the demo seed) left in the outbox is delivered before the application serves. */
  async onApplicationBootstrap(): Promise<void> {
    await this.deliverSoon();
    this.sweep = setInterval(() => void this.deliverSoon(), SWEEP_MS);
    this.sweep.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    await this.queued;
    await this.running;
  }

  /**
   * A delivery pass after the current one (what was committed before this call is in it, unless
   * another instance holds it); never rejects. Calls while a pass waits share it.
   */
  deliverSoon(): Promise<void> {
    this.queued ??= (async () => {
      await this.running;
      this.queued = null;
      this.running = this.deliverPending().finally(() => (this.running = null));
      await this.running;
    })();
    return this.queued;
  }

  private async deliverPending(): Promise<void> {
    try {
      while ((await this.deliverBatch()) === BATCH);
    } catch (err) {
      this.logger.error(`outbox delivery failed: ${(err as Error).message}`);
    }
  }

  /** One transaction: claim, run the subscribers, delete what they took. Answers how many were delivered (0 after a failure). */
  private deliverBatch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const events = await this.outbox.claim(m, BATCH);
      const done: string[] = [];
      const failed: string[] = [];
      for (const event of events) {
        try {
          await this.bus.deliver(event);
          done.push(event.id);
        } catch (err) {
          failed.push(event.id);
          this.logger.error(`${event.type} ${event.id} not delivered: ${(err as Error).message}`);
        }
      }
      await this.outbox.delivered(m, done);
      await this.outbox.failed(m, failed);
      // After a failure, the rest waits for the sweep: the failed events would be claimed first again.
      return failed.length ? 0 : events.length;
    });
  }
}
