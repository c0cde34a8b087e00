// The bulk reindex through the real CLI (`node apps/api/dist/cli.js search:reindex`) on the
// benchmark database: its wall time (process start to exit) and the documents it wrote per second.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../..');

export async function runReindex(url, sessionSecret, log) {
  log('reindex: node apps/api/dist/cli.js search:reindex…');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['apps/api/dist/cli.js', 'search:reindex'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      SESSION_SECRET: sessionSecret,
      NODE_ENV: 'production',
      IUC_DEMO: '0',
      LOG_LEVEL: 'warn',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`search:reindex failed (${run.status}):\n${run.stdout}${run.stderr}`);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT kind, count(*)::int AS n FROM search_documents GROUP BY kind ORDER BY kind`,
    );
    const documents = rows.reduce((s, r) => s + r.n, 0);
    await db.query('ANALYZE search_documents');
    return {
      seconds,
      documents,
      perSecond: documents / seconds,
      byKind: rows,
      output: run.stdout.trim().split('\n').slice(-5),
    };
  } finally {
    await db.end();
  }
}
