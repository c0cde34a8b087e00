/**
 * Scenario 3: cold open of a plan whose history is 100,000 small updates (typing into one
 * paragraph of section:context: inserts at a cursor, some backspaces and cursor jumps).
 * The history is inserted into collab_updates directly, for several plans with identical
 * histories; each plan's first open (a raw replay of 100,000 rows by the server) is timed and lets
 * the server compact it. Then, over several restarts, every plan is opened cold (the server process
 * is warm: one small other plan is opened first) and the time to sync step 2 is taken.
 */
import * as Y from 'yjs';
import { Conn, SECTION, sectionText } from '../lib/clients.mjs';
import { storedBytes } from '../lib/db.mjs';
import { percentiles } from '../lib/report.mjs';
import { waitForQuiet } from '../lib/proc.mjs';
import { prepare } from '../lib/setup.mjs';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateHistory(n, seed = 42) {
  const rand = rng(seed);
  const doc = new Y.Doc();
  const updates = [];
  doc.on('update', (u) => updates.push(u));
  let text;
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    text = new Y.XmlText();
    p.insert(0, [text]);
    doc.getXmlFragment(SECTION).push([p]);
  });
  const letters = 'etaoinshrdlcumwfgypbvkjxqz     ,.\n';
  let cursor = 0;
  while (updates.length < n) {
    const r = rand();
    if (r < 0.05 && cursor > 0) {
      text.delete(cursor - 1, 1);
      cursor--;
    } else {
      if (r < 0.07) cursor = Math.floor(rand() * (text.length + 1));
      text.insert(cursor, letters[Math.floor(rand() * letters.length)]);
      cursor++;
    }
  }
  return { doc, updates };
}

