// Browsing the library while others upload (issue 23): the built API on a fresh database with the
// demo library, a person browsing (GET /api/resources?limit=24, the library page's first call,
// with its facets) one request after another; first alone (the baseline), then while 20 people
// each upload 20 MB files through tus (5 MB chunks, one file after another, all at once).
// Figures: the browsing requests' p50/p95/max in both phases (target p95 ≤ 100 ms under load), and
// the uploads' total throughput.
//
// Run alone: `node bench/library/browse.mjs` (build first: npx nx run-many -t build -p domain api).
// From another harness: `import { runBrowseBench, printBrowseFigures } from './browse.mjs'` (the
// caller holds the machine lock and builds). Knobs: BENCH_BROWSE_SECONDS (15), BENCH_UPLOADERS (20),
// BENCH_UPLOAD_FILE_MB (20).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { holdMachineLock } from '../lib/machine-lock.mjs';
import {
  TusClient,
  generateFile,
  prepareDatabase,
  seedSession,
  startApi,
  stop,
} from './upload.mjs';

const MB = 1024 * 1024;
export const TARGET_BROWSE_P95_MS = 100;
const log = (...args) => console.error('[bench:browse]', ...args);

/** Bearer tokens for `count` new people and for one demo coordinator (who browses). */
async function sessions(databaseUrl, sessionSecret, count) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const session = (userId) => seedSession(db, sessionSecret, userId);
  try {
    const uploaders = [];
    for (let i = 0; i < count; i++) {
      const [{ id }] = (
        await db.query(`INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id`, [
          `uploader${i}@bench.test`,
          `Uploader ${i}`,
        ])
      ).rows;
      uploaders.push(await session(id));
    }
    const [{ id }] = (
      await db.query(`SELECT id FROM users WHERE email = 'coordinator.madrid@demo.iuc.test'`)
    ).rows;
    return { uploaders, browser: await session(id) };
  } finally {
    await db.end();
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** The library page's first call, again and again until `until`: its latencies in ms. */
async function browse(url, token, until) {
  const times = [];
  while (Date.now() < until) {
    const started = performance.now();
    const res = await fetch(`${url}/api/resources?limit=24`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = await res.json();
    if (!res.ok || !Array.isArray(body.items)) throw new Error(`browse answered ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times.at(-1),
  };
}

/** One person uploading `file` again and again until `until`; answers the bytes sent. */
async function uploadLoop(client, file, size, until) {
  let bytes = 0;
  while (Date.now() < until) {
    const url = await client.create(size, 'report.pdf');
    await client.send(url, file, size, 5 * MB);
    bytes += size;
  }
  return bytes;
}

export async function runBrowseBench(options = {}) {
  const seconds = Number(options.seconds ?? process.env.BENCH_BROWSE_SECONDS ?? 15);
  const uploaders = Number(options.uploaders ?? process.env.BENCH_UPLOADERS ?? 20);
  const fileMb = Number(options.fileMb ?? process.env.BENCH_UPLOAD_FILE_MB ?? 20);
  const databaseUrl =
    options.databaseUrl ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const work = mkdtempSync(path.join(tmpdir(), 'bench-browse-'));
  const children = new Set();
  const sessionSecret = randomBytes(32).toString('base64url');
  const database = await prepareDatabase(databaseUrl, sessionSecret);
  try {
    const file = path.join(work, 'upload.pdf');
    const source = generateFile(file, fileMb);
    const api = await startApi(database.url, sessionSecret, path.join(work, 'api'), children, {
      // Demo mode refuses production: the same build, in development mode, with the demo library.
      NODE_ENV: 'development',
      IUC_DEMO: '1',
      UPLOAD_CREATES_PER_MINUTE: '100000',
    });
    const tokens = await sessions(database.url, sessionSecret, uploaders);
    // Warm-up, then the baseline: browsing alone.
    await browse(api.url, tokens.browser, Date.now() + 3000);
    log(`browsing alone for ${seconds} s…`);
    const alone = await browse(api.url, tokens.browser, Date.now() + seconds * 1000);
    log(`browsing while ${uploaders} people upload ${fileMb} MB files…`);
    const until = Date.now() + seconds * 1000;
    const started = performance.now();
    const [loaded, ...sent] = await Promise.all([
      browse(api.url, tokens.browser, until),
      ...tokens.uploaders.map((t) =>
        uploadLoop(new TusClient(api.url, t), file, source.size, until),
      ),
    ]);
    const elapsed = (performance.now() - started) / 1000;
    await stop(api.child);
    const figures = {
      seconds,
      uploaders,
      fileMb,
      alone,
      loaded,
      uploadMbPerSecond: sent.reduce((a, b) => a + b, 0) / MB / elapsed,
    };
    return figures;
  } finally {
    for (const child of children) await stop(child);
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  }
}

export function printBrowseFigures(f) {
  const ms = (v) => v.toFixed(1);
  console.log(
    `\nBrowsing the library while ${f.uploaders} people upload ${f.fileMb} MB files (${f.seconds} s each phase)\n`,
  );
  console.log('| GET /api/resources?limit=24 | requests | p50 ms | p95 ms | max ms |');
  console.log('|---|---|---|---|---|');
  for (const [name, r] of [
    ['alone (baseline)', f.alone],
    ['during the uploads', f.loaded],
  ])
    console.log(`| ${name} | ${r.requests} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`);
  console.log(
    `\nuploads: ${f.uploadMbPerSecond.toFixed(0)} MB/s in total; p95 under load ${ms(f.loaded.p95)} ms (target ≤ ${TARGET_BROWSE_P95_MS} ms): ${f.loaded.p95 <= TARGET_BROWSE_P95_MS ? 'met' : 'missed'}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await holdMachineLock('bench:library browse', { log });
  printBrowseFigures(await runBrowseBench());
  process.exit(0);
}
