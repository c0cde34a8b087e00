/**
 * The built API as a real child process (apps/api/dist/main.js), for tests that kill it. The `api`
 * test target builds it first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const MAIN = path.resolve(import.meta.dirname, '../../dist/main.js');
export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startApiProcess(databaseUrl: string, port?: number): Promise<ApiProcess> {
  const listenPort = port ?? (await freePort());
  return spawnApi({
    port: listenPort,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      IUC_DEMO: '0',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: TEST_SESSION_SECRET,
      WEB_DIST: '/nonexistent',
    },
  });
}

/** Runs `main` (default: this checkout's build) with exactly `env`, and waits for /api/health. */
export async function spawnApi(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  main?: string;
  cwd?: string;
  timeoutMs?: number;
}): Promise<ApiProcess> {
  const main = options.main ?? MAIN;
  if (!existsSync(main))
    throw new Error(`${main} is missing: build the API first (npx nx run api:build)`);
  const child = spawn(process.execPath, [main], {
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${options.port}`;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() - started > timeoutMs) {
      child.kill();
      throw new Error(`API did not start within ${timeoutMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    kill(signal: NodeJS.Signals = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
  };
}
