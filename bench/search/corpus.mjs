// The corpus, written with SQL straight into the owning modules' tables of a freshly migrated
// benchmark database (benchmark seeding, not product code): 200 pairings of two cities each, with
// library items and their files' extracted text, plans (sections and actions) and messages, in the
// eight languages, from the sentences of sentences.mjs; then the labelled set's phrases planted
// into a few documents each (labelled.mjs). Everything is generated in PostgreSQL
// (generate_series, arrays, a random-sentence function) from a fixed seed.
//
// Sizes for `items` (index documents: items, their files, plan sections, actions, messages):
// plans 2.4 % (12 sections each), actions 20 %, library items 16 % and as many files, messages
// the rest. Of the library items 12.5 % are published programme-wide (everyone sees them), 5 %
// submitted (staff and author), the rest shared with a pairing or one city's side.
import pg from 'pg';
import { CJK_LANGUAGES, SENTENCES } from './sentences.mjs';
import { LABELLED, PLANTS, PLANT_KINDS, WRAPPERS } from './labelled.mjs';

export const PAIRINGS = 200;
const SECTION_KEYS = [
  'context',
  'needs',
  'vision',
  'intervention-logic',
  'actions',
  'implementation',
  'resourcing',
  'monitoring',
  'risks',
  'participation',
  'learning',
  'alignment',
];
const THEMES = [
  'air-quality',
  'circular-economy',
  'digital-transition',
  'jobs-skills',
  'energy-transition',
  'urban-rural',
  'nature-cultural-heritage',
  'smart-cities-innovation',
  'sustainable-consumption',
  'land-use-nature-based-solutions',
  'urban-mobility',
  'water-waste-sanitation',
  'housing',
  'urban-poverty',
  'migrant-inclusion',
  'climate-adaptation',
  'public-procurement',
  'urban-regeneration',
  'security-public-spaces',
  'culture',
];

export function corpusSizes(items) {
  const planPairings = Math.max(1, Math.min(PAIRINGS, Math.round((items * 0.024) / 24)));
  const plans = planPairings * 2;
  const actionsPerPlan = Math.max(1, Math.round((items * 0.2) / plans));
  const resources = Math.round(items * 0.16);
  const messages = Math.max(
    1000,
    items - plans * SECTION_KEYS.length - plans * actionsPerPlan - 2 * resources,
  );
  return { planPairings, plans, actionsPerPlan, resources, messages };
}

