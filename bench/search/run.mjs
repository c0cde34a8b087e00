// npm run bench:search — search (issue 24), each figure beside its baseline from the same run:
//   corpus   a fresh database with BENCH_ITEMS (200,000) documents in the owners' tables, eight
//            languages, 200 pairings, and the labelled set planted (corpus.mjs);
//   reindex  `node apps/api/dist/cli.js search:reindex`: documents/s (reindex.mjs);
//   latency  p50/p95 per query class as a member (~5 % visible) and as an officer, beside ILIKE
//            without and with a pg_trgm index over the same rows (latency.mjs, baseline.mjs);
//   recall   on the labelled set, as the officer, beside the ILIKE baseline's (recall.mjs);
//   lag      100 messages/s through socket.io, each findable after how long (lag.mjs).
// BENCH_PARTS picks parts (a later part needs the corpus: BENCH_KEEP_DB=1 keeps the database,
// BENCH_DATABASE=<name> reuses it). Builds domain and api first (BENCH_SKIP_BUILD=1 skips), holds
// the machine's benchmark lock; during the HTTP parts PostgreSQL and the API run on core 0 and this
// process on core 1 (BENCH_PIN_SERVICES=0 leaves them). BENCH_OUT=<file.json> keeps the figures.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { holdMachineLock } from '../lib/machine-lock.mjs';
import { pinServices } from '../lib/pin-services.mjs';
import { startApi, stop } from '../library/upload.mjs';
import { buildCorpus } from './corpus.mjs';
import { benchDatabase } from './database.mjs';
import { lagLines, measureLag } from './lag.mjs';
import { latencyTable, measureLatency } from './latency.mjs';
import { personas as loadPersonas, visibleShare, writers } from './personas.mjs';
import { queryClasses } from './query-classes.mjs';
import { measureRecall, recallTable } from './recall.mjs';
import { runReindex } from './reindex.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const log = (...args) => console.error('[bench:search]', ...args);
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const parts = new Set((process.env.BENCH_PARTS || 'corpus,reindex,latency,recall,lag').split(','));
const ITEMS = env('BENCH_ITEMS', 200_000);
const RECALL_TARGET = 0.95;
const LAG = {
  rate: env('BENCH_LAG_RATE', 100),
  seconds: env('BENCH_LAG_SECONDS', 20),
  writers: env('BENCH_LAG_WRITERS', 20),
  trackEvery: env('BENCH_LAG_TRACK_EVERY', 20),
  pollMs: env('BENCH_LAG_POLL_MS', 100),
};

await holdMachineLock('bench:search', { log });
if (process.env.BENCH_SKIP_BUILD !== '1') {
  log('building domain and api…');
  const built = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'domain', 'api'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sessionSecret = randomBytes(32).toString('base64url');
const database = await benchDatabase(serverUrl, sessionSecret, log);
const work = mkdtempSync(path.join(tmpdir(), 'bench-search-'));
const children = new Set();
const figures = { items: ITEMS };
let unpin = () => {};
try {
  if (parts.has('corpus')) {
    figures.corpus = await buildCorpus(database.url, ITEMS, log);
    const c = figures.corpus.counts;
    console.log(
      `corpus: ${c.items} items in ${figures.corpus.seconds.toFixed(0)} s — ${c.resources} library items, ${c.files} files (${c.file_text} of extracted text), ${c.sections} plan sections, ${c.actions} actions, ${c.messages} messages; 8 languages, 200 pairings; ${c.planted} planted documents`,
    );
  }
  if (parts.has('reindex')) {
    const r = (figures.reindex = await runReindex(database.url, sessionSecret, log));
    console.log(
      `reindex (cli.js search:reindex): ${r.documents} documents in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(0)} documents/s (${r.byKind.map((k) => `${k.kind} ${k.n}`).join(', ')})`,
    );
  }
  if (['latency', 'recall', 'lag'].some((p) => parts.has(p))) {
    if (process.env.BENCH_PIN_SERVICES !== '0') unpin = pinServices('0', log);
    const api = await startApi(database.url, sessionSecret, path.join(work, 'api'), children, {
      // Each writer sends rate / writers a second; room above that for the timer's bunching.
      DISCUSSIONS_MESSAGES_PER_SECOND: String(Math.ceil((4 * LAG.rate) / LAG.writers)),
    });
    const people = await loadPersonas(database.url, sessionSecret);
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      for (const persona of [people.member, people.officer]) {
        const share = await visibleShare(db, persona);
        console.log(
          `${persona.name} may see ${share.visible} of ${share.total} index documents (${((100 * share.visible) / share.total).toFixed(1)} %)`,
        );
      }
      if (parts.has('latency')) {
        figures.latency = await measureLatency({
          api: api.url,
          db,
          personas: [people.member, people.officer],
          classes: queryClasses(),
          samples: env('BENCH_SAMPLES', 100),
          scan: {
            samples: env('BENCH_SCAN_SAMPLES', 20),
            budgetMs: env('BENCH_SCAN_BUDGET_S', 20) * 1000,
          },
          log,
        });
        const t = figures.latency.trigram;
        console.log(
          `\nLatency per query class (pg_trgm index built in ${t.seconds.toFixed(1)} s, ${t.size}):`,
        );
        console.log(latencyTable(figures.latency));
      }
      if (parts.has('recall')) {
        figures.recall = await measureRecall({ api: api.url, db, officer: people.officer, log });
        console.log(`\n${recallTable(figures.recall, RECALL_TARGET)}`);
      }
      if (parts.has('lag')) {
        const { channelId, tokens } = await writers(database.url, sessionSecret, LAG.writers);
        figures.lag = await measureLag({
          ...LAG,
          api: api.url,
          db,
          writers: tokens,
          officer: people.officer,
          channelId,
          log,
        });
        console.log(`\nIndexing lag:\n${lagLines(figures.lag, LAG.pollMs)}`);
      }
    } finally {
      await db.end();
    }
  }
} finally {
  unpin();
  for (const child of children) await stop(child);
  await database.drop().catch((err) => log(`dropping the database failed: ${err.message}`));
  rmSync(work, { recursive: true, force: true });
}
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(figures, null, 2));
process.exit(0);
