/**
 * One benchmark at a time on this machine: two benchmarks on two cores measure each other. A run
 * holds a lock directory (its pid inside) in the temp folder; the next run waits for it, and takes
 * over a lock whose owner is gone (killed runs leave theirs behind).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LOCK = path.join(tmpdir(), 'iuc-bench.lock');

function ownerAlive(dir) {
  try {
    const pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive but not ours to signal; anything else (no pid file yet, ESRCH): gone.
    return err.code === 'EPERM';
  }
}

/** Waits (up to `maxWaitMs`) until no other benchmark runs, then holds the lock until this process exits. */
export async function holdMachineLock(name, { maxWaitMs = 30 * 60_000, log = console.error } = {}) {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      writeFileSync(path.join(LOCK, 'name'), name);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A lock without a live owner (or still without a pid file after a second) is stale.
      if (!ownerAlive(LOCK) && Date.now() - started > 1_000) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > maxWaitMs)
        throw new Error(
          `another benchmark has held ${LOCK} for ${Math.round(maxWaitMs / 60_000)} min`,
        );
      if (!told) {
        let other = 'another benchmark';
        try {
          other = readFileSync(path.join(LOCK, 'name'), 'utf8');
        } catch {
          // named or not, wait for it
        }
        log(`waiting for ${other} to finish (${LOCK})…`);
        told = true;
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  const release = () => rmSync(LOCK, { recursive: true, force: true });
  process.once('exit', release);
  return release;
}

// As a command: `node bench/lib/machine-lock.mjs <command> [args…]` runs the command holding the
// lock, so that builds and test runs on a shared machine stay out of a benchmark's way.
if (import.meta.url === `file://${process.argv[1]}` && process.argv.length > 2) {
  const { spawnSync } = await import('node:child_process');
  await holdMachineLock(process.argv.slice(2).join(' '));
  const r = spawnSync(process.argv[2], process.argv.slice(3), { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