const setup = [
  `SELECT setseed(0.24)`,
  `CREATE TABLE bench_bank (lang text PRIMARY KEY, s text[] NOT NULL)`,
  // n random sentences of a language, joined as that language writes them.
  `CREATE FUNCTION bench_text(l text, n int) RETURNS text LANGUAGE sql VOLATILE AS $$
     SELECT string_agg(b.s[1 + floor(random() * array_length(b.s, 1))::int],
                       CASE WHEN l IN ('zh', 'ja') THEN '' ELSE ' ' END)
       FROM bench_bank b CROSS JOIN generate_series(1, n) WHERE b.lang = l $$`,
  // A title: a random sentence's first words (or characters), without its full stop.
  `CREATE FUNCTION bench_title(l text) RETURNS text LANGUAGE sql VOLATILE AS $$
     SELECT CASE WHEN l IN ('zh', 'ja') THEN left(t, 12)
                 ELSE array_to_string((string_to_array(rtrim(t, '.'), ' '))[1:7], ' ') END
       FROM (SELECT bench_text(l, 1) AS t) x $$`,
  `INSERT INTO calls (code, name, component, regional_programme, min_population, term_months, target_countries)
   VALUES ('bench', 'Benchmark call', 'C2C', 'bench', 0, 18, '{}')`,
  `CREATE TABLE bench_pairing AS SELECT p, gen_random_uuid() AS id FROM generate_series(1, ${PAIRINGS}) p`,
  // Two cities per pairing: an EU one (en es pt fr it de) and a partner one (zh ja es pt en fr).
  `CREATE TABLE bench_city AS
   SELECT bp.p, bp.id AS pairing_id, s.side, gen_random_uuid() AS authority_id, gen_random_uuid() AS user_id,
          CASE s.side WHEN 'eu' THEN (ARRAY['en','es','pt','fr','it','de'])[1 + bp.p % 6]
               ELSE (ARRAY['zh','ja','es','pt','en','fr','zh','ja'])[1 + bp.p % 8] END AS lang
     FROM bench_pairing bp CROSS JOIN (VALUES ('eu'), ('partner')) s(side)`,
  `ALTER TABLE bench_city ADD country text, ADD region text`,
  `UPDATE bench_city SET
     country = CASE WHEN side = 'eu' THEN (jsonb '{"en":"IE","es":"ES","pt":"PT","fr":"FR","it":"IT","de":"DE"}') ->> lang
                    ELSE (jsonb '{"zh":"CN","ja":"JP","es":"MX","pt":"BR","en":"US","fr":"CA"}') ->> lang END,
     region = CASE WHEN side = 'eu' THEN 'europe' WHEN lang IN ('zh','ja') THEN 'asia'
                   WHEN lang IN ('es','pt') THEN 'latin-america-caribbean' ELSE 'north-america' END`,
  `INSERT INTO authorities (id, slug, name, kind, country_iso, world_region, time_zone, languages)
   SELECT authority_id, 'bench-' || p || '-' || side, 'Mirova ' || p || CASE side WHEN 'eu' THEN 'A' ELSE 'B' END,
          'municipality', country, region, 'UTC', ARRAY[lang] FROM bench_city`,
  `INSERT INTO pairings (id, slug, call_code, themes, status, start_date, description)
   SELECT bp.id, 'bench-' || bp.p, 'bench', ARRAY[(ARRAY[${THEMES.map((t) => `'${t}'`)}])[1 + bp.p % 20]],
          'active', date '2024-01-01', bench_text(c.lang, 2)
     FROM bench_pairing bp JOIN bench_city c ON c.p = bp.p AND c.side = 'eu'`,
  `INSERT INTO pairing_authorities (pairing_id, authority_id, side, position)
   SELECT pairing_id, authority_id, side, 0 FROM bench_city`,
  // One coordinator per city, and a programme officer.
  `INSERT INTO users (id, email, name, locale)
   SELECT user_id, 'c' || p || side || '@bench.test', 'Coordinator ' || p || ' ' || side, lang FROM bench_city`,
  `INSERT INTO memberships (user_id, pairing_id, role, authority_id)
   SELECT user_id, pairing_id, 'coordinator', authority_id FROM bench_city`,
  `INSERT INTO users (email, name, programme_role) VALUES ('officer@bench.test', 'Programme Officer', 'officer')`,
];

/** Library items and one file each, with a long extracted text (pages separated by form feeds). */
const resources = ({ resources: count }) => [
  `INSERT INTO resources (kind, title, summary, problem, approach, results, language, themes, sdgs,
          city_id, city_country, city_region, scope_level, pairing_id, authority_id, status, author_id,
          created_at, updated_at, published_at)
   SELECT (ARRAY['good_practice','case_study','action_plan_summary','guideline','toolkit','report','dataset','recording'])[1 + g % 8],
          bench_title(c.lang), bench_text(c.lang, 2), bench_text(c.lang, 3), bench_text(c.lang, 4), bench_text(c.lang, 3),
          c.lang, ARRAY[(ARRAY[${THEMES.map((t) => `'${t}'`)}])[1 + g % 20]], ARRAY[1 + g % 17]::smallint[],
          c.authority_id, c.country, c.region, v.level,
          CASE WHEN v.level = 'programme' THEN NULL ELSE c.pairing_id END,
          CASE WHEN v.level = 'side' THEN c.authority_id END,
          v.status, c.user_id, t.at, t.at, CASE WHEN v.status = 'published' THEN t.at END
     FROM generate_series(1, ${count}) g
     JOIN bench_city c ON c.p = 1 + g % ${PAIRINGS} AND c.side = CASE WHEN (g / ${PAIRINGS}) % 2 = 0 THEN 'eu' ELSE 'partner' END
     CROSS JOIN LATERAL (SELECT now() - random() * interval '730 days' + g * interval '0 s' AS at) t
     CROSS JOIN LATERAL (SELECT CASE WHEN (g * 7919) % 1000 < 125 THEN 'programme' WHEN (g * 7919) % 1000 < 175 THEN 'programme'
                                     WHEN (g * 7919) % 1000 < 600 THEN 'pairing' ELSE 'side' END AS level,
                                CASE WHEN (g * 7919) % 1000 < 125 THEN 'published' WHEN (g * 7919) % 1000 < 175 THEN 'submitted'
                                     ELSE 'shared' END AS status) v`,
  `INSERT INTO files (uploader_id, subject_kind, subject_id, storage_key, name, type, size, sha256, status,
          pages, extracted_text, excerpt, created_at)
   SELECT r.author_id, 'resource', r.id, 'bench/' || r.id, 'report-' || left(r.id::text, 8) || '.pdf',
          'application/pdf', octet_length(x.text), md5(r.id::text) || md5(x.text), 'ready', x.pages, x.text,
          left(x.text, 300), r.created_at
     FROM resources r
     CROSS JOIN LATERAL (SELECT 3 + floor(random() * 5)::int + 0 * length(r.language) AS pages) n
     CROSS JOIN LATERAL (SELECT n.pages, string_agg(bench_text(r.language, 8 + 0 * page), E'\\f') AS text
                           FROM generate_series(1, n.pages) page) x`,
];

