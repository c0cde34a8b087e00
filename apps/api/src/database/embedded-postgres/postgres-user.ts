/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the system user
 * `postgres` (created when missing). That user must be able to reach the binaries and the cluster.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { EmbeddedPostgresError } from './embedded-postgres-error.js';

/** The uid and gid postgres runs as; absent when we are not root and run it as ourselves. */
export interface RunAs {
  uid: number;
  gid: number;
}

const USER_NAME = 'postgres';

function lookUp(): RunAs | null {
  try {
    const id = (flag: string) =>
      Number.parseInt(
        execFileSync('id', [flag, USER_NAME], { encoding: 'utf8', stdio: 'pipe' }),
        10,
      );
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

export function postgresUser(log: (message: string) => void): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookUp();
  if (existing) return existing;
  log(
    `creating the system user "${USER_NAME}" to run the embedded PostgreSQL (it refuses to run as root)`,
  );
  const created = spawnSync(
    'useradd',
    ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', USER_NAME],
    { encoding: 'utf8' },
  );
  const user = lookUp();
  if (!user) {
    const why = (created.error?.message ?? created.stderr ?? '').trim().split('\n').pop();
    throw new EmbeddedPostgresError(
      `running as root, the embedded PostgreSQL needs a "${USER_NAME}" system user and could not create one (${why}); create it, run as another user, or set DATABASE_URL`,
    );
  }
  return user;
}

/**
 * Whether `user` can open `target` with `test`'s flag (-x: search a folder or run a file, -r: read):
 * asked of the kernel as that user, so folder modes, ACLs and every ancestor count.
 */
export function canReach(user: RunAs, target: string, flag: '-x' | '-r' = '-x'): boolean {
  return spawnSync('test', [flag, target], { uid: user.uid, gid: user.gid, cwd: '/' }).status === 0;
}
