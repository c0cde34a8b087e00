import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { pgPool } from '../database/dedicated-connection.js';
import type { Queryable } from '../database/queryable.js';
import { TrackedPool } from './tracked-pool.js';

export interface SendOptions {
  /** At most one job with this key waits in the queue: a second send while one waits returns null. */
  singletonKey?: string;
  /** Attempts after the first; 3 by default. */
  retryLimit?: number;
  /** First retry delay, doubled (with jitter) at each attempt; 0 retries at once. 2 by default. */
  retryDelaySeconds?: number;
  startAfterSeconds?: number;
  /**
   * A transaction to queue the job in: the job exists exactly when the transaction commits (a
   * rollback queues nothing; a crash after commit loses nothing). Workers find it at their next
   * poll, since waking them now would be before the commit.
   */
  within?: Queryable;
}

export interface WorkOptions {
  /** Jobs of this queue this process runs at once; 1 by default. */
  concurrency?: number;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobRecord<T> {
  id: string;
  state: JobState;
  data: T;
  /** Attempts so far after the first. */
  retryCount: number;
  /** For a failed (or retrying) job, its last error as pg-boss keeps it: `{ message, stack, … }`. */
  output: unknown;
}

/** pg-boss 10 polls no faster than every 0.5 s; a send from this process wakes its workers at once. */
const POLLING_INTERVAL_SECONDS = 0.5;
const DEFAULT_RETRY_LIMIT = 3;
const DEFAULT_RETRY_DELAY_SECONDS = 2;

/**
 * Background jobs on the application's PostgreSQL (pg-boss 10, in its own schema `pgboss`):
 * retried with exponential back-off, a failure's last error kept on the job, at most one waiting
 * job per `singletonKey`. Started with the module; at shutdown the workers stop fetching and the
 * running jobs get `jobsShutdownGraceSeconds` to finish (those still running are marked failed and
 * retried by the next start).
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly db: TrackedPool;
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly workers = new Map<string, string[]>();
  /** Rejected once the shutdown grace is over, so pg-boss stops waiting for handlers that never end. */
  private readonly abandoned: Promise<never>;
  private abandon!: (reason: Error) => void;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.db = new TrackedPool(pgPool(dataSource));
    this.boss = new PgBoss({
      db: this.db,
      schema: 'pgboss',
      // No cron: nothing here is scheduled, and the clock monitor would be one more timer per app.
      schedule: false,
      supervise: true,
      pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
    });
    this.boss.on('error', (err) => this.logger.error(`pg-boss: ${err.message}`));
    this.abandoned = new Promise<never>((_, reject) => (this.abandon = reject));
    this.abandoned.catch(() => undefined);
  }

  async onModuleInit(): Promise<void> {
    await this.ready();
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    await this.boss.stop({
      graceful: true,
      wait: true,
      close: false,
      timeout: this.config.jobsShutdownGraceSeconds * 1000,
    });
    // pg-boss has marked what still runs as failed; its workers' loops (and their timers) end only
    // when their handler returns, so a handler that never does is let go of here.
    await this.db.close();
    this.abandon(new Error('abandoned at shutdown'));
  }

  /** Queues a job; its id, or null when a job with the same `singletonKey` is already waiting. */
  async send<T extends object>(
    name: string,
    data: T,
    options: SendOptions = {},
  ): Promise<string | null> {
    await this.queue(name);
    const id = randomUUID();
    const retryDelay = options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS;
    const sent = await this.boss.send(name, data, {
      id,
      // The queue dedupes on the key; a job sent without one is its own key, so it never collides.
      singletonKey: options.singletonKey ?? id,
      retryLimit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelay,
      retryBackoff: retryDelay > 0,
      startAfter: options.startAfterSeconds,
      db: options.within ? inTransaction(options.within) : undefined,
    });
    if (sent && !options.startAfterSeconds && !options.within) this.wake(name);
    return sent;
  }

  /** Runs `handler` for each job of `name` in this process; a throw fails the attempt (then retried). */
  async work<T>(
    name: string,
    handler: (data: T) => Promise<void>,
    options: WorkOptions = {},
  ): Promise<void> {
    await this.queue(name);
    const ids = this.workers.get(name) ?? [];
    this.workers.set(name, ids);
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
      ids.push(
        await this.boss.work<T>(name, { batchSize: 1 }, async ([job]) => {
          if (job) await Promise.race([handler(job.data), this.abandoned]);
        }),
      );
    }
  }

  /** A job as it stands (also once archived); null when unknown. */
  async findJob<T>(name: string, id: string): Promise<JobRecord<T> | null> {
    await this.ready();
    const job = await this.boss.getJobById<T>(name, id, { includeArchive: true });
    if (!job) return null;
    return {
      id: job.id,
      state: job.state,
      data: job.data,
      retryCount: job.retryCount,
      output: job.output ?? null,
    };
  }

  /** pg-boss 10 needs a queue created before send and work; created once per name and process. */
  private queue(name: string): Promise<void> {
    let created = this.queues.get(name);
    if (!created) {
      // 'short': one waiting job per singletonKey (a running one does not block the next).
      created = (async () => {
        await this.ready();
        await this.boss.createQueue(name, { name, policy: 'short' });
      })();
      created.catch(() => this.queues.delete(name));
      this.queues.set(name, created);
    }
    return created;
  }

  private ready(): Promise<void> {
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  private wake(name: string): void {
    for (const id of this.workers.get(name) ?? []) this.boss.notifyWorker(id);
  }
}

/** pg-boss's statements, run on the caller's transaction (TypeORM's query answers the rows). */
function inTransaction(db: Queryable): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: (await db.query(text, values)) as unknown[],
    }),
  };
}
