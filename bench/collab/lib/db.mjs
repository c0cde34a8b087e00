/**
 * A fresh database per scenario (CREATE DATABASE bench_<run>_<random>, dropped after), seeded with
 * SQL: one call, one pairing, authorities, plans, users, memberships and sessions. Session rows store
 * HMAC-SHA256(SESSION_SECRET, token) as hex, as apps/api/src/auth/tokens.ts keyedHash does.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

export const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const RUN_PREFIX = process.env.BENCH_DB_PREFIX ?? `bench_${randomBytes(3).toString('hex')}`;

function urlFor(name) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(run) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

export async function createDatabase(label) {
  const name = `${RUN_PREFIX}_${label}_${randomBytes(3).toString('hex')}`.toLowerCase();
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = urlFor(name);
  const clients = [];
  return {
    name,
    url,
    /** A pg client on this database (closed by drop()). */
    async client() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      clients.push(c);
      return c;
    },
    async drop() {
      for (const c of clients.splice(0)) await c.end().catch(() => undefined);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Drops every database of this run (after a crash of the bench). */
export async function dropRunDatabases(prefix = RUN_PREFIX) {
  await admin(async (c) => {
    const { rows } = await c.query(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 || '\\_%'",
      [prefix],
    );
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  });
}

export const keyedHash = (secret, token) =>
  createHmac('sha256', secret).update(token).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/**
 * Seeds `plans` plans in one pairing (plans are unique per (pairing, authority): each plan has its
 * own authority). Per plan, `editorsPerPlan` editors whose membership authority is the plan's (they
 * may write it); plus `viewers` viewers of the pairing (they may read every plan). One user and one
 * session per connection. Returns tokens and document names.
 */
export async function seed(client, secret, { plans, editorsPerPlan, viewers }) {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO calls (code, name, component, regional_programme, min_population, term_months, target_countries)
     VALUES ('bench-call', 'Bench call', 'city pairing', 'bench', 0, 18, '{}')`,
  );
  const pairingId = randomUUID();
  await client.query(
    `INSERT INTO pairings (id, slug, call_code) VALUES ($1, 'bench-pairing', 'bench-call')`,
    [pairingId],
  );
  const authorityIds = Array.from({ length: plans }, () => randomUUID());
  await client.query(
    `INSERT INTO authorities (id, slug, name, kind, country_iso, world_region, time_zone)
     SELECT id, 'bench-city-' || n, 'Bench city ' || n, 'municipality', 'IT', 'europe', 'UTC'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS a(id, n)`,
    [authorityIds],
  );
  await client.query(
    `INSERT INTO pairing_authorities (pairing_id, authority_id, side, position)
     SELECT $1, id, CASE WHEN n = 1 THEN 'eu' ELSE 'partner' END, n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, n)`,
    [pairingId, authorityIds],
  );
  const planIds = Array.from({ length: plans }, () => randomUUID());
  await client.query(
    `INSERT INTO plans (id, pairing_id, authority_id, title)
     SELECT p, $1, a, 'Bench plan ' || n FROM unnest($2::uuid[], $3::uuid[]) WITH ORDINALITY AS x(p, a, n)`,
    [pairingId, planIds, authorityIds],
  );
  // users: editors of each plan, then viewers
  const users = [];
  planIds.forEach((_, i) => {
    for (let k = 0; k < editorsPerPlan; k++)
      users.push({ id: randomUUID(), role: 'editor', authority: authorityIds[i], plan: i });
  });
  for (let k = 0; k < viewers; k++)
    users.push({ id: randomUUID(), role: 'viewer', authority: null, plan: -1 });
  users.forEach((u) => (u.token = token()));
  const col = (f) => users.map(f);
  await client.query(
    `INSERT INTO users (id, email, name) SELECT id, 'u' || n || '@bench.test', 'Bench user ' || n
       FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
    [col((u) => u.id)],
  );
  await client.query(
    `INSERT INTO memberships (user_id, pairing_id, role, authority_id)
     SELECT u, $1, r, a FROM unnest($2::uuid[], $3::text[], $4::uuid[]) AS m(u, r, a)`,
    [pairingId, col((u) => u.id), col((u) => u.role), col((u) => u.authority)],
  );
  await client.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     SELECT h, u, c, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[], $3::text[]) AS s(h, u, c)`,
    [col((u) => keyedHash(secret, u.token)), col((u) => u.id), col(() => token())],
  );
  await client.query('COMMIT');
  return {
    pairingId,
    plans: planIds.map((id, i) => ({
      id,
      docName: `plan.${id}`,
      editors: users.filter((u) => u.plan === i).map((u) => u.token),
    })),
    viewers: users.filter((u) => u.role === 'viewer').map((u) => u.token),
  };
}

/** Stored bytes of a document: its snapshot plus its log tail. */
export async function storedBytes(client, docName) {
  const { rows } = await client.query(
    `SELECT coalesce((SELECT octet_length(state) FROM collab_snapshots WHERE doc_name = $1), 0)::int AS snapshot,
            coalesce((SELECT sum(octet_length(update)) FROM collab_updates WHERE doc_name = $1), 0)::int AS tail,
            (SELECT count(*) FROM collab_updates WHERE doc_name = $1)::int AS tail_rows`,
    [docName],
  );
  return rows[0];
}