/** Both cities' plans in the first pairings: 12 sections and `actionsPerPlan` actions each. */
const plans = ({ planPairings, actionsPerPlan }) => [
  `CREATE TABLE bench_plan AS SELECT gen_random_uuid() AS plan_id, c.* FROM bench_city c WHERE c.p <= ${planPairings}`,
  `INSERT INTO plans (id, pairing_id, authority_id, title, language, status, created_at, updated_at)
   SELECT plan_id, pairing_id, authority_id, bench_title(lang), lang,
          (ARRAY['draft','submitted','approved','adopted'])[1 + p % 4], now() - interval '400 days', now() - random() * interval '300 days'
     FROM bench_plan`,
  `INSERT INTO plan_action_rows (plan_id, action_id, position, title, type, status, cost, currency,
          funding_total, funding_secured, indicator_count, sdgs, themes)
   SELECT bp.plan_id, 'action-' || a, a, bench_title(bp.lang),
          (ARRAY['strategic','pilot_project','small_scale_testing','enabling'])[1 + a % 4],
          (ARRAY['proposed','planned','in_progress','completed'])[1 + (a / 4) % 4],
          1000 * (1 + a % 50), 'EUR', 0, 0, 0, ARRAY[1 + a % 17]::smallint[], ARRAY[(ARRAY[${THEMES.map((t) => `'${t}'`)}])[1 + a % 20]]
     FROM bench_plan bp CROSS JOIN generate_series(0, ${actionsPerPlan - 1}) a`,
  `INSERT INTO plan_projections (plan_id, sections, actions, full_text, doc_seq, updated_at)
   SELECT bp.plan_id, s.sections, a.actions, s.full_text, 1, now() - random() * interval '300 days'
     FROM bench_plan bp
     CROSS JOIN LATERAL (
       SELECT jsonb_object_agg(k, t) AS sections, string_agg(t, E'\\n\\n') AS full_text
         FROM (SELECT k, bench_text(bp.lang, 3 + floor(random() * 5)::int + (bp.p * 0)) AS t
                 FROM unnest(ARRAY[${SECTION_KEYS.map((k) => `'${k}'`)}]) k) x) s
     CROSS JOIN LATERAL (
       SELECT jsonb_agg(jsonb_build_object('id', r.action_id, 'title', r.title, 'type', r.type,
                'objective', bench_text(bp.lang, 2), 'leadOrganisation', '', 'startDate', NULL, 'endDate', NULL,
                'cost', r.cost, 'currency', r.currency, 'funding', '[]'::jsonb, 'indicators', '[]'::jsonb,
                'sdgs', to_jsonb(r.sdgs), 'themes', to_jsonb(r.themes), 'inspiredBy', '[]'::jsonb,
                'status', r.status) ORDER BY r.position) AS actions
         FROM plan_action_rows r WHERE r.plan_id = bp.plan_id) a`,
];

