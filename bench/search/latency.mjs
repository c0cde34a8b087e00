// Latency per query class, as the member and as the officer: ours over HTTP (after one warm-up
// pass over every query), as the results page asks (20 results, facets and total) and as the
// header's suggestions ask (6 results, no facets), beside the ILIKE baseline over the same rows
// (baseline.mjs), without an index and with a pg_trgm index. A slow baseline class stops at its
// time budget (at least 3 queries); the table gives each figure's number of queries.
import { baselineQuery, createTrigramIndex, dropTrigramIndex } from './baseline.mjs';
import { search } from './search-client.mjs';
import { ms, quantile, table } from './stats.mjs';

export const TARGET_P95_MS = 50;

const cycle = (queries, n) => Array.from({ length: n }, (_, i) => queries[i % queries.length]);

/** The results page's request (20 with facets and total), and the header's suggestions (6, none). */
const RESULTS_PAGE = { limit: 20 };
const SUGGESTIONS = { limit: 6, facets: false };

async function timeOurs(api, persona, queries, samples, request) {
  for (const q of queries) await search(api, persona, q, request);
  const times = [];
  const totals = [];
  for (const q of cycle(queries, Math.max(samples, queries.length))) {
    const { body, ms: t } = await search(api, persona, q, request);
    times.push(t);
    totals.push(body.total ?? 0);
  }
  return { times, totals };
}

async function timeBaseline(db, persona, queries, samples, budgetMs) {
  await db.query(baselineQuery(queries[0], persona));
  const times = [];
  const started = performance.now();
  for (const q of cycle(queries, Math.max(samples, 3))) {
    if (times.length >= 3 && performance.now() - started > budgetMs) break;
    const t = performance.now();
    await db.query(baselineQuery(q, persona));
    times.push(performance.now() - t);
  }
  return times;
}

export async function measureLatency({ api, db, personas, classes, samples, scan, log }) {
  const figures = {};
  for (const persona of personas) {
    figures[persona.name] = {};
    for (const [name, queries] of Object.entries(classes)) {
      log(`latency: ours, ${persona.name}, ${name}…`);
      figures[persona.name][name] = await timeOurs(api, persona, queries, samples, RESULTS_PAGE);
      figures[persona.name][name].suggestions = (
        await timeOurs(api, persona, queries, samples, SUGGESTIONS)
      ).times;
    }
  }
  await dropTrigramIndex(db);
  for (const persona of personas)
    for (const [name, queries] of Object.entries(classes)) {
      log(`latency: ILIKE without index, ${persona.name}, ${name}…`);
      figures[persona.name][name].scan = await timeBaseline(
        db,
        persona,
        queries,
        scan.samples,
        scan.budgetMs,
      );
    }
  log('latency: creating the pg_trgm index…');
  const trigram = await createTrigramIndex(db);
  for (const persona of personas)
    for (const [name, queries] of Object.entries(classes)) {
      log(`latency: ILIKE with pg_trgm, ${persona.name}, ${name}…`);
      figures[persona.name][name].trgm = await timeBaseline(
        db,
        persona,
        queries,
        samples,
        scan.budgetMs,
      );
    }
  return {
    figures,
    trigram,
    classes: Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, v.length])),
  };
}

const p = (times) => `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.95))} (${times.length})`;
const ratio = (base, ours) => {
  const r = quantile(base, 0.95) / quantile(ours, 0.95);
  return `${r.toFixed(r < 1 ? 2 : 1)}×`;
};

export function latencyTable({ figures }) {
  const rows = [
    [
      'class (distinct queries)',
      'as',
      'ours p50 / p95 (n)',
      'median total',
      'ours, suggestions p50 / p95',
      'ILIKE p50 / p95 (n)',
      'ILIKE+pg_trgm p50 / p95 (n)',
      'p95 ratio ILIKE/ours',
      'p95 ratio trgm/ours',
      `ours p95 ≤ ${TARGET_P95_MS} ms`,
    ],
  ];
  for (const [persona, classes] of Object.entries(figures))
    for (const [name, f] of Object.entries(classes)) {
      rows.push([
        name,
        persona,
        p(f.times),
        String(quantile(f.totals, 0.5)),
        p(f.suggestions),
        p(f.scan),
        p(f.trgm),
        ratio(f.scan, f.times),
        ratio(f.trgm, f.times),
        quantile(f.times, 0.95) <= TARGET_P95_MS ? 'ok' : 'MISSED',
      ]);
    }
  return table(rows);
}