export async function scenario3(ctx) {
  const N = 100_000;
  const REPLAYED = 2; // plans whose 100k-row log the server replays and compacts itself
  const COLD = 20; // cold opens of distinct plans in one running server
  const RESTARTS = 3; // opens right after a restart (process cold too)
  const t = ctx.table;
  const tg = performance.now();
  const { doc: reference, updates } = generateHistory(N);
  const expectedText = sectionText(reference);
  const genMs = performance.now() - tg;

  // Raw replay in the generator: what opening costs without a snapshot.
  const tr = performance.now();
  const replay = new Y.Doc();
  Y.transact(replay, () => {
    for (const u of updates) Y.applyUpdate(replay, u);
  });
  const rawReplayMs = performance.now() - tr;
  if (sectionText(replay) !== expectedText)
    throw new Error('raw replay differs from the generated document');
  replay.destroy();
  const snapshotBytes = Y.encodeStateAsUpdate(reference).length;
  const logBytes = updates.reduce((s, u) => s + u.length, 0);
  ctx.log(
    `  [3] history: ${N} updates, ${logBytes} B as a log, ${snapshotBytes} B as one state update (V2: ${Y.encodeStateAsUpdateV2(reference).length} B), text ${expectedText.length} chars (generated in ${genMs.toFixed(0)} ms)`,
  );

  const env = await prepare(ctx, 'ours', 's3', {
    plans: REPLAYED + COLD + 1,
    editorsPerPlan: 1,
    viewers: 1,
  });
  try {
    const { pg, data } = env;
    const replayed = data.plans.slice(0, REPLAYED);
    const copies = data.plans.slice(REPLAYED, REPLAYED + COLD);
    const small = data.plans[REPLAYED + COLD];
    const viewer = data.viewers[0];
    const ti = performance.now();
    const BATCH = 10_000;
    for (let i = 0; i < updates.length; i += BATCH) {
      const chunk = updates
        .slice(i, i + BATCH)
        .map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      await pg.query(
        `INSERT INTO collab_updates (doc_name, update) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS x(u, n) ORDER BY n`,
        [replayed[0].docName, chunk],
      );
    }
    for (const plan of replayed.slice(1)) {
      await pg.query(
        `INSERT INTO collab_updates (doc_name, update) SELECT $2, update FROM collab_updates WHERE doc_name = $1 ORDER BY seq`,
        [replayed[0].docName, plan.docName],
      );
    }
    ctx.log(`  [3] inserted ${REPLAYED} × ${N} rows in ${(performance.now() - ti).toFixed(0)} ms`);
    // the small plan: has content, used to warm the server process up
    const w = new Conn(null, env.server.docUrl(small.docName, small.editors[0]), {
      doc: new Y.Doc(),
      writer: true,
    });
    await w.open();
    w.type(1);
    await new Promise((r) => setTimeout(r, 200));
    w.close();
    const openCheck = async (docName, timeoutMs = 30_000) => {
      const c = new Conn(null, env.server.docUrl(docName, viewer), { doc: new Y.Doc() });
      await c.open(timeoutMs);
      c.close();
      if (sectionText(c.doc) !== expectedText)
        throw new Error(`${docName}: opened content differs from the history`);
      return c;
    };

    // First opens: the server replays 100,000 rows, then compacts (it schedules that on load).
    const firstOpen = [];
    const compaction = [];
    for (const plan of replayed) {
      const c = await openCheck(plan.docName, 60_000);
      firstOpen.push(c.syncMs);
      const tc = performance.now();
      let compacted = false;
      const end = performance.now() + 60_000;
      while (performance.now() < end) {
        const s = await storedBytes(pg, plan.docName);
        if (s.snapshot > 0 && s.tail_rows < 1000) {
          compacted = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      compaction.push(performance.now() - tc + c.syncMs);
      if (!compacted) throw new Error(`${plan.docName} was not compacted within 60 s`);
    }
    const stored = await storedBytes(pg, replayed[0].docName);
    // Plans with identical histories: the snapshot the server wrote, under other names.
    await pg.query(
      `INSERT INTO collab_snapshots (doc_name, state, last_seq) SELECT n, s.state, s.last_seq FROM collab_snapshots s, unnest($2::text[]) AS n WHERE s.doc_name = $1`,
      [replayed[0].docName, copies.map((p) => p.docName)],
    );

    // Cold documents in a running server: restart, open the small plan, then each copy once.
    await env.restart();
    await openCheck.call(null, small.docName).catch(() => undefined);
    const cold = [];
    const upgrade = [];
    const noise = [];
    for (const plan of copies) {
      noise.push(await waitForQuiet({ maxMs: ctx.quietMs ?? 1_500, windowMs: 300 }));
      const c = await openCheck(plan.docName);
      cold.push(c.syncMs);
      upgrade.push(c.openMs);
    }
    // Cold process too: the first open after a restart.
    const coldProcess = [];
    for (let r = 0; r < RESTARTS; r++) {
      await env.restart();
      await waitForQuiet({ maxMs: ctx.quietMs ?? 1_500, windowMs: 300 });
      coldProcess.push((await openCheck(replayed[r % replayed.length].docName)).syncMs);
    }
    const p = percentiles(cold, [50, 95]);
    const ratio = (stored.snapshot + stored.tail) / snapshotBytes;
    ctx.log(
      `  [3] stored: snapshot ${stored.snapshot} B + tail ${stored.tail_rows} rows / ${stored.tail} B`,
    );
    ctx.log(
      `  [3] cold opens in order (ms): ${cold.map((x) => x.toFixed(1)).join(' ')}; websocket upgrade part: ${upgrade.map((x) => x.toFixed(1)).join(' ')}`,
    );
    ctx.log(
      `  [3] other processes just before each cold open, % of a core: ${noise.map((x) => (x * 100).toFixed(0)).join(' ')}`,
    );
    ctx.log(
      `  [3] first open after a restart (ms): ${coldProcess.map((x) => x.toFixed(1)).join(' ')}`,
    );
    t.add({
      scenario: 3,
      metric: 'raw replay of the 100k updates in-process (ms)',
      ours: rawReplayMs,
      stock: '—',
      digits: 0,
    });
    t.add({
      scenario: 3,
      metric: 'open of a 100k-row log, no snapshot (ms, median)',
      ours: percentiles(firstOpen).p50,
      stock: '—',
      digits: 0,
    });
    t.add({
      scenario: 3,
      metric: '… until compacted (ms, median)',
      ours: percentiles(compaction).p50,
      stock: '—',
      digits: 0,
    });
    t.add({
      scenario: 3,
      metric: `cold open, compacted, p50 (ms, n=${cold.length})`,
      ours: p.p50,
      stock: '—',
      digits: 1,
    });
    t.add({
      scenario: 3,
      metric: `cold open, compacted, p95 (ms, n=${cold.length})`,
      ours: p.p95,
      stock: '—',
      digits: 1,
      target: '≤ 50',
      pass: p.p95 <= 50,
    });
    t.add({
      scenario: 3,
      metric: `first open after a restart (ms, median of ${RESTARTS})`,
      ours: percentiles(coldProcess).p50,
      stock: '—',
      digits: 1,
    });
    t.add({
      scenario: 3,
      metric: `stored bytes (snapshot + ${stored.tail_rows}-row tail)`,
      ours: stored.snapshot + stored.tail,
      stock: '—',
      digits: 0,
    });
    t.add({
      scenario: 3,
      metric: `stored ÷ encodeStateAsUpdate (${snapshotBytes} B)`,
      ours: ratio,
      stock: '—',
      digits: 3,
      target: '≤ 1.1',
      pass: ratio <= 1.1,
    });
  } finally {
    await env.teardown();
  }
}
