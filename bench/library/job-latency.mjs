// Background jobs: how long from JobQueue.send to the handler starting (the built API's JobQueue,
// apps/api/dist, on a fresh database of DATABASE_URL's server). Two cases: sent from the process
// that works the queue (it wakes its workers at once), and sent from another instance (the worker
// finds it at its next poll, every 0.5 s: pg-boss 10's shortest). BENCH_JOBS (40 per case).
//
// `node bench/library/job-latency.mjs` runs it alone; `benchJobLatency()` is for run.mjs.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../..');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (...args) => console.error('[bench:library jobs]', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A JobQueue as Nest would make it, over a pool of its own (what pgPool finds in a data source). */
async function startQueue(JobQueue, url) {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const queue = new JobQueue({ driver: { master: pool } }, { jobsShutdownGraceSeconds: 1 });
  await queue.onModuleInit();
  return {
    queue,
    async stop() {
      await queue.onModuleDestroy();
      await pool.end();
    },
  };
}

function summary(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
  return { n: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: Math.round(sorted.at(-1)) };
}

export async function benchJobLatency({ jobs = Number(process.env.BENCH_JOBS || 40) } = {}) {
  const { JobQueue } = await import(
    pathToFileURL(path.join(root, 'apps/api/dist/jobs/job-queue.js')).href
  );
  const name = `iuc_bench_jobs_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  try {
    const worker = await startQueue(JobQueue, url.toString());
    const other = await startQueue(JobQueue, url.toString());
    try {
      const sentAt = new Map();
      const latencies = { local: [], remote: [] };
      let arrived = () => undefined;
      await worker.queue.work('bench.latency', async ({ seq, from }) => {
        latencies[from].push(performance.now() - sentAt.get(seq));
        arrived();
      });
      let seq = 0;
      for (const [from, sender] of [
        ['local', worker.queue],
        ['remote', other.queue],
      ]) {
        for (let i = 0; i < jobs; i++) {
          const done = new Promise((r) => (arrived = r));
          sentAt.set(++seq, performance.now());
          await sender.send('bench.latency', { seq, from });
          await done;
          // Sends at random points of the polling cycle.
          await sleep(Math.random() * 500);
        }
      }
      return { local: summary(latencies.local), remote: summary(latencies.remote) };
    } finally {
      await other.stop();
      await worker.stop();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchJobLatency();
  log(figures);
  printJobLatency(figures);
}

export function printJobLatency(figures) {
  console.log(
    `send → handler: from the working process p50 ${figures.local.p50Ms} ms, p95 ${figures.local.p95Ms} ms, max ${figures.local.maxMs} ms; ` +
      `from another instance p50 ${figures.remote.p50Ms} ms, p95 ${figures.remote.p95Ms} ms, max ${figures.remote.maxMs} ms (${figures.local.n} jobs each)`,
  );
}
