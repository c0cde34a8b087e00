// The benchmark's database: a fresh one on DATABASE_URL's server (bench/library's
// prepareDatabase), migrated by the built API's migration tool, and dropped at the end unless
// BENCH_KEEP_DB=1. BENCH_DATABASE=<name> reuses a kept one (to run later parts on its corpus).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { prepareDatabase } from '../library/upload.mjs';

const root = path.resolve(import.meta.dirname, '../..');

export async function benchDatabase(serverUrl, sessionSecret, log) {
  if (process.env.BENCH_DATABASE) {
    const url = new URL(serverUrl);
    url.pathname = `/${process.env.BENCH_DATABASE}`;
    return { url: url.toString(), reused: true, drop: async () => undefined };
  }
  const database = await prepareDatabase(serverUrl, sessionSecret);
  log(`database ${new URL(database.url).pathname.slice(1)}: migrating…`);
  const migrated = spawnSync(process.execPath, ['apps/api/dist/migration-tool.js', 'check'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: 'utf8',
  });
  if (migrated.status !== 0) {
    await database.drop();
    throw new Error(`migration failed:\n${migrated.stdout}${migrated.stderr}`);
  }
  const keep = process.env.BENCH_KEEP_DB === '1';
  return {
    url: database.url,
    reused: false,
    drop: async () => {
      if (keep) log(`kept the database: BENCH_DATABASE=${new URL(database.url).pathname.slice(1)}`);
      else await database.drop();
    },
  };
}
