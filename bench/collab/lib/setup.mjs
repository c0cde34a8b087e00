/** One server under test with its database (ours) or none (stock), seeded, and its teardown. */
import { randomUUID } from 'node:crypto';
import { createDatabase, seed } from './db.mjs';
import { startOurs, startStock } from './servers.mjs';

export async function prepare(ctx, kind, label, spec, { nodeArgs } = {}) {
  if (kind === 'stock') {
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
    server = await startOurs({ databaseUrl: db.url, secret: ctx.secret, nodeArgs });
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
