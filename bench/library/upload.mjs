// Upload benchmark of the knowledge library (issue 23): a 1 GB file through our tus endpoint
// (/api/uploads, the built API as a child process, on a fresh database) and, in the same run,
// through a bare Node http server that pipes the request to disk (bare-upload-server.mjs), with
// the same client: chunks of 50 MB streamed from disk (raw tus PATCHes).
//
// Figures: throughput of each (ours / bare, target ≥ 0.8×); the API's RSS growth during the upload
// (sampled from /proc every 50 ms, against the RSS just before it; target ≤ 32 MB); an upload cut at
// 50 % (the connection dropped mid-chunk) and resumed after a HEAD: bytes sent again (target ≤ one
// chunk), and the stored file's sha256 equal to the source's. Also the cost of the last PATCH
// (sniffing, rename into storage, fsync, database), and what hashing the file at finish would add
// (the API hashes while the bytes are written instead).
//
// Run alone: `node bench/library/upload.mjs` (builds domain and api unless BENCH_SKIP_BUILD=1).
// From another harness: `import { runUploadBench } from './upload.mjs'` → the figures (the caller
// holds the machine lock and builds). Knobs: BENCH_UPLOAD_MB (1024), BENCH_CHUNK_MB (50),
// BENCH_OUT=<file.json>, BENCH_API_NODE_ARGS. Uses DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, createHmac, randomBytes, randomFillSync } from 'node:crypto';
import {
  createReadStream,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  writeSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { holdMachineLock } from '../lib/machine-lock.mjs';
import { pinServices } from '../lib/pin-services.mjs';
import { SERVER_NODE_FLAGS } from '../lib/server-node-flags.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;
const SERVER_CORE = '0';
const CLIENT_CORE = '1';
const log = (...args) => console.error('[bench:upload]', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function spawnPinned(core, args, env, children) {
  const child = spawn('taskset', ['-c', core, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-4000)));
  child.output = () => output;
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

export async function stop(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitHealthy(url, child, what) {
  const started = Date.now();
  while (Date.now() - started < 90_000) {
    if (child.exitCode !== null)
      throw new Error(`${what} exited (${child.exitCode}):\n${child.output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${what} did not become healthy in 90 s:\n${child.output()}`);
}

/** RSS of a process in bytes (from /proc), or null when it is gone. */
function rssOf(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every 50 ms until stopped: answers the peak. */
function sampleRss(pid) {
  let peak = rssOf(pid) ?? 0;
  const timer = setInterval(() => {
    const rss = rssOf(pid);
    if (rss !== null && rss > peak) peak = rss;
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssOf(pid) ?? 0);
  };
}

/** A file of `mb` MB: a PDF's first line (so the API's type check accepts it), then random bytes. */
export function generateFile(file, mb) {
  const hash = createHash('sha256');
  const fd = openSync(file, 'w');
  const head = Buffer.from('%PDF-1.7\n');
  writeSync(fd, head);
  hash.update(head);
  const block = Buffer.alloc(16 * MB);
  for (let written = 0; written < mb * MB; written += block.length) {
    randomFillSync(block);
    writeSync(fd, block);
    hash.update(block);
  }
  closeSync(fd);
  return { size: head.length + mb * MB, sha256: hash.digest('hex') };
}

// ------------------------------------------------------------------------------------------
// A raw tus client: bodies streamed from disk, one PATCH per chunk.

function request(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

export class TusClient {
  constructor(base, token) {
    this.base = base;
    this.auth = token ? { Authorization: `Bearer ${token}` } : {};
  }

  async create(size, name) {
    const b64 = (s) => Buffer.from(s).toString('base64');
    const res = await request(`${this.base}/api/uploads`, 'POST', {
      ...this.auth,
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(size),
      'Upload-Metadata': `filename ${b64(name)},filetype ${b64('application/pdf')}`,
    });
    if (res.status !== 201) throw new Error(`create answered ${res.status}: ${res.body}`);
    return new URL(res.headers.location, this.base).toString();
  }

  async offset(url) {
    const res = await request(url, 'HEAD', { ...this.auth, 'Tus-Resumable': '1.0.0' });
    if (res.status !== 200) throw new Error(`HEAD answered ${res.status}`);
    return Number(res.headers['upload-offset']);
  }

  /** One PATCH of bytes [offset, end) of the file; answers the new offset and the PATCH's time. */
  async patch(url, file, offset, end) {
    const started = performance.now();
    const res = await request(
      url,
      'PATCH',
      {
        ...this.auth,
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(end - offset),
      },
      createReadStream(file, { start: offset, end: end - 1, highWaterMark: MB }),
    );
    if (res.status !== 204)
      throw new Error(`PATCH at ${offset} answered ${res.status}: ${res.body}`);
    return { offset: Number(res.headers['upload-offset']), ms: performance.now() - started };
  }

  /** From `offset` to the end, chunk by chunk: answers the last PATCH's time. */
  async send(url, file, size, chunk, offset = 0) {
    let last = 0;
    while (offset < size) {
      const step = await this.patch(url, file, offset, Math.min(size, offset + chunk));
      offset = step.offset;
      last = step.ms;
    }
    return last;
  }

  /**
   * Sends from 0 until `cutAt` bytes have left the client, then drops the connection mid-chunk
   * (a Wi-Fi cut): answers the bytes sent.
   */
  async sendUntilCut(url, file, size, chunk, cutAt) {
    let offset = 0;
    for (;;) {
      const end = Math.min(size, offset + chunk);
      if (end < cutAt) {
        offset = (await this.patch(url, file, offset, end)).offset;
        continue;
      }
      await new Promise((resolve) => {
        const req = http.request(url, {
          method: 'PATCH',
          headers: {
            ...this.auth,
            'Tus-Resumable': '1.0.0',
            'Upload-Offset': String(offset),
            'Content-Type': 'application/offset+octet-stream',
            'Content-Length': String(end - offset),
          },
        });
        req.on('error', () => resolve());
        req.on('close', () => resolve());
        createReadStream(file, { start: offset, end: cutAt - 1, highWaterMark: MB })
          .on('end', () => setTimeout(() => req.destroy(), 200))
          .pipe(req, { end: false });
      });
      return cutAt;
    }
  }
}

// ------------------------------------------------------------------------------------------
// The API and its database

/** A day-long session of `userId`, written by SQL (no sign-in to pay for); answers its bearer token. */
export async function seedSession(db, sessionSecret, userId) {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, 'bench', now() + interval '1 day')`,
    [createHmac('sha256', sessionSecret).update(token).digest('hex'), userId],
  );
  return token;
}

export async function prepareDatabase(databaseUrl, sessionSecret) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const name = `bench_upload_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    /** After the API migrated it: one person with a session; answers the bearer token. */
    async seedPerson() {
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      try {
        const [{ id }] = (
          await db.query(
            `INSERT INTO users (email, name) VALUES ('uploader@bench.test', 'Uploader') RETURNING id`,
          )
        ).rows;
        return seedSession(db, sessionSecret, id);
      } finally {
        await db.end();
      }
    },
    async sha256Of(uploadUrl) {
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      try {
        const id = uploadUrl.split('/').pop();
        const rows = (await db.query('SELECT sha256, status FROM uploads WHERE id = $1', [id]))
          .rows;
        return rows[0]?.sha256 ?? null;
      } finally {
        await db.end();
      }
    },
    async drop() {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startApi(databaseUrl, sessionSecret, dataDir, children, env = {}) {
  const port = await freePort();
  const child = spawnPinned(
    SERVER_CORE,
    [process.execPath, ...SERVER_NODE_FLAGS, ...extraNodeArgs(), 'apps/api/dist/main.js'],
    {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      IUC_DEMO: '0',
      SESSION_SECRET: sessionSecret,
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      DATA_DIR: dataDir,
      UPLOAD_MAX_BYTES: String(4 * 1024 * MB),
      UPLOAD_MAX_PENDING_BYTES_PER_USER: String(16 * 1024 * MB),
      ...env,
    },
    children,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, 'API');
  return { child, url };
}

/** BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API. */
function extraNodeArgs() {
  return (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

async function startBare(dir, children, fsync) {
  const port = await freePort();
  const child = spawnPinned(
    SERVER_CORE,
    [process.execPath, ...SERVER_NODE_FLAGS, 'bench/library/bare-upload-server.mjs'],
    { PORT: String(port), BARE_DIR: dir, BARE_FSYNC: fsync ? '1' : '0' },
    children,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, 'bare server');
  return { child, url };
}

/** Milliseconds to read and hash a file (checked against the expected digest). */
async function timeSha256(file, expected) {
  const started = performance.now();
  const hash = createHash('sha256');
  for await (const c of createReadStream(file, { highWaterMark: 4 * MB })) hash.update(c);
  if (hash.digest('hex') !== expected) throw new Error(`${file} differs from the source`);
  return performance.now() - started;
}

// ------------------------------------------------------------------------------------------

/** The bare server's run (after a warm-up upload), with or without an fsync at the end. */
async function bareUpload(work, file, source, chunk, children, fsync) {
  const dir = path.join(work, 'bare');
  spawnSync('mkdir', ['-p', dir]);
  const bare = await startBare(dir, children, fsync);
  try {
    const client = new TusClient(bare.url, null);
    await measuredUpload(
      client,
      bare,
      file,
      { ...source, size: Math.min(source.size, 64 * MB) },
      chunk,
    );
    log(`bare server${fsync ? ' with fsync' : ''}: uploading…`);
    return await measuredUpload(client, bare, file, source, chunk);
  } finally {
    await stop(bare.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One whole upload: MB/s, the server's RSS growth, the last PATCH's time. */
async function measuredUpload(client, server, file, source, chunk) {
  // Each run starts with no dirty pages of the one before still being written back.
  spawnSync('sync');
  const baseline = rssOf(server.child.pid);
  const peak = sampleRss(server.child.pid);
  const started = performance.now();
  const url = await client.create(source.size, 'bench.pdf');
  const lastPatchMs = await client.send(url, file, source.size, chunk);
  const seconds = (performance.now() - started) / 1000;
  return {
    url,
    seconds,
    mbPerSecond: source.size / MB / seconds,
    rssBefore: baseline,
    rssGrowth: peak() - baseline,
    lastPatchMs,
  };
}

/**
 * The upload figures, ours beside bare. `options.work`: a folder for the 1 GB file and the
 * servers' data (a fresh temp folder by default); the caller has built the API.
 */
export async function runUploadBench(options = {}) {
  const sizeMb = Number(options.sizeMb ?? process.env.BENCH_UPLOAD_MB ?? 1024);
  const chunk = Number(options.chunkMb ?? process.env.BENCH_CHUNK_MB ?? 50) * MB;
  const databaseUrl =
    options.databaseUrl ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const work = options.work ?? mkdtempSync(path.join(tmpdir(), 'bench-upload-'));
  const children = new Set();
  const sessionSecret = randomBytes(32).toString('base64url');
  const database = await prepareDatabase(databaseUrl, sessionSecret);
  const file = path.join(work, 'source.pdf');
  try {
    log(`generating a ${sizeMb} MB file…`);
    const source = generateFile(file, sizeMb);

    const bareRun = await bareUpload(work, file, source, chunk, children, false);
    const bareSyncedRun = await bareUpload(work, file, source, chunk, children, true);

    const api = await startApi(database.url, sessionSecret, path.join(work, 'api'), children);
    const token = await database.seedPerson();
    const client = new TusClient(api.url, token);
    // Warm-up: a first, smaller upload (JIT, buffers, connections) before the RSS baseline.
    await measuredUpload(
      client,
      api,
      file,
      { ...source, size: Math.min(source.size, 64 * MB) },
      chunk,
    );
    log('ours: uploading…');
    const ours = await measuredUpload(client, api, file, source, chunk);
    const oursSha = await database.sha256Of(ours.url);
    // What finishing would cost if it hashed the file then (it was just written, so it is in the
    // page cache, as it would be at finish): read and hash the stored file once, on one core.
    const id = ours.url.split('/').pop();
    const hashAtFinishMs = await timeSha256(
      path.join(work, 'api', 'files', 'uploads', id.slice(0, 2), id),
      source.sha256,
    );
    rmSync(path.join(work, 'api', 'files'), { recursive: true, force: true });

    log('ours: cut at 50 %, then resumed…');
    const cutUrl = await client.create(source.size, 'resumed.pdf');
    const sent = await client.sendUntilCut(
      cutUrl,
      file,
      source.size,
      chunk,
      Math.floor(source.size / 2),
    );
    let kept = 0;
    for (let i = 0; i < 50; i++) {
      kept = await client.offset(cutUrl).catch(() => -1);
      if (kept >= 0) break;
      await sleep(100);
    }
    await client.send(cutUrl, file, source.size, chunk, kept);
    const resumedSha = await database.sha256Of(cutUrl);
    await stop(api.child);

    const figures = {
      sizeBytes: source.size,
      chunkBytes: chunk,
      bare: {
        mbPerSecond: bareRun.mbPerSecond,
        seconds: bareRun.seconds,
        rssGrowth: bareRun.rssGrowth,
      },
      bareFsync: { mbPerSecond: bareSyncedRun.mbPerSecond, seconds: bareSyncedRun.seconds },
      ratioToDurableBare: ours.mbPerSecond / bareSyncedRun.mbPerSecond,
      ours: {
        mbPerSecond: ours.mbPerSecond,
        seconds: ours.seconds,
        rssBefore: ours.rssBefore,
        rssGrowth: ours.rssGrowth,
        lastPatchMs: ours.lastPatchMs,
        sha256Matches: oursSha === source.sha256,
      },
      ratio: ours.mbPerSecond / bareRun.mbPerSecond,
      hashAtFinish: {
        ms: hashAtFinishMs,
        mbPerSecondIfHashedAtFinish: source.size / MB / (ours.seconds + hashAtFinishMs / 1000),
      },
      resume: {
        cutAtBytes: sent,
        keptByServer: kept,
        resentBytes: sent - kept,
        sha256Matches: resumedSha === source.sha256,
      },
    };
    figures.pass = {
      throughput: figures.ratio >= 0.8,
      rss: figures.ours.rssGrowth <= 32 * MB,
      resume: figures.resume.resentBytes <= chunk && figures.resume.sha256Matches,
      sha256: figures.ours.sha256Matches,
    };
    return figures;
  } finally {
    for (const child of children) await stop(child);
    await database.drop().catch(() => undefined);
    if (!options.work) rmSync(work, { recursive: true, force: true });
  }
}

export function printUploadFigures(f) {
  const mb = (b) => `${(b / MB).toFixed(1)} MB`;
  const ok = (pass) => (pass ? 'ok' : 'MISSED');
  const rows = [
    ['', 'ours (tus /api/uploads)', 'bare (pipe to disk)', 'target'],
    [
      `throughput, ${mb(f.sizeBytes)} in ${mb(f.chunkBytes)} chunks`,
      `${f.ours.mbPerSecond.toFixed(0)} MB/s (${f.ours.seconds.toFixed(1)} s)`,
      `${f.bare.mbPerSecond.toFixed(0)} MB/s (${f.bare.seconds.toFixed(1)} s)`,
      `ours/bare ${f.ratio.toFixed(2)} ≥ 0.8 ${ok(f.pass.throughput)}`,
    ],
    [
      'the same, bare fsyncing at the end (durable)',
      '',
      `${f.bareFsync.mbPerSecond.toFixed(0)} MB/s (${f.bareFsync.seconds.toFixed(1)} s)`,
      `ours/durable bare ${f.ratioToDurableBare.toFixed(2)}`,
    ],
    [
      'server RSS growth during the upload',
      `${mb(f.ours.rssGrowth)} (from ${mb(f.ours.rssBefore)})`,
      mb(f.bare.rssGrowth),
      `≤ 32 MB ${ok(f.pass.rss)}`,
    ],
    [
      'cut at 50 %, resumed: bytes sent again',
      `${f.resume.resentBytes} B (cut at ${f.resume.cutAtBytes}, kept ${f.resume.keptByServer})`,
      '',
      `≤ one chunk, sha256 equal ${ok(f.pass.resume)}`,
    ],
    ['stored sha256 = source sha256', String(f.ours.sha256Matches), '', ok(f.pass.sha256)],
    [
      'last PATCH (type check, move to storage, fsync, row)',
      `${f.ours.lastPatchMs.toFixed(0)} ms`,
      '',
      '',
    ],
    [
      'A/B: hashing at finish instead of on the way in',
      `+${f.hashAtFinish.ms.toFixed(0)} ms → ${f.hashAtFinish.mbPerSecondIfHashedAtFinish.toFixed(0)} MB/s`,
      '',
      '',
    ],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join(' | '));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await holdMachineLock('bench:library upload', { log });
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building domain and api…');
    const built = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'domain', 'api'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  spawnSync('taskset', ['-p', '-c', CLIENT_CORE, String(process.pid)], { stdio: 'ignore' });
  const unpin = process.env.BENCH_PIN_SERVICES !== '0' ? pinServices(SERVER_CORE, log) : () => {};
  try {
    const figures = await runUploadBench();
    printUploadFigures(figures);
    if (process.env.BENCH_OUT)
      writeFileSync(process.env.BENCH_OUT, JSON.stringify(figures, null, 2));
  } finally {
    unpin();
  }
}
