// npm run bench:chat — the discussions server under chat load, beside a bare socket.io relay.
//
// Starts a fresh PostgreSQL database on DATABASE_URL's server (default
// postgres://postgres@127.0.0.1:5432/postgres), the built API (apps/api/dist/main.js) pinned to
// core 0, seeds 500 users in 50 channels with SQL (sessions included), and runs the load generator
// (load.mjs) pinned to core 1: 1,000 messages/s for 20 s, then a step-up to the highest rate the
// generator sustains honestly; on one API instance, then on two through Redis (REDIS_URL, default
// redis://127.0.0.1:6379); then the same against a bare socket.io relay (bare-server.mjs). Prints
// a table. A run whose generator exceeds 85% CPU or sends under 95% of its rate is marked invalid.
//
// Knobs (environment): BENCH_SECONDS (20), BENCH_STEP_SECONDS (8), BENCH_SUSTAIN_P99_MS (100), BENCH_RATES ("1500,2000,3000,
// 4000,6000,8000"), BENCH_PHASES, BENCH_SKIP_BUILD=1, BENCH_OUT=<file.json>, BENCH_API_NODE_ARGS, BENCH_BARE_NODE_ARGS and BENCH_GENERATOR_NODE_ARGS (e.g.
// "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API), BENCH_API_LOG=<file> (the API's output),
// BENCH_API_DIAG=1 (with BENCH_API_LOG: event loop delay and GC pauses of the API, once a second),
// BENCH_BASELINE_MAIN=<another build's main.js> (A/B: that API, on its own freshly migrated and
// seeded database, takes the bare relay's columns, e.g. the previous commit's apps/api/dist).
// Only 127.0.0.1 is used.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { holdMachineLock } from '../lib/machine-lock.mjs';
import { pinServices } from '../lib/pin-services.mjs';
import { SERVER_NODE_FLAGS } from '../lib/server-node-flags.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
/** Steady state: the first seconds after a server starts include one-off JIT and heap growth work. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS || 10);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS || 8);
const RATES = (process.env.BENCH_RATES || '1500,2000,3000,4000,6000,8000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** For working on one part: BENCH_PHASES=ours1,ours2,bare1,bare2 (all by default; the table needs all four). */
const PHASES = new Set((process.env.BENCH_PHASES || 'ours1,ours2,bare1,bare2').split(','));
const CLIENTS = 500;
const CHANNELS = 50;
const BASE_RATE = 1000;
const TOTAL_BUDGET_MS = 30 * 60_000;
const SERVER_CORE = '0';
const GENERATOR_CORE = '1';
/** Per-connection message rate allowed by the API during the bench (the default is 5/s for people). */
const BENCH_PER_CONNECTION_RATE = 200;
/** A step is "sustained" when valid, nothing is lost or refused, and p99 stays within this (BENCH_SUSTAIN_P99_MS). */
const SUSTAIN_P99_MS = Number(process.env.BENCH_SUSTAIN_P99_MS || 100);

/** A/B mode: the columns that compare with the bare relay run this build of the API instead. */
const BASELINE_MAIN = process.env.BENCH_BASELINE_MAIN
  ? path.resolve(process.env.BENCH_BASELINE_MAIN)
  : null;
const OTHER = BASELINE_MAIN ? 'baseline' : 'bare';

const children = new Set();
const work = mkdtempSync(path.join(tmpdir(), 'bench-chat-'));
let admin = null;
let databaseName = null;
const databaseNames = [];

