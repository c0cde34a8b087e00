/**
 * Scenario 5: a real workload. The seph-blog1 editing trace (137,154 transactions, 137,993 patches
 * of a 56,769-character blog post) replayed by one client into one Y.XmlText inside a paragraph of
 * the Y.XmlFragment `section:context` (the shape TipTap gives a section), through the server, with a
 * second connection watching. Paced: the trace goes in transactions of TXN_PER_UPDATE trace
 * transactions each, at RATE updates/s (same for stock); scenario 7 sends it at full speed.
 * Then: stored bytes (ours) against Y.encodeStateAsUpdateV2 of the same document, a restart, and
 * the text as read back by a fresh client, which must equal the trace's end text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { Conn, Hub, SECTION, closeAll, until } from '../lib/clients.mjs';
import { storedBytes } from '../lib/db.mjs';
import { ROOT } from '../lib/servers.mjs';
import { prepare } from '../lib/setup.mjs';

const TRACE =
  process.env.BENCH_TRACE ?? path.resolve(ROOT, '../shared/data/traces/seph-blog1.json.gz');
const TXN_PER_UPDATE = 100;
const RATE = 150;

export function loadTrace() {
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE)).toString('utf8'));
  // check the trace against a plain string first (indices are UTF-16 code units, as in Yjs)
  let s = trace.startContent;
  for (const txn of trace.txns)
    for (const [pos, del, ins] of txn.patches) s = s.slice(0, pos) + ins + s.slice(pos + del);
  if (s !== trace.endContent) throw new Error('trace does not replay to its endContent');
  return trace;
}

export const textOf = (doc) => {
  const p = doc.getXmlFragment(SECTION).get(0);
  const t = p?.get(0);
  return t instanceof Y.XmlText
    ? t
        .toDelta()
        .map((d) => d.insert)
        .join('')
    : null;
};

async function replay(ctx, kind, trace) {
  const env = await prepare(ctx, kind, 's5', { plans: 2, editorsPerPlan: 1, viewers: 1 });
  try {
    const plan = env.data.plans[0];
    const hub = new Hub({ maxSeq: 10, maxSamples: 10 });
    const writer = new Conn(hub, env.server.docUrl(plan.docName, plan.editors[0]), {
      doc: new Y.Doc(),
      writer: true,
    });
    const watcher = new Conn(hub, env.server.docUrl(plan.docName, env.data.viewers[0]));
    await Promise.all([writer.open(), watcher.open()]);
    const doc = writer.doc;
    let text;
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      text = new Y.XmlText(trace.startContent);
      p.insert(0, [text]);
      doc.getXmlFragment(SECTION).push([p]);
    });
    const txns = trace.txns;
    const batches = Math.ceil(txns.length / TXN_PER_UPDATE);
    const cpu0 = env.server.cpuSeconds();
    const t0 = performance.now();
    const framesBefore = watcher.frames;
    for (let b = 0; b < batches; b++) {
      const due = t0 + (b * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      doc.transact(() => {
        for (const txn of txns.slice(b * TXN_PER_UPDATE, (b + 1) * TXN_PER_UPDATE)) {
          for (const [pos, del, ins] of txn.patches) {
            if (del) text.delete(pos, del);
            if (ins) text.insert(pos, ins);
          }
        }
      });
      if (writer.closed) throw new Error(`writer closed (${writer.closeCode}) after ${b} updates`);
    }
    const sendMs = performance.now() - t0;
    // the watcher receives every update (ours: only once it is durable); the stock server echoes
    const delivered = await until(() => watcher.frames - framesBefore >= batches, 60_000, 5);
    const ms = performance.now() - t0;
    const cpu = env.server.cpuSeconds() - cpu0;
    if (!delivered)
      throw new Error(`${kind}: watcher got ${watcher.frames - framesBefore}/${batches} updates`);
    if (textOf(doc) !== trace.endContent)
      throw new Error('writer document differs from endContent');
    const v2 = Y.encodeStateAsUpdateV2(doc).length;
    const v1 = Y.encodeStateAsUpdate(doc).length;
    const out = { kind, batches, sendMs, ms, cpu, v1, v2 };
    await closeAll([writer, watcher]);
    if (kind === 'ours') {
      out.storedLive = await storedBytes(env.pg, plan.docName);
      await env.restart();
      out.stored = await storedBytes(env.pg, plan.docName);
      // warm the process with the other plan, then open the trace's plan cold with a fresh client
      const other = env.data.plans[1];
      await new Conn(null, env.server.docUrl(other.docName, other.editors[0]))
        .open()
        .then((c) => c.close());
      const reader = new Conn(null, env.server.docUrl(plan.docName, env.data.viewers[0]), {
        doc: new Y.Doc(),
      });
      await reader.open();
      out.coldOpenMs = reader.syncMs;
      out.readBack = textOf(reader.doc);
      reader.close();
      const again = await env.restart();
      const first = new Conn(null, again.docUrl(plan.docName, env.data.viewers[0]));
      await first.open();
      out.firstAfterRestartMs = first.syncMs;
      first.close();
    }
    return out;
  } finally {
    await env.teardown();
  }
}

export async function scenario5(ctx) {
  const trace = loadTrace();
  const patches = trace.txns.reduce((s, t) => s + t.patches.length, 0);
  ctx.log(
    `  [5] trace: ${trace.txns.length} transactions, ${patches} patches, end text ${trace.endContent.length} chars; sent as Y.XmlText in ${SECTION} (paragraph), ${TXN_PER_UPDATE} transactions per update at ${RATE} updates/s`,
  );
  const stock = await replay(ctx, 'stock', trace);
  const ours = await replay(ctx, 'ours', trace);
  ctx.log(
    `  [5] ours: stored while live ${ours.storedLive.snapshot} B snapshot + ${ours.storedLive.tail_rows} rows (${ours.storedLive.tail} B); after restart ${ours.stored.snapshot} + ${ours.stored.tail_rows} rows (${ours.stored.tail} B); V1 state ${ours.v1} B, V2 state ${ours.v2} B`,
  );
  const t = ctx.table;
  const storedTotal = ours.stored.snapshot + ours.stored.tail;
  t.add({
    scenario: 5,
    metric: `replay time, ${ours.batches} updates, until the watcher has all (s)`,
    ours: ours.ms / 1000,
    stock: stock.ms / 1000,
    digits: 2,
    note: 'paced',
  });
  t.add({
    scenario: 5,
    metric: 'server CPU for the replay (s)',
    ours: ours.cpu,
    stock: stock.cpu,
    digits: 2,
  });
  t.add({
    scenario: 5,
    metric: 'text read back after restart = endContent',
    ours: ours.readBack === trace.endContent ? 'equal' : 'DIFFERS',
    stock: 'n/a (memory only)',
    target: 'equal',
    pass: ours.readBack === trace.endContent,
  });
  t.add({
    scenario: 5,
    metric: `stored bytes (snapshot + ${ours.stored.tail_rows}-row tail)`,
    ours: storedTotal,
    stock: '—',
    digits: 0,
  });
  t.add({
    scenario: 5,
    metric: `stored ÷ encodeStateAsUpdateV2 (${ours.v2} B)`,
    ours: storedTotal / ours.v2,
    stock: '—',
    digits: 2,
  });
  t.add({
    scenario: 5,
    metric: `stored ÷ encodeStateAsUpdate V1 (${ours.v1} B)`,
    ours: storedTotal / ours.v1,
    stock: '—',
    digits: 2,
  });
  t.add({
    scenario: 5,
    metric: 'cold open after restart (ms; process warmed by another plan)',
    ours: ours.coldOpenMs,
    stock: '—',
    digits: 1,
  });
  t.add({
    scenario: 5,
    metric: 'first open after restart (ms; process cold)',
    ours: ours.firstAfterRestartMs,
    stock: '—',
    digits: 1,
  });
}
