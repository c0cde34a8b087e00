// How the update log's batched INSERT sends its bytes: node-postgres writes a bytea[] parameter as
// text (every byte hex-encoded), a lone Buffer parameter as raw binary. This weighs our statement
// (apps/api's appendStatement, from the build) against the bytea[] one, on a temporary
// collab_updates (it shadows the real table), per batch of 4 updates, small (typing) and large (pasting).
//   npx nx run api:build && node bench/collab/append-encoding.mjs      (BENCH_PG_URL to change the database)
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { appendStatement } from '../../apps/api/dist/collab/append-statement.js';

const client = new pg.Client({
  connectionString: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
});
await client.connect();
await client.query('CREATE TEMP TABLE collab_updates (seq bigserial, doc_name text, update bytea)');

const statements = {
  'bytea[] (hex text)': (names, updates) => ({
    name: 'hex_append',
    text: `INSERT INTO collab_updates (doc_name, update) SELECT doc_name, update
             FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u(doc_name, update, n) ORDER BY n`,
    values: [names, updates],
  }),
  'one binary bytea (ours)': appendStatement,
};

const ROUNDS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`median of ${ROUNDS} rounds (the two statements alternate which goes first)`);
console.log('update size │ statement               │ wall ms/batch │ client CPU ms/batch');
for (const size of [40, 40_000]) {
  const updates = Array.from({ length: 4 }, () => randomBytes(size));
  const names = updates.map(() => 'plan.bench');
  const batches = size > 1_000 ? 100 : 1_000;
  const figures = Object.fromEntries(
    Object.keys(statements).map((label) => [label, { wall: [], cpu: [] }]),
  );
  // Round 0 warms the JIT and prepares the statements; it is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    const order = Object.entries(statements);
    if (round % 2) order.reverse();
    for (const [label, statement] of order) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < batches; i++) await client.query(statement(names, updates));
      const cpu = process.cpuUsage(cpu0);
      if (round === 0) continue;
      figures[label].wall.push((performance.now() - t0) / batches);
      figures[label].cpu.push((cpu.user + cpu.system) / 1000 / batches);
    }
  }
  for (const [label, { wall, cpu }] of Object.entries(figures)) {
    console.log(
      `${`${size} B`.padStart(11)} │ ${label.padEnd(23)} │ ${median(wall).toFixed(3).padStart(13)} │ ${median(cpu).toFixed(3).padStart(19)}`,
    );
  }
}
await client.end();