const log = (...args) => console.error('[bench:chat]', ...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function pinned(core, args, env) {
  const child = spawn('taskset', ['-c', core, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitHealthy(url, child, what) {
  const started = Date.now();
  let output = '';
  child.stdout.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr.on('data', (d) => (output = (output + d).slice(-4000)));
  while (Date.now() - started < 90_000) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${what} did not become healthy in 90 s:\n${output}`);
}

// ------------------------------------------------------------------------------------------
// Build, database, seed

function newestMtime(dir) {
  let newest = 0;
  const stack = [dir];
  for (let guard = 0; stack.length && guard < 100_000; guard++) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (!entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function buildIfStale() {
  const main = path.join(root, 'apps/api/dist/main.js');
  const stale =
    !existsSync(main) ||
    Math.max(
      newestMtime(path.join(root, 'apps/api/src')),
      newestMtime(path.join(root, 'libs/domain/src')),
    ) > statSync(main).mtimeMs;
  if (process.env.BENCH_SKIP_BUILD === '1' || !stale) return;
  log('building libs/domain and apps/api (dist is missing or older than the sources)…');
  for (const cmd of [
    ['npx', 'tsc', '-p', 'libs/domain/tsconfig.json'],
    ['node', 'scripts/clean.mjs', 'apps/api/dist'],
    ['npx', 'tsc', '-p', 'apps/api/tsconfig.json'],
    ['node', 'scripts/copy-assets.mjs', 'apps/api/src', 'apps/api/dist', 'csv'],
  ]) {
    const r = spawnSync(cmd[0], cmd.slice(1), { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`build step failed: ${cmd.join(' ')}`);
  }
}

async function createDatabase() {
  if (!admin) {
    admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
  }
  const name = `iuc_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  databaseNames.push(name);
  databaseName = databaseNames[0];
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function seed(databaseUrl, sessionSecret) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`INSERT INTO calls (code, name, component, regional_programme, min_population, term_months, target_countries)
                    VALUES ('bench', 'Bench', 'city pairing', 'bench', 0, 18, '{}')`);
    await db.query(
      `INSERT INTO authorities (slug, name, kind, country_iso, world_region, time_zone)
                    SELECT 'bench-' || s || '-' || i, 'Bench ' || s || ' ' || i, 'municipality', 'IT', 'europe', 'UTC'
                      FROM generate_series(1, $1) i, unnest(ARRAY['eu', 'partner']) s`,
      [CHANNELS],
    );
    await db.query(
      `INSERT INTO pairings (slug, call_code) SELECT 'bench-' || i, 'bench' FROM generate_series(1, $1) i`,
      [CHANNELS],
    );
    await db.query(
      `INSERT INTO pairing_authorities (pairing_id, authority_id, side)
                    SELECT p.id, a.id, s FROM generate_series(1, $1) i, unnest(ARRAY['eu', 'partner']) s
                      JOIN pairings p ON true JOIN authorities a ON true
                     WHERE p.slug = 'bench-' || i AND a.slug = 'bench-' || s || '-' || i`,
      [CHANNELS],
    );
    const channels = (
      await db.query(`INSERT INTO channels (pairing_id, kind, name)
                      SELECT id, 'general', 'General' FROM pairings WHERE call_code = 'bench' ORDER BY slug RETURNING id, pairing_id`)
    ).rows;
    const users = (
      await db.query(
        `INSERT INTO users (email, name) SELECT 'bench' || i || '@bench.test', 'Bench User ' || i
                        FROM generate_series(0, $1 - 1) i ORDER BY i RETURNING id`,
        [CLIENTS],
      )
    ).rows;
    const clients = users.map((u, i) => ({
      userId: u.id,
      channel: channels[i % CHANNELS],
      token: randomBytes(32).toString('base64url'),
    }));
    await db.query(
      `INSERT INTO memberships (user_id, pairing_id, role, authority_id)
       SELECT u, p, 'editor', (SELECT authority_id FROM pairing_authorities WHERE pairing_id = p AND side = 'eu')
         FROM unnest($1::uuid[], $2::uuid[]) AS x(u, p)`,
      [clients.map((c) => c.userId), clients.map((c) => c.channel.pairing_id)],
    );
    await db.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
       SELECT h, u, 'bench', now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS x(h, u)`,
      [
        clients.map((c) => createHmac('sha256', sessionSecret).update(c.token).digest('hex')),
        clients.map((c) => c.userId),
      ],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE');
    return clients.map((c) => ({ token: c.token, channelId: c.channel.id }));
  } finally {
    await db.end();
  }
}

// ------------------------------------------------------------------------------------------
// Servers

async function startApi(databaseUrl, sessionSecret, redis, main = 'apps/api/dist/main.js') {
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    IUC_DEMO: '0',
    SESSION_SECRET: sessionSecret,
    LOG_LEVEL: 'warn',
    WEB_DIST: '/nonexistent',
    REDIS_URL: redis ? REDIS_URL : '',
    DISCUSSIONS_MESSAGES_PER_SECOND: String(BENCH_PER_CONNECTION_RATE),
    // Every bench client connects from this machine: one address for 500 people.
    DISCUSSIONS_MAX_CONNECTIONS_PER_ADDRESS: String(CLIENTS),
  };
  const nodeArgs = [...SERVER_NODE_FLAGS, ...extraNodeArgs('BENCH_API_NODE_ARGS')];
  if (process.env.BENCH_API_DIAG === '1') nodeArgs.push('--import', './bench/chat/diag.mjs');
  const child = pinned(SERVER_CORE, [process.execPath, ...nodeArgs, main], env);
  const url = `http://127.0.0.1:${port}`;
  if (process.env.BENCH_API_LOG) {
    const out = createWriteStream(process.env.BENCH_API_LOG, { flags: 'a' });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
  }
  await waitHealthy(url, child, 'API');
  return { child, url };
}

async function startBare(redis) {
  const port = await freePort();
  const child = pinned(
    SERVER_CORE,
    [
      process.execPath,
      ...SERVER_NODE_FLAGS,
      ...extraNodeArgs('BENCH_BARE_NODE_ARGS'),
      'bench/chat/bare-server.mjs',
    ],
    { PORT: String(port), REDIS_URL: redis ? REDIS_URL : '' },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, 'bare socket.io server');
  return { child, url };
}

// ------------------------------------------------------------------------------------------
// Load

async function runLoad(label, servers, clients) {
  const urls = servers.map((s) => s.url);
  // Channel members alternate between instances (client i is in channel i % 50), so with two
  // instances every channel has members on both and every message crosses Redis.
  const specs = clients.map((c, i) => ({
    ...c,
    url: urls[Math.floor(i / CHANNELS) % urls.length],
  }));
  const steps = [
    { label: `${label} @${BASE_RATE}`, rate: BASE_RATE, seconds: SECONDS, warmup: WARMUP_SECONDS },
    ...RATES.map((rate) => ({
      label: `${label} @${rate}`,
      rate,
      seconds: STEP_SECONDS,
      warmup: 2,
      stopOnInvalid: true,
      maxP99Ms: 1_000,
    })),
  ];
  const planFile = path.join(work, `${label.replace(/\W+/g, '_')}.json`);
  writeFileSync(
    planFile,
    JSON.stringify({
      urls,
      clients: specs,
      steps,
      serverPids: servers.map((s) => s.child.pid),
      budgetMs: 15 * 60_000,
    }),
  );
  const generator = spawn(
    'taskset',
    [
      '-c',
      GENERATOR_CORE,
      process.execPath,
      ...extraNodeArgs('BENCH_GENERATOR_NODE_ARGS'),
      path.join(root, 'bench/chat/load.mjs'),
      planFile,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(generator);
  const results = [];
  const lines = createInterface({ input: generator.stdout });
  for await (const line of lines) {
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      continue;
    }
    if (msg.error) throw new Error(`${label}: generator failed: ${msg.error}`);
    if (msg.connected)
      log(`${label}: ${msg.connected} clients connected and joined in ${msg.ms} ms`);
    if (msg.step) {
      results.push(msg);
      log(
        `${msg.step}: sent ${msg.sentPerSecond}/s, delivered ${msg.deliveredPerSecond}/s, p50 ${msg.p50} ms, p99 ${msg.p99} ms, lost ${msg.lost}, dup ${msg.duplicated}, refused ${msg.refused}, generator ${msg.generatorCpu}% CPU, server ${msg.serverCpu.join('+')}% CPU, PG+Redis ${msg.servicesCpu}%, foreign ${foreignCpu(msg)}%, generator loop lag max ${msg.eventLoopLagMaxMs} ms${msg.valid ? '' : ` — INVALID: ${msg.invalidBecause.join(', ')}`}`,
      );
    }
    if (msg.done) break;
  }
  await new Promise((r) => (generator.exitCode !== null ? r() : generator.once('exit', r)));
  children.delete(generator);
  return results;
}

// ------------------------------------------------------------------------------------------
// Report

/** A step during which other work used more than this much of a core (%) is flagged NOISY. */
const NOISY = 25;

/**
 * CPU (in % of one core) used during the window by everything but the generator, the server(s),
 * PostgreSQL and Redis: other people's work on a shared machine.
 */
function foreignCpu(r) {
  return Math.max(
    0,
    Math.round(
      r.machineCpu * r.cores -
        r.generatorCpu -
        r.servicesCpu -
        r.serverCpu.reduce((a, b) => a + b, 0),
    ),
  );
}

/** The highest step the generator ran honestly (valid) and the server kept up with (nothing lost, p99 within SUSTAIN_P99_MS). */
function honestMax(results) {
  const ok = results.filter(
    (r) =>
      r.valid &&
      r.lost === 0 &&
      r.duplicated === 0 &&
      r.unacked === 0 &&
      r.refused === 0 &&
      r.p99 <= SUSTAIN_P99_MS,
  );
  return ok.sort((a, b) => b.sentPerSecond - a.sentPerSecond)[0] ?? null;
}

function table(all) {
  const cols = [
    'run',
    'target/s',
    'sent/s',
    'delivered/s',
    'p50 ms',
    'p99 ms',
    'ack p99',
    'lost',
    'dup',
    'unacked',
    'refused',
    'gen CPU',
    'server CPU',
    'PG+Redis',
    'foreign',
    'valid',
  ];
  const rows = [];
  const row = (r) => [
    r.step,
    r.targetRate,
    r.sentPerSecond,
    r.deliveredPerSecond,
    r.p50,
    r.p99,
    r.ackP99,
    r.lost,
    r.duplicated,
    r.unacked,
    r.refused,
    `${r.generatorCpu}%`,
    r.serverCpu.map((c) => `${c}%`).join('+'),
    `${r.servicesCpu}%`,
    `${foreignCpu(r)}%${foreignCpu(r) > NOISY ? ' NOISY' : ''}`,
    r.valid ? 'yes' : `NO (${r.invalidBecause.join('; ')})`,
  ];
  const ratio = (a, b, label) => [
    label,
    '',
    '',
    (a.deliveredPerSecond / b.deliveredPerSecond).toFixed(2),
    (a.p50 / b.p50).toFixed(2),
    (a.p99 / b.p99).toFixed(2),
    (a.ackP99 / b.ackP99).toFixed(2),
    '',
    '',
    '',
    '',
    (a.generatorCpu / b.generatorCpu).toFixed(2),
    (a.serverCpu.reduce((x, y) => x + y, 0) / b.serverCpu.reduce((x, y) => x + y, 0)).toFixed(2),
    '',
    '',
    '',
  ];
  for (const [ours, bare, name] of [
    [all.ours1, all.bare1, '×1'],
    [all.ours2, all.bare2, '×2 Redis'],
  ]) {
    rows.push(
      row(ours[0]),
      row(bare[0]),
      ratio(ours[0], bare[0], `ratio ours/${OTHER} ${name} @${BASE_RATE}`),
    );
    const mo = honestMax(ours);
    const mb = honestMax(bare);
    const none = (who) => [`${who} ${name}: no step sustained`, ...cols.slice(1).map(() => '')];
    rows.push(mo ? row({ ...mo, step: `${mo.step} (highest sustained)` }) : none('ours'));
    rows.push(mb ? row({ ...mb, step: `${mb.step} (highest sustained)` }) : none(OTHER));
    rows.push(cols.map(() => ''));
  }
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((v, i) => String(v).padEnd(widths[i])).join('  ');
  return [fmt(cols), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n');
}

function verdicts(all) {
  const one = all.ours1[0];
  const two = all.ours2[0];
  const check = (ok, text) => `${ok ? 'PASS' : 'FAIL'}  ${text}`;
  const quiet = [one, two, all.bare1[0], all.bare2[0]].every((r) => foreignCpu(r) <= NOISY);
  return [
    check(
      quiet,
      `quiet machine during the ${BASE_RATE}/s runs (foreign CPU ≤ ${NOISY}% of a core; else latency figures are not the server's)`,
    ),
    check(
      one.valid,
      `run validity, one instance @${BASE_RATE}/s (generator ≤ 85% CPU, ≥ 95% of rate)`,
    ),
    check(one.p99 <= 15, `one instance p99 ≤ 15 ms (measured ${one.p99} ms)`),
    check(two.valid, `run validity, two instances @${BASE_RATE}/s`),
    check(two.p99 <= 30, `two instances p99 ≤ 30 ms (measured ${two.p99} ms)`),
    check(one.lost === 0 && two.lost === 0, `0 lost (measured ${one.lost} and ${two.lost})`),
    check(
      one.duplicated === 0 && two.duplicated === 0,
      `0 duplicated (measured ${one.duplicated} and ${two.duplicated})`,
    ),
    check(
      one.refused + one.unacked + two.refused + two.unacked === 0,
      `every message acknowledged as saved (refused ${one.refused} and ${two.refused}, unacknowledged ${one.unacked} and ${two.unacked})`,
    ),
  ].join('\n');
}

// ------------------------------------------------------------------------------------------

/** % of all cores in use over one second (before we start anything). */
async function machineBusy() {
  const sample = () => {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + (f[4] || 0), total: f.reduce((a, b) => a + b, 0) };
  };
  const a = sample();
  await sleep(1_000);
  const b = sample();
  return Math.round(100 * (1 - (b.idle - a.idle) / (b.total - a.total)));
}

let unpinServices = () => undefined;

async function cleanup() {
  unpinServices();
  for (const child of [...children]) await stop(child);
  if (admin) {
    for (const name of databaseNames)
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
  rmSync(work, { recursive: true, force: true });
}

/**
 * Extra node flags from an environment variable (BENCH_API_NODE_ARGS, BENCH_BARE_NODE_ARGS,
 * BENCH_GENERATOR_NODE_ARGS), e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" or "--perf-basic-prof".
 */
function extraNodeArgs(variable) {
  return (process.env[variable] || '').split(' ').filter(Boolean);
}

async function main() {
  await holdMachineLock('bench:chat', { log });
  const budget = setTimeout(() => {
    log('the benchmark exceeded its 30-minute budget; stopping');
    void cleanup().finally(() => process.exit(3));
  }, TOTAL_BUDGET_MS);
  budget.unref();
  if (cpus().length < 2)
    throw new Error(
      'bench:chat needs at least 2 CPU cores (server and generator on separate cores).',
    );
  buildIfStale();
  const busy = await machineBusy();
  if (process.env.BENCH_PIN_SERVICES !== '0') unpinServices = pinServices(SERVER_CORE, log);
  if (busy > 15)
    log(
      `WARNING: the machine is busy before the benchmark (${busy}% of all cores used by other processes): figures will be noisy.`,
    );
  const sessionSecret = randomBytes(36).toString('base64url');
  const databaseUrl = await createDatabase();
  log(
    `database ${databaseName}; ${cpus().length} cores; API on core ${SERVER_CORE}, generator on core ${GENERATOR_CORE}`,
  );

  const first = await startApi(databaseUrl, sessionSecret, false);
  const clients = await seed(databaseUrl, sessionSecret);
  const all = { ours1: [], ours2: [], bare1: [], bare2: [] };
  if (PHASES.has('ours1')) all.ours1 = await runLoad('ours ×1', [first], clients);
  await stop(first.child);

  if (PHASES.has('ours2')) {
    const pair = [
      await startApi(databaseUrl, sessionSecret, true),
      await startApi(databaseUrl, sessionSecret, true),
    ];
    all.ours2 = await runLoad('ours ×2 Redis', pair, clients);
    for (const s of pair) await stop(s.child);
  }
  // The other columns: the bare relay, or (A/B) another build of the API on its own database.
  const baselineUrl = BASELINE_MAIN ? await createDatabase() : null;
  const startOther = (redis) =>
    BASELINE_MAIN ? startApi(baselineUrl, sessionSecret, redis, BASELINE_MAIN) : startBare(redis);
  let otherClients = clients;
  if (PHASES.has('bare1')) {
    const other = await startOther(false);
    if (BASELINE_MAIN) otherClients = await seed(baselineUrl, sessionSecret);
    all.bare1 = await runLoad(`${OTHER} ×1`, [other], otherClients);
    await stop(other.child);
  }
  if (PHASES.has('bare2')) {
    const otherPair = [await startOther(true), await startOther(true)];
    if (BASELINE_MAIN && otherClients === clients)
      otherClients = await seed(baselineUrl, sessionSecret);
    all.bare2 = await runLoad(`${OTHER} ×2 Redis`, otherPair, otherClients);
    for (const s of otherPair) await stop(s.child);
  }
  if (PHASES.size < 4) {
    if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(all, null, 2));
    console.log(JSON.stringify(all, null, 1));
    return;
  }

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const persisted = Number((await db.query('SELECT count(*) AS n FROM messages')).rows[0].n);
  await db.end();
  const acked = [...all.ours1, ...all.ours2].reduce((a, r) => a + r.acked, 0);

  console.log(
    `\nbench:chat — ${CLIENTS} clients in ${CHANNELS} channels (${CLIENTS / CHANNELS} members each, each message delivered to the 9 others),`,
  );
  console.log(
    `body ~100 B; ${cpus().length} cores: server(s) pinned to core ${SERVER_CORE}, generator to core ${GENERATOR_CORE} (PostgreSQL and Redis ${process.env.BENCH_PIN_SERVICES === '0' ? 'not pinned' : `pinned to core ${SERVER_CORE} with the server`}).`,
  );
  console.log(
    `Ours authenticates each socket, authorises every event, validates it and commits the message to PostgreSQL before acking or relaying;`,
  );
  console.log(
    `the bare relay does none of that. Latency = send → receive on another client (same generator clock). Per-connection limit raised to ${BENCH_PER_CONNECTION_RATE}/s for the step-up.\n`,
  );
  console.log(table(all));
  console.log(
    `\nmessages in PostgreSQL: ${persisted} (acknowledged as saved during measured windows: ${acked}; warm-ups add the rest)`,
  );
  console.log(
    `\n"highest sustained": the highest step that was valid, lost and refused nothing, and kept p99 ≤ ${SUSTAIN_P99_MS} ms (every step is logged above).`,
  );
  console.log(
    `\nCPU columns are % of one core over the window. "PG+Redis": every PostgreSQL and Redis process (ours needs them; other users of the same servers count too). "foreign": everything else on the machine; over ${NOISY}% the step is flagged NOISY.`,
  );
  if (busy > 15)
    console.log(
      `WARNING: ${busy}% of the machine was busy with other processes before the run: these figures are noisy.`,
    );
  console.log(`\nTargets at ${BASE_RATE} messages/s:\n${verdicts(all)}`);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(all, null, 2));
}

process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().finally(() => process.exit(143)));
main()
  .then(cleanup, async (err) => {
    console.error(`[bench:chat] failed: ${err.stack ?? err.message}`);
    await cleanup();
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref());
