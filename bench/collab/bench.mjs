/**
 * The collab benchmark, run by run.mjs on core 1 (`taskset -c 1`): it is the load generator and
 * drives each scenario against our server and the stock @y/websocket-server, both on core 0.
 *   node bench/collab/bench.mjs [--only=1,3] [--duration=20] [--warmup=3] [--profile]
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Table } from './lib/report.mjs';
import { ROOT } from './lib/servers.mjs';
import { abMode } from './lib/setup.mjs';
import { scenario1, scenario2 } from './scenarios/fanout.mjs';
import { scenario3 } from './scenarios/cold-open.mjs';
import { scenario4 } from './scenarios/memory.mjs';
import { scenario5 } from './scenarios/trace.mjs';
import { scenario6 } from './scenarios/crash.mjs';
import { scenario7 } from './scenarios/fast-writer.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const only = args.only ? new Set(args.only.split(',').map(Number)) : new Set([1, 2, 3, 4, 5, 6, 7]);
let ab;
try {
  ab = abMode();
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
// The other scenarios treat "stock" as the in-memory reference server (no database behind it).
if (ab && [...only].some((n) => n !== 1 && n !== 2)) {
  console.error(
    'A/B mode (BENCH_AB_A / BENCH_AB_B) runs scenarios 1 and 2 only: add --only=1,2 (or one of them).',
  );
  process.exit(2);
}
const SCENARIOS = {
  1: ['one plan, 100 connections, 20 writers × 5 updates/s', scenario1],
  2: ['200 plans × 5 connections, 500 updates/s', scenario2],
  3: ['cold open of a 100,000-update history', scenario3],
  4: ['memory per idle connection, connect/disconnect cycles', scenario4],
  5: ['real trace: seph-blog1 into section:context', scenario5],
  6: ['SIGKILL mid-edit, 5 cycles', scenario6],
  7: ['fast writer: seph-blog1 at full speed through a stock provider', scenario7],
};

if (!args.api && !existsSync(path.join(ROOT, 'apps/api/dist/main.js'))) {
  console.error('apps/api/dist/main.js is missing: build the API first (npx nx run api:build).');
  process.exit(2);
}

// Run a copy of the API build taken now (others may rebuild apps/api/dist meanwhile). It stays
// under the repository so that packages (and @iuc/domain) resolve from the root node_modules.
// --api=<dir>: run that build instead (e.g. an experimentally patched copy), without copying.
let builtAt;
if (args.api) {
  process.env.BENCH_API_MAIN = path.resolve(args.api, 'main.js');
  builtAt = `${args.api} of ${statSync(process.env.BENCH_API_MAIN).mtime.toISOString()}`;
} else {
  const apiCopy = path.join(ROOT, 'bench/collab/out/api-dist');
  for (let attempt = 1; ; attempt++) {
    rmSync(apiCopy, { recursive: true, force: true });
    try {
      cpSync(path.join(ROOT, 'apps/api/dist'), apiCopy, { recursive: true });
      if (
        existsSync(path.join(apiCopy, 'main.js')) &&
        existsSync(path.join(apiCopy, 'collab/collab.server.js'))
      )
        break;
    } catch (err) {
      if (attempt >= 10) throw err;
    }
    if (attempt >= 10) throw new Error('apps/api/dist is incomplete');
    // someone is rebuilding it: wait and copy again
    await new Promise((r) => setTimeout(r, 3_000));
  }
  process.env.BENCH_API_MAIN = path.join(apiCopy, 'main.js');
  builtAt = statSync(path.join(ROOT, 'apps/api/dist/main.js')).mtime.toISOString();
}

const ctx = {
  table: new Table({ ab: Boolean(ab) }),
  /** A/B mode's column variables (lib/setup.mjs), or null. */
  ab,
  secret: `bench-${randomBytes(24).toString('hex')}`,
  durationMs: args.duration ? Number(args.duration) * 1000 : undefined,
  // unmeasured load before scenarios 1 and 2 measure (--warmup=<s>)
  warmupMs: args.warmup ? Number(args.warmup) * 1000 : undefined,
  // how long each measured slice may wait for the rest of the machine to be quiet (--quiet=<s>)
  quietMs: args.quiet ? Number(args.quiet) * 1000 : undefined,
  log: (...a) => console.log(...a),
};

// Interrupted: exit normally so that the servers started are killed (lib/servers.mjs 'exit' hook).
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const started = performance.now();
const failures = [];
console.log(
  `collab bench — API build of ${builtAt} (copied), node ${process.version}, generator pid ${process.pid} on core(s) ${process.env.BENCH_GENERATOR_CORE ?? '?'}, servers on core ${process.env.BENCH_SERVER_CORE ?? '0'}`,
);
if (ab) {
  console.log(
    `A/B MODE: the "stock" column is OUR server with ${JSON.stringify(ab.stock)}, the "ours" column our server with ${JSON.stringify(ab.ours)}; targets against stock show n/a`,
  );
}
for (const n of [1, 2, 3, 4, 5, 6, 7]) {
  if (!only.has(n)) continue;
  const [title, run] = SCENARIOS[n];
  const t0 = performance.now();
  console.log(`\n[${n}] ${title}`);
  try {
    await run(ctx);
  } catch (err) {
    failures.push(n);
    console.error(`  [${n}] failed: ${err.stack ?? err}`);
    ctx.table.add({
      scenario: n,
      metric: `scenario failed: ${String(err.message ?? err).slice(0, 80)}`,
      pass: false,
    });
  }
  console.log(`  [${n}] ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(
  `\nResults (ours = apps/api collab server: authorises, persists to PostgreSQL before relaying, projects; stock = @y/websocket-server 0.1.1, in memory)\n`,
);
ctx.table.print();
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
const failed = ctx.table.failed();
process.exit(failures.length ? 2 : failed ? 1 : 0);
