#!/usr/bin/env node
/**
 * `npm run bench:collab [-- --only=1,3] [-- --duration=20] [-- --profile]`
 * Starts the generator (bench.mjs) pinned to core 1 with `taskset -c 1`; it pins each server under
 * test to core 0, where the local PostgreSQL and Redis are pinned too for the run (the system under
 * test on one core, the generator alone on the other; BENCH_PIN_SERVICES=0 leaves them be,
 * BENCH_SERVICES_CORE=1 puts them on the generator's core instead).
 * Afterwards drops any database this run left behind (bench_<run>_…).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { holdMachineLock } from '../lib/machine-lock.mjs';
import { pinServices } from '../lib/pin-services.mjs';
import { dropRunDatabases } from './lib/db.mjs';

await holdMachineLock('bench:collab');

const SERVER_CORE = '0';
const unpinServices =
  process.env.BENCH_PIN_SERVICES === '0'
    ? () => undefined
    : pinServices(process.env.BENCH_SERVICES_CORE ?? SERVER_CORE);

const prefix = `bench_${randomBytes(3).toString('hex')}`;
const argv = process.argv.slice(2);
const env = {
  ...process.env,
  BENCH_DB_PREFIX: prefix,
  BENCH_GENERATOR_CORE: '1',
  BENCH_SERVER_CORE: SERVER_CORE,
};
if (argv.includes('--profile')) env.BENCH_CPU_PROF = 'ours';
const child = spawn(
  'taskset',
  ['-c', '1', process.execPath, path.join(import.meta.dirname, 'bench.mjs'), ...argv],
  { stdio: 'inherit', env },
);
const forward = (sig) => child.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', async (code, signal) => {
  unpinServices();
  try {
    await dropRunDatabases(prefix);
  } catch (err) {
    console.error(`could not drop ${prefix}_* databases: ${err.message}`);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
