// Who searches: a member of one pairing (the coordinator of pairing 1's EU city: their pairing,
// their side and the programme-wide part, about 5 % of the corpus) and a programme officer (all
// of it but a city team's own). Sessions are written by SQL (bench/library's seedSession); each persona also carries
// the visibility filter the ILIKE baseline applies (the audience rules of search-document.ts).
import pg from 'pg';
import { seedSession } from '../library/upload.mjs';

export async function personas(url, sessionSecret) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const [member] = (
      await db.query(
        `SELECT user_id, pairing_id, side, authority_id FROM bench_city WHERE p = 1 AND side = 'eu'`,
      )
    ).rows;
    const [officer] = (await db.query(`SELECT id FROM users WHERE email = 'officer@bench.test'`))
      .rows;
    return {
      member: {
        name: 'member',
        userId: member.user_id,
        token: await seedSession(db, sessionSecret, member.user_id),
        visibility: memberVisibility(member),
      },
      officer: {
        name: 'officer',
        userId: officer.id,
        token: await seedSession(db, sessionSecret, officer.id),
        visibility: officerVisibility(officer.id),
      },
    };
  } finally {
    await db.end();
  }
}

/**
 * What one member may find in search_documents ($1 user, $2 pairing, $3 side, $4 city): the
 * audience rules of search-document.ts for one membership on one side.
 */
function memberVisibility(m) {
  return {
    sql: `(audience = 'everyone' OR author_id = $1::uuid
       OR audience = 'pairing' AND pairing_ids && ARRAY[$2::uuid]
       OR audience IN ('side', 'team') AND pairing_ids[1] = $2::uuid AND (side = $3 OR authority_id = $4::uuid))`,
    params: [m.user_id, m.pairing_id, m.side, m.authority_id],
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