/** Five channels per pairing (general, two topics, each city's own); messages spread over them. */
const messages = ({ messages: count }) => [
  `CREATE TABLE bench_channel AS
   SELECT row_number() OVER (ORDER BY bp.p, k.n) - 1 AS no, gen_random_uuid() AS id, bp.p, bp.id AS pairing_id,
          k.kind, k.name, k.side
     FROM bench_pairing bp CROSS JOIN (VALUES (1, 'general', 'General', NULL), (2, 'topic', 'Mobility', NULL),
          (3, 'topic', 'Energy', NULL), (4, 'city', 'EU team', 'eu'), (5, 'city', 'Partner team', 'partner')) k(n, kind, name, side)`,
  `INSERT INTO channels (id, pairing_id, kind, side, name, created_at)
   SELECT id, pairing_id, kind, side, name, now() - interval '800 days' FROM bench_channel`,
  `INSERT INTO messages (id, channel_id, author_id, body, created_at)
   SELECT gen_random_uuid(), ch.id, c.user_id, bench_text(c.lang, 1 + floor(random() * 3)::int + (g * 0)),
          now() - random() * interval '730 days'
     FROM generate_series(1, ${count}) g
     JOIN bench_channel ch ON ch.no = g % ${PAIRINGS * 5}
     JOIN bench_city c ON c.p = ch.p
      AND c.side = COALESCE(ch.side, CASE WHEN (g / ${PAIRINGS * 5}) % 2 = 0 THEN 'eu' ELSE 'partner' END)`,
];

/** The phrase inside its host language's sentence. */
function planted(plant) {
  const host = plant.host ?? plant.lang;
  return WRAPPERS[host].replace('{x}', plant.text);
}

/**
 * Puts each plant into documents of its host language not planted yet, outside a city team's own
 * space (a side item, a city channel: the officer who measures recall may not see those) (PLANT_KINDS: which kinds,
 * how many), and records them in bench_relevant (plant, kind, id as the search answers it).
 */
async function plant(db) {
  await db.query(
    `CREATE TABLE bench_relevant (plant text NOT NULL, kind text NOT NULL, id text NOT NULL)`,
  );
  const perKind = {};
  for (const k of PLANT_KINDS) perKind[k] = (perKind[k] ?? 0) + 1;
  const taken = (kind) => `(SELECT id FROM bench_relevant WHERE kind = '${kind}')`;
  for (const [key, p] of Object.entries(PLANTS)) {
    const host = p.host ?? p.lang;
    const sep = CJK_LANGUAGES.has(host) ? '' : ' ';
    const sentence = planted(p);
    const params = [key, host, sep + sentence, perKind.resource];
    await db.query(
      `WITH pick AS (SELECT id FROM resources WHERE language = $2 AND scope_level <> 'side' AND id::text NOT IN ${taken('resource')}
                      ORDER BY random() LIMIT $4),
            done AS (UPDATE resources r SET approach = r.approach || $3 FROM pick WHERE r.id = pick.id RETURNING r.id)
       INSERT INTO bench_relevant SELECT $1, 'resource', id::text FROM done`,
      params,
    );
    await db.query(
      `WITH pick AS (SELECT f.id FROM files f JOIN resources r ON r.id = f.subject_id
                      WHERE r.language = $2 AND r.scope_level <> 'side' AND f.id::text NOT IN ${taken('file')} ORDER BY random() LIMIT $4),
            done AS (UPDATE files f SET extracted_text = f.extracted_text || $3 FROM pick WHERE f.id = pick.id RETURNING f.id)
       INSERT INTO bench_relevant SELECT $1, 'file', id::text FROM done`,
      [key, host, sep + sentence, perKind.file],
    );
    await db.query(
      `WITH pick AS (SELECT bp.plan_id, k FROM bench_plan bp CROSS JOIN unnest(ARRAY[${SECTION_KEYS.map((k) => `'${k}'`)}]) k
                      WHERE bp.lang = $2 AND bp.plan_id::text || ':' || k NOT IN ${taken('plan-section')}
                      ORDER BY random() LIMIT 1),
            done AS (UPDATE plan_projections pp
                        SET sections = jsonb_set(pp.sections, ARRAY[pick.k], to_jsonb((pp.sections ->> pick.k) || $3)),
                            full_text = pp.full_text || $3
                       FROM pick WHERE pp.plan_id = pick.plan_id RETURNING pp.plan_id, pick.k)
       INSERT INTO bench_relevant SELECT $1, 'plan-section', plan_id::text || ':' || k FROM done`,
      [key, host, sep + sentence],
    );
    await db.query(
      `WITH pick AS (SELECT r.plan_id, r.action_id, r.position FROM plan_action_rows r JOIN bench_plan bp ON bp.plan_id = r.plan_id
                      WHERE bp.lang = $2 AND r.plan_id::text || ':' || r.action_id NOT IN ${taken('action')}
                      ORDER BY random() LIMIT 1),
            titled AS (UPDATE plan_action_rows r SET title = r.title || ' – ' || $3
                         FROM pick WHERE r.plan_id = pick.plan_id AND r.action_id = pick.action_id
                         RETURNING r.plan_id, r.action_id, r.title, pick.position),
            done AS (UPDATE plan_projections pp
                        SET actions = jsonb_set(jsonb_set(pp.actions, ARRAY[t.position::text, 'title'], to_jsonb(t.title)),
                                                ARRAY[t.position::text, 'objective'],
                                                to_jsonb((pp.actions -> t.position ->> 'objective') || $4))
                       FROM titled t WHERE pp.plan_id = t.plan_id RETURNING t.plan_id, t.action_id)
       INSERT INTO bench_relevant SELECT $1, 'action', plan_id::text || ':' || action_id FROM done`,
      [key, host, p.text, sep + sentence],
    );
    await db.query(
      `WITH pick AS (SELECT m.id FROM messages m JOIN bench_channel ch ON ch.id = m.channel_id
                       JOIN bench_city c ON c.p = ch.p AND c.user_id = m.author_id
                      WHERE c.lang = $2 AND ch.kind <> 'city' AND m.id::text NOT IN ${taken('message')} ORDER BY random() LIMIT $4),
            done AS (UPDATE messages m SET body = m.body || $3 FROM pick WHERE m.id = pick.id RETURNING m.id)
       INSERT INTO bench_relevant SELECT $1, 'message', id::text FROM done`,
      [key, host, sep + sentence, perKind.message],
    );
  }
}

