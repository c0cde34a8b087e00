/**
 * Where the cluster lives: DATA_DIR/postgres, unless we are root and the `postgres` user cannot
 * reach DATA_DIR (a checkout under /root or in a 0700 folder). Then it lives in the shared folder,
 * named after DATA_DIR's real path, and DATA_DIR/postgres is a symbolic link to it: `ls -l data`
 * shows where the data is, every start finds it again, and deleting DATA_DIR (or the link) starts
 * afresh like deleting a cluster in place: the next start removes the unlinked cluster.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';
import { canReach, type RunAs } from './postgres-user.js';
import { sharedDir } from './shared-dir.js';
import { stopStaleServer } from './stale-server.js';

function lstatOrNull(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

function relocatedName(parent: string): string {
  const real = realpathSync(parent);
  const readable = `${path.basename(path.dirname(real))}-${path.basename(real)}`.replace(
    /[^\w.-]+/g,
    '_',
  );
  return `${readable}-${createHash('sha256').update(real).digest('hex').slice(0, 12)}`;
}

/** The real folder of the cluster that the user knows as `clusterDir` (DATA_DIR/postgres). */
export async function clusterLocation(
  clusterDir: string,
  runAs: RunAs | undefined,
  log: (message: string) => void,
): Promise<string> {
  const parent = path.dirname(clusterDir);
  mkdirSync(parent, { recursive: true });
  const existing = lstatOrNull(clusterDir);
  if (existing?.isSymbolicLink()) return path.resolve(parent, readlinkSync(clusterDir));
  if (!runAs || canReach(runAs, parent)) return clusterDir;
  if (existing) {
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL runs as the "postgres" user (we are root), which cannot reach ${clusterDir}: let it through (chmod o+x on the folders above), move the checkout, delete ${clusterDir} to start afresh, or set DATABASE_URL`,
    );
  }
  const relocated = path.join(sharedDir('clusters'), relocatedName(parent));
  if (existsSync(relocated)) {
    log(`removing ${relocated}: its link ${clusterDir} was deleted, so it is a cluster given up`);
    await stopStaleServer(relocated, log);
    rmSync(relocated, { recursive: true, force: true });
  }
  symlinkSync(relocated, clusterDir);
  log(
    `the "postgres" user cannot reach ${parent}: the embedded PostgreSQL keeps its data in ${relocated} (linked from ${clusterDir})`,
  );
  return relocated;
}
