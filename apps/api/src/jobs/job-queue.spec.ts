import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { JobQueue, type JobRecord, type JobState } from './job-queue.js';

/** A promise and the function that settles it. */
function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Waits until the job reaches `state` (pg-boss records the outcome just after the handler returns). */
async function jobIn<T>(
  jobs: JobQueue,
  name: string,
  id: string,
  state: JobState,
): Promise<JobRecord<T>> {
  for (;;) {
    const job = await jobs.findJob<T>(name, id);
    if (job?.state === state) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('JobQueue (pg-boss on the real PostgreSQL)', () => {
  let app: TestApp;
  let jobs: JobQueue;

  beforeAll(async () => {
    app = await startTestApp();
    jobs = app.app.get(JobQueue);
  });
  afterAll(() => app?.close());

  it('runs a sent job in a worker with its data, and records it completed', async () => {
    const received = deferred<{ fileId: string }>();
    await jobs.work<{ fileId: string }>('test.round-trip', async (data) => received.resolve(data));

    const id = await jobs.send('test.round-trip', { fileId: 'f-1' });

    expect(await received.promise).toEqual({ fileId: 'f-1' });
    expect(id).not.toBeNull();
    const job = await jobIn(jobs, 'test.round-trip', id!, 'completed');
    expect(job.retryCount).toBe(0);
  });

  it('retries a job whose handler threw, and then completes it', async () => {
    const attempts: string[] = [];
    const succeeded = deferred();
    await jobs.work<{ n: number }>('test.retry', async () => {
      attempts.push('attempt');
      if (attempts.length === 1) throw new Error('the disk was busy');
      succeeded.resolve();
    });

    const id = await jobs.send('test.retry', { n: 1 }, { retryDelaySeconds: 0 });
    await succeeded.promise;

    expect(attempts).toHaveLength(2);
    const job = await jobIn(jobs, 'test.retry', id!, 'completed');
    expect(job.retryCount).toBe(1);
  });

  it('keeps the last error of a job that failed every attempt', async () => {
    await jobs.work('test.fails', async () => {
      throw new Error('the file is not a PDF');
    });

    const id = await jobs.send('test.fails', {}, { retryLimit: 1, retryDelaySeconds: 0 });

    const job = await jobIn(jobs, 'test.fails', id!, 'failed');
    expect(job.retryCount).toBe(1);
    expect(job.output).toMatchObject({ message: 'the file is not a PDF' });
  });

  it('queues one waiting job per singletonKey; jobs without a key are never deduplicated', async () => {
    const later = { startAfterSeconds: 3600 };

    const first = await jobs.send('test.singleton', { v: 1 }, { ...later, singletonKey: 'file-a' });
    const again = await jobs.send('test.singleton', { v: 2 }, { ...later, singletonKey: 'file-a' });
    const other = await jobs.send('test.singleton', { v: 3 }, { ...later, singletonKey: 'file-b' });
    const plain = [
      await jobs.send('test.singleton', {}, later),
      await jobs.send('test.singleton', {}, later),
    ];

    expect(first).not.toBeNull();
    expect(again).toBeNull();
    expect(other).not.toBeNull();
    expect(plain.every((id) => id !== null)).toBe(true);
    expect(new Set([first, other, ...plain]).size).toBe(4);
  });
});

describe('JobQueue at shutdown', () => {
  let db: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  const stateOf = async (id: string) =>
    (
      await admin.query<{ state: string; output: { message?: string } | null }>(
        'SELECT state, output FROM pgboss.job WHERE id = $1',
        [id],
      )
    ).rows[0];

  it('lets a running job finish and records it before the application has closed', async () => {
    const app = await startTestApp({}, { database: db });
    const jobs = app.app.get(JobQueue);
    const started = deferred();
    const release = deferred();
    await jobs.work('test.shutdown', async () => {
      started.resolve();
      await release.promise;
    });
    const id = (await jobs.send('test.shutdown', {}))!;
    await started.promise;

    const closing = app.close();
    setImmediate(() => release.resolve());
    await closing;

    expect(await stateOf(id)).toMatchObject({ state: 'completed' });
  });

  it('stops waiting for a job that outlives the grace period, and leaves it to be retried', async () => {
    const app = await startTestApp({ JOBS_SHUTDOWN_GRACE_SECONDS: '1' }, { database: db });
    const jobs = app.app.get(JobQueue);
    const started = deferred();
    await jobs.work('test.stuck', async () => {
      started.resolve();
      await new Promise(() => undefined);
    });
    const id = (await jobs.send('test.stuck', {}))!;
    await started.promise;

    await app.close();

    expect(await stateOf(id)).toMatchObject({
      state: 'retry',
      output: { value: 'pg-boss shut down while active' },
    });
  });
});