/**
 * Fails when a labelled query could match the background text (every sentence, title and
 * wrapper of every language together) under any of the index's configurations: its relevant
 * documents would then not be just the planted ones.
 */
async function checkBackground(db) {
  const all = [...Object.values(SENTENCES).flat(), ...Object.values(WRAPPERS)].join('\n');
  const problems = [];
  for (const { q } of LABELLED) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(q)) {
      const bare = Object.values(WRAPPERS).join('');
      if (all.includes(q) || bare.includes(q)) problems.push(`${q}: in the background text`);
      continue;
    }
    const { rows } = await db.query(
      `SELECT c AS config FROM unnest(ARRAY['iuc_en','iuc_es','iuc_pt','iuc_fr','iuc_it','iuc_de','iuc_simple']::regconfig[]) c
        WHERE to_tsvector(c, $1) @@ plainto_tsquery(c, $2)`,
      [all, q],
    );
    if (rows.length)
      problems.push(`${q}: matches the background under ${rows.map((r) => r.config)}`);
  }
  if (problems.length) throw new Error(`labelled set not clean:\n${problems.join('\n')}`);
}

/** Writes the corpus into the migrated database at `url`; answers counts and timings. */
export async function buildCorpus(url, items, log) {
  const sizes = corpusSizes(items);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const started = performance.now();
  try {
    await checkBackground(db);
    await db.query('SET synchronous_commit = off');
    for (const sql of setup) await db.query(sql);
    for (const [lang, sentences] of Object.entries(SENTENCES))
      await db.query('INSERT INTO bench_bank VALUES ($1, $2)', [lang, sentences]);
    const phases = { resources, plans, messages };
    for (const [name, statements] of Object.entries(phases)) {
      const t = performance.now();
      for (const sql of statements(sizes)) await db.query(sql);
      log(`corpus: ${name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await plant(db);
    await db.query('ANALYZE');
    const { rows } = await db.query(`SELECT
      (SELECT count(*) FROM resources)::int AS resources, (SELECT count(*) FROM files)::int AS files,
      (SELECT count(*) * ${SECTION_KEYS.length} FROM plan_projections)::int AS sections,
      (SELECT count(*) FROM plan_action_rows)::int AS actions, (SELECT count(*) FROM messages)::int AS messages,
      (SELECT count(*) FROM bench_relevant)::int AS planted,
      (SELECT pg_size_pretty(sum(octet_length(extracted_text))) FROM files) AS file_text`);
    const counts = rows[0];
    counts.items =
      counts.resources + counts.files + counts.sections + counts.actions + counts.messages;
    return { sizes, counts, seconds: (performance.now() - started) / 1000 };
  } finally {
    await db.end();
  }
}
