/**
 * Starts the servers under test on core 0 (`taskset -c 0`): ours (apps/api/dist/main.js) and the
 * stock @y/websocket-server. Every child is tracked and killed when the bench exits.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cpuSeconds, rssKB } from './proc.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
/**
 * Our API as built in apps/api/dist. Others rebuild that folder while a bench runs, so bench.mjs
 * first copies it to bench/collab/out/api-dist (BENCH_API_MAIN) and runs the copy: one build per run.
 */
const OURS = () => process.env.BENCH_API_MAIN ?? path.join(ROOT, 'apps/api/dist/main.js');
const STOCK = path.join(ROOT, 'bench/collab/stock-server.mjs');
export const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '0';

const live = new Set();
process.on('exit', () => {
  for (const s of live) {
    try {
      process.kill(s.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class ServerProcess {
  constructor(kind, child, port, readyPath) {
    this.kind = kind;
    this.child = child;
    this.pid = child.pid;
    this.port = port;
    this.readyPath = readyPath;
    this.log = [];
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    this.exited.then(() => live.delete(this));
    const keep = (d) => {
      if (process.env.BENCH_SERVER_LOG)
        process.stderr.write(String(d).replace(/^/gm, `    (${kind} ${child.pid}) `));
      this.log.push(String(d));
      if (this.log.length > 200) this.log.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    live.add(this);
  }

  get http() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** ws URL of a document: ours at /collab/<name>?token=…; the stock server takes any path. */
  docUrl(docName, token) {
    return `ws://127.0.0.1:${this.port}/collab/${docName}?token=${encodeURIComponent(token ?? '')}`;
  }

  async waitReady(timeoutMs = 30_000) {
    const started = Date.now();
    let exited = false;
    this.exited.then(() => (exited = true));
    while (Date.now() - started < timeoutMs) {
      if (exited)
        throw new Error(
          `${this.kind} server exited during start:\n${this.log.join('').slice(-2000)}`,
        );
      try {
        const res = await fetch(this.http + this.readyPath);
        if (res.status === 200) return this;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error(
      `${this.kind} server not ready after ${timeoutMs} ms:\n${this.log.join('').slice(-2000)}`,
    );
  }

  cpuSeconds() {
    return cpuSeconds(this.pid);
  }

  rssKB() {
    return rssKB(this.pid);
  }

  /** Graceful stop (SIGTERM), SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 15_000) {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(t);
  }

  /** A crash: SIGKILL, no shutdown hooks. */
  async kill() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

function nodeFlags(kind, extra = []) {
  // BENCH_SERVER_NODE_ARGS: more flags for both servers, e.g. --perf-basic-prof for `perf record -C 0`
  const flags = [
    ...extra,
    ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const prof = process.env.BENCH_CPU_PROF;
  if (prof && (prof === 'all' || prof === kind)) {
    const dir = path.join(ROOT, 'bench/collab/out/profiles');
    mkdirSync(dir, { recursive: true });
    flags.push(
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      `--cpu-prof-name=${kind}-${Date.now()}-${process.hrtime.bigint() % 100000n}.cpuprofile`,
    );
  }
  return flags;
}

function spawnPinned(script, kind, env, extra) {
  return spawn(
    'taskset',
    ['-c', SERVER_CORE, process.execPath, ...nodeFlags(kind, extra), script],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Our API (which runs its migrations at boot) on `databaseUrl`. */
/**
 * `nodeArgs`: extra node flags (e.g. --inspect=127.0.0.1:<port> for the memory scenario);
 * `extraEnv`: extra environment variables (A/B runs, see setup.mjs).
 */
export async function startOurs({ databaseUrl, secret, port, nodeArgs, extraEnv = {} }) {
  port ??= await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    IUC_DEMO: '0',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: secret,
    WEB_DIST: '/nonexistent',
    // Every client of the bench connects from this machine's one address.
    COLLAB_MAX_CONNECTIONS_PER_ADDRESS: '100000',
    ...extraEnv,
  };
  // An A/B column may run another build (BENCH_API_MAIN in its variables, see setup.mjs).
  const s = new ServerProcess(
    'ours',
    spawnPinned(extraEnv.BENCH_API_MAIN ?? OURS(), 'ours', env, nodeArgs),
    port,
    '/api/health',
  );
  return s.waitReady();
}

export async function startStock({ port, nodeArgs } = {}) {
  port ??= await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
  };
  const s = new ServerProcess('stock', spawnPinned(STOCK, 'stock', env, nodeArgs), port, '/');
  return s.waitReady();
}
