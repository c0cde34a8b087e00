/** One server under test with its database (ours) or none (stock), seeded, and its teardown. */
import { randomUUID } from 'node:crypto';
import { createDatabase, seed } from './db.mjs';
import { startOurs, startStock } from './servers.mjs';

/**
 * A/B mode (BENCH_AB_A and/or BENCH_AB_B set, each a JSON object of environment variables): the
 * "stock" column runs our server with BENCH_AB_A's variables and the "ours" column with
 * BENCH_AB_B's, side by side in alternating slices like ours and stock. For weighing a change to our
 * server against run-to-run noise: an A/A run (both {}) shows how far two identical servers differ.
 */
export function abMode() {
  const { BENCH_AB_A: a, BENCH_AB_B: b } = process.env;
  if (a === undefined && b === undefined) return null;
  return { stock: envObject('BENCH_AB_A', a), ours: envObject('BENCH_AB_B', b) };
}

function envObject(name, text) {
  let value;
  try {
    value = JSON.parse(text || '{}');
  } catch {
    value = null;
  }
  const valid =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string');
  if (!valid)
    throw new Error(
      `${name} must be a JSON object of strings, e.g. '{"LOG_LEVEL":"error"}' (got ${text})`,
    );
  return value;
}

export async function prepare(ctx, kind, label, spec, { nodeArgs } = {}) {
  const { ab } = ctx;
  const extraEnv = ab?.[kind] ?? {};
  if (kind === 'stock' && !ab) {
    const server = await startStock({ nodeArgs });
    const plans = Array.from({ length: spec.plans }, () => {
      const id = randomUUID();
      return { id, docName: `plan.${id}`, editors: Array(spec.editorsPerPlan).fill('') };
    });
    return {
      kind,
      server,
      data: { plans, viewers: Array(spec.viewers).fill('') },
      restart: async () => server,
      async teardown() {
        await server.stop();
      },
    };
  }
  const db = await createDatabase(label);
  let server;
  try {
    server = await startOurs({ databaseUrl: db.url, secret: ctx.secret, nodeArgs, extraEnv });
    const pg = await db.client();
    const data = await seed(pg, ctx.secret, spec);
    const env = {
      kind,
      server,
      db,
      pg,
      data,
      /** Graceful restart on the same database and port. */
      async restart({ crash = false } = {}) {
        if (crash) await env.server.kill();
        else await env.server.stop();
        env.server = await startOurs({
          databaseUrl: db.url,
          secret: ctx.secret,
          port: env.server.port,
          nodeArgs,
          extraEnv,
        });
        return env.server;
      },
      async teardown() {
        await env.server.stop();
        await db.drop();
      },
    };
    return env;
  } catch (err) {
    await server?.kill();
    await db.drop();
    throw err;
  }
}
