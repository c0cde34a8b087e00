// Recall on the labelled set, as the officer (who may see every planted document): each query's
// pages are walked (cursor after cursor, as deep as the API pages) until every relevant document
// was seen or the results end. Recall = relevant found / relevant planted. Beside it, the ILIKE
// baseline's recall on the same set (every word as a substring, no ranking or paging limit).
import { baselineQuery } from './baseline.mjs';
import { LABELLED } from './labelled.mjs';
import { search } from './search-client.mjs';
import { table } from './stats.mjs';

const key = (kind, id) => `${kind} ${id}`;

/**
 * Each labelled query's relevant documents: the planted ones, less any the index holds with an
 * audience the officer may not see (none by construction; counted in case a source decides so).
 */
async function relevantSets(db, officer) {
  const { rows } = await db.query(
    `SELECT plant, kind, id FROM bench_relevant r
      WHERE NOT EXISTS (SELECT 1 FROM search_documents d
                         WHERE d.kind = r.kind AND d.id = r.id AND NOT ${officer.visibility.sql})`,
    officer.visibility.params,
  );
  const byPlant = new Map();
  for (const r of rows) {
    if (!byPlant.has(r.plant)) byPlant.set(r.plant, new Set());
    byPlant.get(r.plant).add(key(r.kind, r.id));
  }
  return LABELLED.map(({ q, plants }) => ({
    q,
    relevant: new Set(plants.flatMap((p) => [...(byPlant.get(p) ?? [])])),
  }));
}

async function walk(api, persona, q, relevant) {
  const found = new Set();
  let cursor = null;
  let pages = 0;
  let seen = 0;
  do {
    const { body } = await search(api, persona, q, { cursor });
    pages++;
    for (const item of body.items) {
      seen++;
      if (relevant.has(key(item.kind, item.id))) found.add(key(item.kind, item.id));
    }
    cursor = body.nextCursor;
  } while (cursor && found.size < relevant.size);
  return { found, pages, seen };
}

export async function measureRecall({ api, db, officer, log }) {
  const sets = await relevantSets(db, officer);
  const rows = [];
  for (const { q, relevant } of sets) {
    const ours = await walk(api, officer, q, relevant);
    const { rows: hits } = await db.query(baselineQuery(q, officer, { all: true }));
    const baseline = hits.filter((h) => relevant.has(key(h.kind, h.id))).length;
    const missed = [...relevant].filter((k) => !ours.found.has(k));
    rows.push({
      q,
      relevant: relevant.size,
      found: ours.found.size,
      pages: ours.pages,
      seen: ours.seen,
      baseline,
      missed,
    });
  }
  log(`recall: ${rows.length} queries walked`);
  const sum = (f) => rows.reduce((s, r) => s + f(r), 0);
  const byKind = {};
  for (const { relevant } of sets)
    for (const k of relevant) {
      const kind = k.split(' ')[0];
      byKind[kind] ??= { relevant: 0, missed: 0 };
      byKind[kind].relevant++;
    }
  for (const r of rows) for (const k of r.missed) byKind[k.split(' ')[0]].missed++;
  return {
    byKind,
    queries: rows,
    recall: sum((r) => r.found) / sum((r) => r.relevant),
    baselineRecall: sum((r) => r.baseline) / sum((r) => r.relevant),
    perfect: rows.filter((r) => r.found === r.relevant).length,
  };
}

export function recallTable(f, target) {
  const lines = [
    `recall on ${f.queries.length} labelled queries (${f.queries.reduce((s, r) => s + r.relevant, 0)} relevant documents): ours ${f.recall.toFixed(3)} (target ≥ ${target}: ${f.recall >= target ? 'ok' : 'MISSED'}), ILIKE baseline ${f.baselineRecall.toFixed(3)}; ${f.perfect} queries at 1.00`,
  ];
  lines.push(
    `by kind (ours): ${Object.entries(f.byKind)
      .map(([kind, k]) => `${kind} ${((k.relevant - k.missed) / k.relevant).toFixed(2)}`)
      .join(', ')}`,
  );
  const below = f.queries.filter((r) => r.found < r.relevant);
  if (below.length) {
    const rows = [
      ['query', 'ours found / relevant', 'recall', 'ILIKE found', 'pages walked', 'missed kinds'],
    ];
    for (const r of below)
      rows.push([
        r.q,
        `${r.found} / ${r.relevant}`,
        (r.found / r.relevant).toFixed(2),
        String(r.baseline),
        String(r.pages),
        [...new Set(r.missed.map((k) => k.split(' ')[0]))].join(', '),
      ]);
    lines.push(table(rows));
  }
  return lines.join('\n');
}
