/**
 * Scenario 7: a fast writer is slowed, not dropped. The seph-blog1 trace (137,154 transactions)
 * replayed through a stock y-websocket WebsocketProvider as fast as the client can send, one
 * update per trace transaction (an import script, a bot, a client catching up after a long offline
 * spell), into one section; meanwhile a second writer on another plan types 5 updates/s and a
 * reader of that plan measures its fan-out. Then the stored text, read back after a restart by a
 * fresh client, must equal the trace's end text (ours: durable; stock keeps memory only).
 * Replay time = from the first update until the server answered the writer's final sync step 1
 * (ours answers once everything before it is durable).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { Conn, Hub, SECTION, closeAll, drive, until } from '../lib/clients.mjs';
import { percentiles } from '../lib/report.mjs';
import { prepare } from '../lib/setup.mjs';
import { loadTrace, textOf } from './trace.mjs';

const OTHER_RATE = 5;

function replayInWorker(serverUrl, docName, token, trace) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(import.meta.dirname, '../lib/trace-replayer.mjs'), {
      workerData: { serverUrl, docName, token, section: SECTION, trace },
    });
    worker.once('message', (m) =>
      m.error ? reject(new Error(`${m.error} (close codes ${m.closeCodes})`)) : resolve(m),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`replayer exited with ${code}`)));
  });
}

async function run(ctx, kind, trace) {
  const env = await prepare(ctx, kind, 's7', { plans: 2, editorsPerPlan: 1, viewers: 2 });
  try {
    const [fast, other] = env.data.plans;
    const hub = new Hub({ maxSeq: 20_000, maxSamples: 20_000 });
    const writer = new Conn(hub, env.server.docUrl(other.docName, other.editors[0]), {
      group: 1,
      doc: new Y.Doc(),
      writer: true,
    });
    const reader = new Conn(hub, env.server.docUrl(other.docName, env.data.viewers[0]), {
      group: 1,
    });
    await Promise.all([writer.open(), reader.open()]);
    hub.startMeasuring();
    const url = env.server.docUrl(fast.docName, fast.editors[0]);
    const serverUrl = url.slice(0, url.indexOf('/collab/') + '/collab'.length);
    const cpu0 = env.server.cpuSeconds();
    let replaying = true;
    const replay = replayInWorker(serverUrl, fast.docName, fast.editors[0] || null, trace).finally(
      () => (replaying = false),
    );
    // The other writer types for as long as the replay runs (bounded).
    const typing = (async () => {
      while (replaying) await drive(hub, [writer], OTHER_RATE, 2_000);
    })();
    const result = await replay;
    await typing;
    const cpu = env.server.cpuSeconds() - cpu0;
    await until(() => hub.deliveries() >= hub.expectedDeliveries(), 5_000);
    const lat = percentiles([...hub.latencies()], [50, 99]);
    const out = {
      ...result,
      cpu,
      delivered: hub.deliveries(),
      expected: hub.expectedDeliveries(),
      p50: lat.p50,
      p99: lat.p99,
      max: lat.max,
    };
    await closeAll([writer, reader]);
    // BENCH_S7_DEBUG=1: the other plan's slowest updates and when, and the server's warnings.
    if (process.env.BENCH_S7_DEBUG) {
      const t0 = hub.sendTime[hub.measureFrom];
      const worst = hub
        .timeline()
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6);
      ctx.log(
        `  [7] ${kind} slowest: ${worst.map(([at, ms]) => `${ms.toFixed(0)} ms at ${((at - t0) / 1000).toFixed(2)} s`).join(', ')}`,
      );
      ctx.log(`  [7] ${kind} server log: ${env.server.log?.join('').slice(-1500)}`);
    }
    if (kind === 'ours') {
      if (result.closedForGood) await new Promise((r) => setTimeout(r, 1_000)); // its last writes land
      await env.restart();
      const fresh = new Conn(null, env.server.docUrl(fast.docName, env.data.viewers[1]), {
        doc: new Y.Doc(),
      });
      await fresh.open(60_000);
      out.readBack = textOf(fresh.doc);
      fresh.close();
    }
    return out;
  } finally {
    await env.teardown();
  }
}

export async function scenario7(ctx) {
  const trace = loadTrace();
  ctx.log(
    `  [7] ${trace.txns.length} updates through a stock WebsocketProvider at full speed; another plan's writer types ${OTHER_RATE}/s meanwhile`,
  );
  const stock = await run(ctx, 'stock', trace);
  const ours = await run(ctx, 'ours', trace);
  for (const r of [stock, ours])
    ctx.log(
      `  [7] ${r === ours ? 'ours' : 'stock'}: ${r.closedForGood ? 'CLOSED FOR GOOD, ' : ''}sent in ${(r.sentMs / 1000).toFixed(2)} s, acknowledged at ${(r.ackedMs / 1000).toFixed(2)} s, server CPU ${r.cpu.toFixed(2)} s, close codes [${r.closeCodes}], other plan ${r.delivered}/${r.expected} delivered`,
    );
  const t = ctx.table;
  t.add({
    scenario: 7,
    metric: `replay time, ${ours.updates} updates at full speed, until acknowledged (s)`,
    ours: ours.closedForGood ? 'closed' : ours.ackedMs / 1000,
    stock: stock.ackedMs / 1000,
    digits: 2,
    target: '≤ 2× stock',
    pass: !ours.closedForGood && ours.ackedMs <= 2 * stock.ackedMs,
  });
  t.add({
    scenario: 7,
    metric: 'server CPU for the replay (s)',
    ours: ours.cpu,
    stock: stock.cpu,
    digits: 2,
  });
  t.add({
    scenario: 7,
    metric: 'writer closed by the server',
    ours: ours.closeCodes.length ? `yes (${ours.closeCodes})` : 'no',
    stock: stock.closeCodes.length ? `yes (${stock.closeCodes})` : 'no',
    target: 'no',
    pass: ours.closeCodes.length === 0,
  });
  t.add({
    scenario: 7,
    metric: 'text read back after restart = endContent',
    ours:
      ours.readBack === trace.endContent
        ? 'equal'
        : `DIFFERS (${ours.readBack?.length ?? 0} of ${trace.endContent.length} chars)`,
    stock: 'n/a (memory only)',
    target: 'equal',
    pass: ours.readBack === trace.endContent,
  });
  t.add({
    scenario: 7,
    metric: `other plan's fan-out p50 / p99 (ms), ${OTHER_RATE} updates/s during the replay`,
    ours: `${ours.p50.toFixed(2)} / ${ours.p99.toFixed(2)}`,
    stock: `${stock.p50.toFixed(2)} / ${stock.p99.toFixed(2)}`,
    target: 'p99 ≤ 25',
    pass: ours.p99 <= 25 && ours.delivered >= ours.expected,
  });
  t.add({
    scenario: 7,
    metric: "other plan's fan-out max (ms)",
    ours: ours.max,
    stock: stock.max,
    digits: 1,
  });
}
