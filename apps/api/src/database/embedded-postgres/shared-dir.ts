/**
 * Where, as root, the embedded PostgreSQL keeps what its `postgres` user cannot reach inside the
 * checkout: clusters/<hash of DATA_DIR> (linked from DATA_DIR/postgres) and a copy of the binaries.
 * /var/lib because it persists across reboots (/tmp does not; /var/tmp is aged out by
 * systemd-tmpfiles), and root can always create it.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const EMBEDDED_POSTGRES_SHARED_DIR = '/var/lib/iuc-embedded-postgres';

/** The shared folder (or one inside it), made and opened to everyone for traversal. */
export function sharedDir(...inside: string[]): string {
  let dir = EMBEDDED_POSTGRES_SHARED_DIR;
  for (const part of ['', ...inside]) {
    dir = path.join(dir, part);
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
  }
  return dir;
}
