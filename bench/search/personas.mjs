// Who searches: a member of one pairing (on pairing 1's EU side: their pairing, their side and the
// programme-wide part, about 5 % of the index) and a programme officer (all of it but a city
// team's own). The API paces searches per person (5 a second, search-pacer.ts), so each persona is
// a pool of people alike (the same membership, or the same role) taken in turn, enough that none
// is ever paced: the figures are the search's, not the pacer's. Sessions are written by SQL
// (bench/library's seedSession). Each persona carries the visibility filter the ILIKE baseline
// applies (the audience rules of search-document.ts, as search.repository.ts applies them).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { seedSession } from '../library/upload.mjs';

const POOL = 64;
/** Emails unique to this run, so that later parts can run again on a kept database. */
const RUN = randomBytes(4).toString('hex');

async function pool(db, sessionSecret, name, insertUsers) {
  const ids = (await db.query(insertUsers)).rows.map((r) => r.id);
  const tokens = [];
  for (const id of ids) tokens.push(await seedSession(db, sessionSecret, id));
  let turn = 0;
  return { name, userIds: ids, tokens, nextToken: () => tokens[turn++ % tokens.length] };
}

export async function personas(url, sessionSecret) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const [city] = (
      await db.query(
        `SELECT pairing_id, side, authority_id FROM bench_city WHERE p = 1 AND side = 'eu'`,
      )
    ).rows;
    const member = await pool(
      db,
      sessionSecret,
      'member',
      `INSERT INTO users (email, name) SELECT 'member' || i || '.${RUN}@bench.test', 'Member ' || i
         FROM generate_series(1, ${POOL}) i RETURNING id`,
    );
    await db.query(
      `INSERT INTO memberships (user_id, pairing_id, role, authority_id) SELECT unnest($1::uuid[]), $2, 'editor', $3`,
      [member.userIds, city.pairing_id, city.authority_id],
    );
    member.visibility = memberVisibility(member.userIds[0], city);
    const officer = await pool(
      db,
      sessionSecret,
      'officer',
      `INSERT INTO users (email, name, programme_role) SELECT 'officer' || i || '.${RUN}@bench.test', 'Officer ' || i, 'officer'
         FROM generate_series(1, ${POOL}) i RETURNING id`,
    );
    officer.visibility = officerVisibility(officer.userIds[0]);
    return { member, officer };
  } finally {
    await db.end();
  }
}

/** `count` members of pairing 1 (its EU side) who write messages: their channel and tokens. */
export async function writers(url, sessionSecret, count) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const [city] = (
      await db.query(`SELECT pairing_id, authority_id FROM bench_city WHERE p = 1 AND side = 'eu'`)
    ).rows;
    const people = await pool(
      db,
      sessionSecret,
      'writer',
      `INSERT INTO users (email, name) SELECT 'writer' || i || '.${RUN}@bench.test', 'Writer ' || i
         FROM generate_series(1, ${count}) i RETURNING id`,
    );
    await db.query(
      `INSERT INTO memberships (user_id, pairing_id, role, authority_id) SELECT unnest($1::uuid[]), $2, 'editor', $3`,
      [people.userIds, city.pairing_id, city.authority_id],
    );
    const [channel] = (
      await db.query(`SELECT id FROM bench_channel WHERE p = 1 AND kind = 'general'`)
    ).rows;
    return { channelId: channel.id, tokens: people.tokens };
  } finally {
    await db.end();
  }
}

/**
 * What one member may find in search_documents ($1 user, $2 pairing, $3 side, $4 city): the
 * audience rules for one membership on one side (the pool's people wrote nothing).
 */
function memberVisibility(userId, city) {
  return {
    sql: `(audience = 'everyone' OR author_id = $1::uuid
       OR audience = 'pairing' AND pairing_ids && ARRAY[$2::uuid]
       OR audience IN ('side', 'team') AND pairing_ids[1] = $2::uuid AND (side = $3 OR authority_id = $4::uuid))`,
    params: [userId, city.pairing_id, city.side, city.authority_id],
  };
}

/** Programme staff find all but a city team's own documents (unless they wrote them). */
function officerVisibility(userId) {
  return { sql: `(audience <> 'team' OR author_id = $1::uuid)`, params: [userId] };
}

/** The share of the index a persona may see. */
export async function visibleShare(db, persona) {
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE ${persona.visibility.sql})::int AS visible, count(*)::int AS total FROM search_documents`,
    persona.visibility.params,
  );
  return rows[0];
}
