/**
 * Scenario 6: crashes. Each cycle: 4 writers type (20 updates/s each) and 2 readers watch; after
 * 1.5–2.5 s the server gets SIGKILL; the clients are destroyed without re-syncing (closed tabs); the
 * server restarts and a fresh client reads the document. An update must survive when another client
 * had received it, or when it was sent at least 200 ms before the kill. Counted over 5 cycles on one
 * plan (each cycle's check also covers all earlier cycles).
 */
import * as Y from 'yjs';
import { Conn, Hub, drive, markersInText, openAll, sectionText } from '../lib/clients.mjs';
import { prepare } from '../lib/setup.mjs';

const CYCLES = 5;
const WRITERS = 4;
const READERS = 2;
const RATE = 20;

export async function scenario6(ctx) {
  const env = await prepare(ctx, 'ours', 's6', {
    plans: 1,
    editorsPerPlan: WRITERS,
    viewers: READERS + 1,
  });
  const hub = new Hub({
    maxSeq: CYCLES * WRITERS * RATE * 4 + 100,
    maxSamples: CYCLES * WRITERS * RATE * 4 * (WRITERS + READERS),
  });
  const plan = env.data.plans[0];
  const mustSurvive = new Set();
  let lost = 0;
  let lostSeen = 0;
  const lostSent = [];
  let lostOptional = 0;
  let sentTotal = 0;
  let witnessedTotal = 0;
  const lines = [];
  try {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const server = env.server;
      const writers = plan.editors.map(
        (tok) =>
          new Conn(hub, server.docUrl(plan.docName, tok), {
            group: 0,
            doc: new Y.Doc(),
            writer: true,
          }),
      );
      const readers = env.data.viewers
        .slice(0, READERS)
        .map((tok) => new Conn(hub, server.docUrl(plan.docName, tok), { group: 0 }));
      const conns = [...writers, ...readers];
      await openAll(conns);
      const firstSeq = hub.nextSeq;
      const runMs = 1500 + Math.random() * 1000;
      const typing = drive(hub, writers, RATE, 5_000);
      await new Promise((r) => setTimeout(r, runMs));
      const killAt = performance.now();
      await server.kill();
      for (const c of conns) c.terminate(); // closed tabs: no re-sync, no goodbye
      await typing;
      // what had to survive
      let sent = 0;
      let witnessed = 0;
      const required = [];
      const optional = [];
      for (let s = firstSeq; s < hub.nextSeq; s++) {
        if (!(hub.sendTime[s] > 0) || hub.sendTime[s] > killAt) continue;
        sent++;
        const seen = conns.some((c) => c.id !== hub.writerOf[s] && c.received[s]);
        if (seen) witnessed++;
        if (seen || hub.sendTime[s] <= killAt - 200) required.push(s);
        else optional.push(s);
      }
      required.forEach((s) => mustSurvive.add(s));
      await env.restart();
      const reader = new Conn(null, env.server.docUrl(plan.docName, env.data.viewers[READERS]), {
        doc: new Y.Doc(),
      });
      await reader.open();
      reader.close();
      const present = new Set(markersInText(sectionText(reader.doc)));
      const missing = [...mustSurvive].filter((s) => !present.has(s));
      const stallMs = Math.max(0, killAt - (hub.lastReceiveAt ?? killAt));
      for (const s of required) {
        if (present.has(s)) continue;
        if (conns.some((c) => c.id !== hub.writerOf[s] && c.received[s])) lostSeen++;
        else lostSent.push(killAt - hub.sendTime[s]);
      }
      const missingOptional = optional.filter((s) => !present.has(s)).length;
      lost = missing.length; // cumulative over all cycles so far
      lostOptional += missingOptional;
      sentTotal += sent;
      witnessedTotal += witnessed;
      lines.push(
        `cycle ${cycle}: killed after ${runMs.toFixed(0)} ms, ${sent} sent, ${witnessed} seen by another client, ${required.length} required, ${optional.length} in the last 200 ms unseen (${missingOptional} of them lost); required missing so far: ${missing.length}; last relay ${stallMs.toFixed(0)} ms before the kill`,
      );
    }
  } finally {
    await env.teardown();
  }
  for (const l of lines) ctx.log(`  [6] ${l}`);
  const t = ctx.table;
  t.add({
    scenario: 6,
    metric: `updates sent before the kills (${CYCLES} cycles)`,
    ours: sentTotal,
    stock: 'n/a (memory only)',
    digits: 0,
  });
  t.add({
    scenario: 6,
    metric: 'of which seen by another client',
    ours: witnessedTotal,
    stock: '—',
    digits: 0,
  });
  t.add({
    scenario: 6,
    metric: 'lost among seen or sent ≥ 200 ms before a kill',
    ours: lost,
    stock: '—',
    digits: 0,
    target: '0',
    pass: lost === 0,
  });
  t.add({
    scenario: 6,
    metric: '  of which seen by another client (durability broken)',
    ours: lostSeen,
    stock: '—',
    digits: 0,
    target: '0',
    pass: lostSeen === 0,
  });
  if (lostSent.length) {
    t.add({
      scenario: 6,
      metric: '  of which unseen, sent … ms before the kill (max)',
      ours: Math.max(...lostSent),
      stock: '—',
      digits: 0,
    });
  }
  t.add({
    scenario: 6,
    metric: 'lost among unseen, sent < 200 ms before a kill (allowed)',
    ours: lostOptional,
    stock: '—',
    digits: 0,
  });
}
