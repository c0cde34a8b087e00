/**
 * A private database per test file, cloned from a migrated template (CREATE DATABASE … TEMPLATE),
 * which takes milliseconds. The template is named after a hash of the migrations, and built once by
 * whichever test file needs it first.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../database/data-source.js';
import { ENTITIES } from '../entities.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const migrationsDir = path.resolve(import.meta.dirname, '../database/migrations');

function serverUrl(): string {
  const url = process.env.IUC_TEST_SERVER_URL;
  if (!url)
    throw new Error('IUC_TEST_SERVER_URL is not set: run the tests through jest (global-setup)');
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function templateName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsDir).sort())
    hash.update(file).update(readFileSync(path.join(migrationsDir, file)));
  return `iuc_template_${hash.digest('hex').slice(0, 12)}`;
}

async function ensureTemplate(admin: pg.Client): Promise<string> {
  const template = templateName();
  // Test files run in parallel workers, and other jest runs may share the server: one builds it.
  await admin.query('SELECT pg_advisory_lock(4242001)');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const ds = await openDatabase(databaseUrl(building), ENTITIES);
      await ds.destroy();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(4242001)');
  }
  return template;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `iuc_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    const template = await ensureTemplate(admin);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  });
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
